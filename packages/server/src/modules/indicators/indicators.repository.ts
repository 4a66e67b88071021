import { INDICATOR_CATALOGUE, type Indicator } from "@dtplan/domain/indicators/catalogue.ts";
import type { Pillar } from "@dtplan/domain/indicators/pillars.ts";
import { foldVietnamese } from "@dtplan/domain/text/fold.ts";
import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { type IndicatorRow, indicators } from "../../db/schema.ts";

/** What the catalogue search matches: code and name, folded. */
export const indicatorSearchText = (i: { code: string; name: string }) =>
  foldVietnamese(`${i.code} ${i.name}`);

/**
 * Copies the national catalogue into a tenant: when the province is created, and again
 * before an import (a newer catalogue adds its new codes). Codes already present are
 * left alone, so seeding twice is harmless. Never called by a read.
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
        searchText: indicatorSearchText(i),
      })),
    )
    .onConflictDoNothing();
}

export async function tenantIndicators(db: Database, tenantId: string): Promise<IndicatorRow[]> {
  return db.select().from(indicators).where(eq(indicators.tenantId, tenantId)).orderBy(asc(indicators.code));
}

/**
 * A page of a tenant's catalogue, filtered by pillar and by words (each must occur in
 * the folded code and name), with the count of all that match.
 */
export async function searchIndicators(
  db: Database,
  query: { tenantId: string; pillar?: string; q?: string; limit: number; offset: number },
): Promise<{ rows: IndicatorRow[]; total: number }> {
  const words = query.q ? foldVietnamese(query.q).split(" ").filter(Boolean) : [];
  const where = and(
    eq(indicators.tenantId, query.tenantId),
    query.pillar ? eq(indicators.pillar, query.pillar) : undefined,
    ...words.map((w) => sql`position(${w} in ${indicators.searchText}) > 0`),
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(indicators)
      .where(where)
      .orderBy(asc(indicators.code))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: count() }).from(indicators).where(where),
  ]);
  return { rows, total };
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
