import { INDICATOR_CATALOGUE, type Indicator } from "@dtplan/domain/indicators/catalogue.ts";
import type { Pillar } from "@dtplan/domain/indicators/pillars.ts";
import { foldVietnamese } from "@dtplan/domain/text/fold.ts";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type IndicatorRow, indicators } from "../../db/schema.ts";

/**
 * Copies the national catalogue into a tenant the first time it is needed (an import,
 * a listing). Codes already present are left alone, so seeding twice is harmless and
 * a newer catalogue adds its new codes.
 */
export async function ensureCatalogue(db: Database, tenantId: string): Promise<void> {
  const present = await db
    .select({ code: indicators.code })
    .from(indicators)
    .where(and(eq(indicators.tenantId, tenantId), eq(indicators.origin, "national")));
  if (present.length >= INDICATOR_CATALOGUE.length) return;
  const have = new Set(present.map((p) => p.code));
  const missing = INDICATOR_CATALOGUE.filter((i) => !have.has(i.code));
  if (missing.length === 0) return;
  await db
    .insert(indicators)
    .values(
      missing.map((i) => ({
        tenantId,
        code: i.code,
        name: i.name,
        unit: i.unit,
        pillar: i.pillar,
        aggregation: i.aggregation,
        direction: i.direction,
        numeratorLabel: i.numeratorLabel ?? null,
        denominatorLabel: i.denominatorLabel ?? null,
        keywords: i.keywords,
        scopeKeywords: i.scopeKeywords ?? [],
        origin: "national" as const,
      })),
    )
    .onConflictDoNothing();
}

export async function tenantIndicators(db: Database, tenantId: string): Promise<IndicatorRow[]> {
  return db.select().from(indicators).where(eq(indicators.tenantId, tenantId)).orderBy(asc(indicators.code));
}

export async function findIndicator(
  db: Database,
  tenantId: string,
  code: string,
): Promise<IndicatorRow | undefined> {
  const [row] = await db
    .select()
    .from(indicators)
    .where(and(eq(indicators.tenantId, tenantId), eq(indicators.code, code)))
    .limit(1);
  return row;
}

/** A row as the domain matcher reads it; a local indicator without keywords matches on its name. */
export function toDomainIndicator(row: IndicatorRow): Indicator {
  return {
    code: row.code,
    name: row.name,
    unit: row.unit,
    pillar: row.pillar as Pillar,
    aggregation: row.aggregation,
    direction: row.direction,
    numeratorLabel: row.numeratorLabel ?? undefined,
    denominatorLabel: row.denominatorLabel ?? undefined,
    keywords: row.keywords.length ? row.keywords : [foldVietnamese(row.name)],
    scopeKeywords: row.scopeKeywords,
    sources: [],
  };
}
