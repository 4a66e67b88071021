import type { TIndicator, TPillar } from "@dtplan/contracts";
import type { IndicatorRow } from "../../db/schema.ts";

export function presentIndicator(row: IndicatorRow): TIndicator {
  return {
    code: row.code,
    name: row.name,
    unit: row.unit,
    pillar: row.pillar as TPillar,
    aggregation: row.aggregation,
    direction: row.direction,
    numeratorLabel: row.numeratorLabel,
    denominatorLabel: row.denominatorLabel,
    origin: row.origin,
  };
}
