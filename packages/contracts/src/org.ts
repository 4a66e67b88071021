import { LINEAGE_EVENTS } from "@dtplan/domain/org/lists.ts";
import { z } from "zod";
import { ZIsoDate, ZUnitRef } from "./common.ts";

const ZUnitCode = z
  .string()
  .trim()
  .min(1, "Nhập mã đơn vị")
  .max(50, "Mã đơn vị tối đa 50 ký tự")
  .regex(/^[A-Za-z0-9._-]+$/, "Mã đơn vị chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang");
const ZUnitName = z.string().trim().min(1, "Nhập tên đơn vị").max(300, "Tên đơn vị tối đa 300 ký tự");
/** Any kind key; the interface labels the known ones (domain `UNIT_KINDS`). */
const ZUnitKind = z
  .string()
  .trim()
  .min(1, "Chọn loại đơn vị")
  .max(50)
  .regex(/^[a-z_]+$/, "Loại đơn vị không hợp lệ");

/** Đơn vị — one node of the organisation tree. */
export const ZOrgUnit = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.string(),
  validFrom: ZIsoDate.nullable(),
  validTo: ZIsoDate.nullable(),
  /** True when the unit is in force today. */
  active: z.boolean(),
});
export type TOrgUnit = z.infer<typeof ZOrgUnit>;

export const ZOrgUnitListQuery = z.object({
  /** Show the tree as it stood on this date (default: today). */
  asOf: ZIsoDate.optional(),
  /** Include units no longer in force (merged, split, closed). */
  includeClosed: z.preprocess(
    // A query string carries "false" as text; plain coercion would read it as true.
    (v) => (v === "false" || v === "0" ? false : v),
    z.coerce.boolean().optional(),
  ),
  tenantId: z.uuid().optional(),
});

export const ZOrgUnitList = z.object({ items: z.array(ZOrgUnit) });

export const ZLineageLink = z.object({
  unitId: z.uuid(),
  name: z.string(),
  effectiveDate: ZIsoDate,
  event: z.enum(LINEAGE_EVENTS),
});

export const ZOrgUnitDetail = ZOrgUnit.extend({
  path: z.array(ZUnitRef),
  predecessors: z.array(ZLineageLink),
  successors: z.array(ZLineageLink),
});
export type TOrgUnitDetail = z.infer<typeof ZOrgUnitDetail>;

export const ZCreateOrgUnit = z.object({
  /** null creates a new top-level unit (a new tenant): superadministrators only. */
  parentId: z.uuid().nullable(),
  code: ZUnitCode,
  name: ZUnitName,
  shortName: z.string().trim().max(100).nullable().optional(),
  kind: ZUnitKind,
  validFrom: ZIsoDate.nullable().optional(),
});
export type TCreateOrgUnit = z.infer<typeof ZCreateOrgUnit>;

/** Rename, move (new parent in the same tenant), recode, close. */
export const ZUpdateOrgUnit = z
  .object({
    parentId: z.uuid().optional(),
    code: ZUnitCode.optional(),
    name: ZUnitName.optional(),
    shortName: z.string().trim().max(100).nullable().optional(),
    kind: ZUnitKind.optional(),
    validTo: ZIsoDate.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "Không có thay đổi nào" });
export type TUpdateOrgUnit = z.infer<typeof ZUpdateOrgUnit>;

const ZNewUnitPart = z.object({ code: ZUnitCode, name: ZUnitName, kind: ZUnitKind });

/** Sáp nhập: the sources stop the day before `effectiveDate`; the target carries on their history. */
export const ZMergeOrgUnits = z.object({
  sourceIds: z.array(z.uuid()).min(1, "Chọn ít nhất một đơn vị để sáp nhập"),
  /** Merge into an existing unit … */
  targetId: z.uuid().optional(),
  /** … or into a new one created under `parentId`. */
  newUnit: ZNewUnitPart.extend({ parentId: z.uuid() }).optional(),
  effectiveDate: ZIsoDate,
});
export type TMergeOrgUnits = z.infer<typeof ZMergeOrgUnits>;

export const ZMergePreview = z.object({
  closed: z.array(z.object({ id: z.uuid(), name: z.string(), validTo: ZIsoDate })),
  movedChildren: z.array(ZUnitRef),
  target: z.object({ id: z.uuid().nullable(), name: z.string(), isNew: z.boolean() }),
  effectiveDate: ZIsoDate,
});
export type TMergePreview = z.infer<typeof ZMergePreview>;

/** Chia tách: the source stops; each part is a new unit under the source's parent. */
export const ZSplitOrgUnit = z.object({
  parts: z.array(ZNewUnitPart).min(2, "Chia tách cần ít nhất hai đơn vị mới"),
  effectiveDate: ZIsoDate,
});
export type TSplitOrgUnit = z.infer<typeof ZSplitOrgUnit>;

export const ZReorganisationResult = z.object({
  created: z.array(ZOrgUnit),
  closed: z.array(ZOrgUnit),
  moved: z.array(ZOrgUnit),
});
export type TReorganisationResult = z.infer<typeof ZReorganisationResult>;

/** What a split would do (`POST /api/org/units/:id/split/preview`); changes nothing. */
export const ZSplitPreview = z.object({
  closed: z.object({ id: z.uuid(), name: z.string(), validTo: ZIsoDate }),
  /** The parts are created under this unit (the source's parent). */
  parentId: z.uuid(),
  parts: z.array(ZNewUnitPart),
  effectiveDate: ZIsoDate,
});
export type TSplitPreview = z.infer<typeof ZSplitPreview>;

/** A unit and the units whose history it carries on (`GET /api/org/units/:id/lineage`), nearest first. */
export const ZUnitLineage = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      validFrom: ZIsoDate.nullable(),
      validTo: ZIsoDate.nullable(),
      /** 0 for the unit itself, 1 for its direct predecessors … */
      depth: z.number().int(),
    }),
  ),
});
export type TUnitLineage = z.infer<typeof ZUnitLineage>;
