import { AGGREGATIONS, DIRECTIONS, INDICATOR_ORIGINS } from "@dtplan/domain/indicators/lists.ts";
import { PILLAR_KEYS } from "@dtplan/domain/indicators/pillars.ts";
import { z } from "zod";

export { PILLAR_KEYS };
export const ZPillar = z.enum(PILLAR_KEYS, { message: "Trụ cột không hợp lệ" });
export type TPillar = z.infer<typeof ZPillar>;

export const ZIndicatorAggregation = z.enum(AGGREGATIONS);
export const ZIndicatorDirection = z.enum(DIRECTIONS);

/** Chỉ số — a canonical indicator targets map to, so localities compare and roll up. */
export const ZIndicator = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  pillar: ZPillar,
  aggregation: ZIndicatorAggregation,
  direction: ZIndicatorDirection,
  numeratorLabel: z.string().nullable(),
  denominatorLabel: z.string().nullable(),
  /** `national`: from the seeded national catalogue; `local`: created in this province. */
  origin: z.enum(INDICATOR_ORIGINS),
});
export type TIndicator = z.infer<typeof ZIndicator>;

export const ZIndicatorListQuery = z.object({
  /** The province whose catalogue to list (default: the caller's home province). */
  tenantId: z.uuid().optional(),
  pillar: ZPillar.optional(),
  /** Words of the code or name, diacritics optional. */
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ZIndicatorList = z.object({ items: z.array(ZIndicator), total: z.number().int() });

export const ZCreateIndicator = z.object({
  /** Any unit of the province the indicator belongs to (the caller needs `plans.manage` there). */
  unitId: z.uuid(),
  code: z
    .string()
    .trim()
    .min(1, "Nhập mã chỉ số")
    .max(30, "Mã chỉ số tối đa 30 ký tự")
    .regex(/^[A-Za-z0-9._-]+$/, "Mã chỉ số chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang"),
  name: z.string().trim().min(1, "Nhập tên chỉ số").max(500),
  unit: z.string().trim().min(1, "Nhập đơn vị tính").max(50),
  pillar: ZPillar,
  aggregation: ZIndicatorAggregation,
  direction: ZIndicatorDirection.default("increase"),
  numeratorLabel: z.string().trim().max(300).nullable().optional(),
  denominatorLabel: z.string().trim().max(300).nullable().optional(),
});
export type TCreateIndicator = z.infer<typeof ZCreateIndicator>;
