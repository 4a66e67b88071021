import { SEARCH_KINDS } from "@dtplan/domain/search/kinds.ts";
import { z } from "zod";

export const ZSearchKind = z.enum(SEARCH_KINDS);
export type TSearchKind = z.infer<typeof ZSearchKind>;

/** `GET /api/search?q=` — words of a name or title, diacritics optional. */
export const ZSearchQuery = z.object({
  q: z.string().trim().min(2, "Nhập ít nhất 2 ký tự để tìm").max(200, "Từ khoá tìm kiếm quá dài"),
  /** Most results of each kind. */
  limit: z.coerce.number().int().min(1).max(20).default(6),
});
export type TSearchQuery = z.infer<typeof ZSearchQuery>;

/** One thing found, with the page where it lives. */
export const ZSearchHit = z.object({
  kind: ZSearchKind,
  id: z.string(),
  title: z.string(),
  /** Where it belongs: the plan, the unit, the period, the person's units. */
  detail: z.string(),
  /** Address in the web app that opens it. */
  link: z.string(),
});
export type TSearchHit = z.infer<typeof ZSearchHit>;

export const ZSearchGroup = z.object({
  kind: ZSearchKind,
  items: z.array(ZSearchHit),
  /** More of this kind match than are listed. */
  more: z.boolean(),
});
export type TSearchGroup = z.infer<typeof ZSearchGroup>;

/** Results grouped by kind, in the order of SEARCH_KINDS; kinds without a result are left out. */
export const ZSearchResults = z.object({ q: z.string(), groups: z.array(ZSearchGroup) });
export type TSearchResults = z.infer<typeof ZSearchResults>;
