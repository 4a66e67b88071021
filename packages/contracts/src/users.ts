import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@dtplan/domain/access/password-rules.ts";
import { z } from "zod";
import { ZGrant, ZGrantView } from "./auth.ts";

// The length is checked here for the form; the full rule (common passwords, not the
// username) on the server, by the domain's passwordProblem.
const ZPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Mật khẩu tối thiểu ${PASSWORD_MIN_LENGTH} ký tự`)
  .max(PASSWORD_MAX_LENGTH, `Mật khẩu tối đa ${PASSWORD_MAX_LENGTH} ký tự`);

export const ZUser = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  active: z.boolean(),
  isSuperadmin: z.boolean(),
  grants: z.array(ZGrantView),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZUserList = z.object({ items: z.array(ZUser), total: z.number().int() });
export type TUserList = z.infer<typeof ZUserList>;

export const ZUserListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  unitId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TUserListQuery = z.infer<typeof ZUserListQuery>;

export const ZCreateUser = z.object({
  username: z
    .string()
    .trim()
    .min(3, "Tên đăng nhập tối thiểu 3 ký tự")
    .max(50)
    .regex(
      /^[a-z0-9._-]+$/,
      "Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang",
    ),
  fullName: z.string().trim().min(1, "Nhập họ và tên").max(200),
  email: z.email("Địa chỉ email không hợp lệ").nullable().optional(),
  password: ZPassword,
  grants: z.array(ZGrant).min(1, "Cấp ít nhất một vai trò trên một đơn vị"),
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUser = z.object({
  fullName: z.string().trim().min(1, "Nhập họ và tên").max(200).optional(),
  email: z.email("Địa chỉ email không hợp lệ").nullable().optional(),
  active: z.boolean().optional(),
  grants: z.array(ZGrant).optional(),
});
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

export const ZResetPassword = z.object({ newPassword: ZPassword });
export type TResetPassword = z.infer<typeof ZResetPassword>;

/** Đổi mật khẩu: the signed-in user changes their own, proving they know the current one. */
export const ZChangePassword = z.object({
  currentPassword: z.string().min(1, "Nhập mật khẩu hiện tại").max(PASSWORD_MAX_LENGTH),
  newPassword: ZPassword,
});
export type TChangePassword = z.infer<typeof ZChangePassword>;
