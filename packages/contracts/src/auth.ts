import { ROLES } from "@dtplan/domain/access/roles.ts";
import { z } from "zod";

export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

export const ZLoginRequest = z.object({
  username: z.string().trim().min(1, "Nhập tên đăng nhập").max(100),
  password: z.string().min(1, "Nhập mật khẩu").max(200),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZGrant = z.object({
  unitId: z.uuid(),
  role: ZRole,
});
export type TGrant = z.infer<typeof ZGrant>;

export const ZGrantView = ZGrant.extend({
  unitName: z.string(),
  tenantId: z.uuid(),
  /** The unit's last day when it no longer exists (merged, split, closed): the grant should move to its successor. */
  unitClosedOn: z.iso.date().nullable(),
});

/** The signed-in user as the web app sees it. */
export const ZSessionUser = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  isSuperadmin: z.boolean(),
  grants: z.array(ZGrantView),
});
export type TSessionUser = z.infer<typeof ZSessionUser>;

/**
 * Returned by login and by `GET /api/auth/me`. The CSRF token goes back in the
 * `x-csrf-token` header of every state-changing request.
 */
export const ZSessionResponse = z.object({
  user: ZSessionUser,
  csrfToken: z.string(),
  /** What the browser checks before sending (a file over the limit is refused before upload). */
  limits: z.object({ evidenceMaxBytes: z.number().int().positive() }),
});
export type TSessionResponse = z.infer<typeof ZSessionResponse>;
