import type { TDtiChange, TDtiNodeScore, TDtiRanking, TDtiRankingRow } from "@dtplan/contracts";
import { rankingColumns } from "@dtplan/domain/dti/framework.ts";
import { previousThroughLineage, rank } from "@dtplan/domain/dti/ranking.ts";
import { scoresByCode } from "@dtplan/domain/dti/scoring.ts";
import type { Lang } from "@dtplan/domain/text/format.ts";
import type { Database } from "../../db/database.ts";
import { roundHeading } from "./dti.presenter.ts";
import {
  findRound,
  predecessorsOf,
  previousPublishedRound,
  type RoundRow,
  type RoundUnitRow,
  roundUnits,
  unitNames,
} from "./dti.repository.ts";
import { type DtiPowers, requireReadResults, roundNotFound } from "./dti-access.ts";
import { roundScores, type UnitScores } from "./scores.ts";

/** A round whose results the caller may read: anyone in the province once published, the province's staff before. */
export async function readableRound(db: Database, powers: DtiPowers, id: string): Promise<RoundRow> {
  const round = await findRound(db, powers.tenantId, id);
  if (!round) throw roundNotFound();
  if (round.status !== "published") requireReadResults(powers);
  return round;
}

/** Xếp hạng of a round with its heading, for the screen and the files. */
export async function readRanking(
  db: Database,
  powers: DtiPowers,
  id: string,
  lang: Lang = "vi",
): Promise<TDtiRanking> {
  const round = await readableRound(db, powers, id);
  return { round: roundHeading(round, powers), ...(await roundRanking(db, round, lang)) };
}

/** Normalised totals of a published round, by unit (what year-on-year change compares). */
async function publishedTotals(
  db: Database,
  round: RoundRow,
): Promise<Map<string, { total: number; normalised: number; rank: number }>> {
  const units = await roundUnits(db, round.tenantId, [round.id]);
  const { scores } = await roundScores(
    db,
    round,
    units.map((u) => u.unitId),
  );
  const ranked = rank(
    units.map((u) => ({
      id: u.unitId,
      name: u.unitName,
      score: scores.get(u.unitId)?.countedTotal.normalised ?? 0,
    })),
  );
  return new Map(
    ranked.map((r) => [
      r.id,
      { total: scores.get(r.id)?.countedTotal.points ?? 0, normalised: r.score, rank: r.rank },
    ]),
  );
}

export interface RankingBody {
  basis: string;
  pillars: TDtiRanking["pillars"];
  indices: TDtiRanking["indices"];
  rows: TDtiRankingRow[];
}

/**
 * Xếp hạng of a round: per unit its total (points and 0–1), rank overall and per pillar
 * and main index, and the change against the same framework's previous published round
 * (a merged unit against the average of its predecessors).
 */
export async function roundRanking(db: Database, round: RoundRow, lang: Lang = "vi"): Promise<RankingBody> {
  const units = await roundUnits(db, round.tenantId, [round.id]);
  const unitIds = units.map((u) => u.unitId);
  const { framework, scores } = await roundScores(db, round, unitIds);
  const columns = rankingColumns(framework.nodes);
  const byUnit = new Map(units.map((u) => [u.unitId, u]));
  const codes = new Map<string, Map<string, { points: number; normalised: number }>>();
  for (const u of units) {
    const s = scores.get(u.unitId) as UnitScores;
    const map = scoresByCode(s.counted);
    codes.set(
      u.unitId,
      new Map([...map].map(([code, v]) => [code, { points: v.points, normalised: v.normalised }])),
    );
  }
  const rankOf = (code: string) =>
    new Map(
      rank(
        units.map((u) => ({
          id: u.unitId,
          name: u.unitName,
          score: codes.get(u.unitId)?.get(code)?.normalised ?? 0,
        })),
      ).map((r) => [r.id, r.rank]),
    );
  const columnRanks = new Map(
    [...columns.pillars, ...columns.indices].map((c) => [c.node.code, rankOf(c.node.code)]),
  );
  const overall = rank(
    units.map((u) => ({
      id: u.unitId,
      name: u.unitName,
      score: scores.get(u.unitId)?.countedTotal.normalised ?? 0,
    })),
  );

  const previousRound = await previousPublishedRound(db, round);
  const previous = previousRound ? await publishedTotals(db, previousRound) : null;
  const lineage = previous ? await predecessorsOf(db, round.tenantId, unitIds) : new Map<string, string[]>();
  const prevNormalised = new Map([...(previous ?? new Map())].map(([id, v]) => [id, v.normalised]));
  const changes = new Map<string, TDtiChange | null>();
  const allPredecessors = new Set<string>();
  for (const id of unitIds) {
    const found = previous ? previousThroughLineage(id, prevNormalised, (u) => lineage.get(u) ?? []) : null;
    for (const p of found?.predecessors ?? []) allPredecessors.add(p);
    changes.set(id, null);
    if (!found || !previousRound || !previous) continue;
    const own = previous.get(id);
    const preds = found.predecessors.map((p) => previous.get(p)).filter((x) => x !== undefined);
    changes.set(id, {
      previousRoundId: previousRound.id,
      previousYear: previousRound.year,
      total: own
        ? own.total
        : Math.round((preds.reduce((s, p) => s + p.total, 0) / Math.max(1, preds.length)) * 100) / 100,
      normalised: Math.round(found.value * 10_000) / 10_000,
      rank: own ? own.rank : null,
      change: Math.round(((scores.get(id)?.countedTotal.normalised ?? 0) - found.value) * 10_000) / 10_000,
      basis: found.basis,
      predecessors: found.predecessors.map((p) => ({ id: p, name: "" })),
    });
  }
  const names = await unitNames(db, round.tenantId, [...allPredecessors]);
  for (const c of changes.values()) {
    for (const p of c?.predecessors ?? []) p.name = names.get(p.id) ?? "";
  }

  const nodeScores = (unitId: string, list: typeof columns.pillars): TDtiNodeScore[] =>
    list.map((c) => ({
      code: c.node.code,
      points: codes.get(unitId)?.get(c.node.code)?.points ?? 0,
      normalised: codes.get(unitId)?.get(c.node.code)?.normalised ?? 0,
      rank: columnRanks.get(c.node.code)?.get(unitId) ?? 0,
    }));
  const rows: TDtiRankingRow[] = overall.map((r) => {
    const u = byUnit.get(r.id) as RoundUnitRow;
    const s = scores.get(r.id) as UnitScores;
    return {
      unit: { id: u.unitId, name: u.unitName },
      total: s.countedTotal.points,
      maxPoints: s.countedTotal.maxPoints,
      normalised: s.countedTotal.normalised,
      rank: r.rank,
      status: u.status,
      provisional: round.status !== "published" && !s.verifiedTotal.complete,
      pillars: nodeScores(r.id, columns.pillars),
      indices: nodeScores(r.id, columns.indices),
      previous: changes.get(r.id) ?? null,
    };
  });
  const column = (c: (typeof columns.pillars)[number]) => ({
    code: c.node.code,
    name: c.node.name,
    kind: c.node.kind,
    maxPoints: c.node.maxPoints,
    parentCode: c.parentCode,
  });
  const basis = rankingBasis(round, previousRound, lang);
  return { basis, pillars: columns.pillars.map(column), indices: columns.indices.map(column), rows };
}

/** How the ranking's figures are made (what counts, ties, the year compared), in the reader's language. */
function rankingBasis(
  round: Pick<RoundRow, "status" | "year">,
  previous: Pick<RoundRow, "name" | "year"> | null | undefined,
  lang: Lang,
): string {
  const open = round.status === "open";
  const sentences =
    lang === "en"
      ? [
          round.status === "published"
            ? "Verified points (a criterion not verified counts 0)."
            : "Not published yet: verified points, and the self-assessed points for criteria not verified yet.",
          `Automatic criteria take the ${round.year} figures from approved periodic reports${open ? " (updated until the figures are locked)" : " as they stood when the figures were locked"}.`,
          "Normalised index = points / maximum points (0–1). Equal points share a rank.",
          previous
            ? `Compared with the round ${previous.name} (${previous.year}); a unit formed by a merger is compared with the average of the units before the merger.`
            : "There is no published round of the previous year to compare with.",
        ]
      : [
          round.status === "published"
            ? "Điểm đã thẩm định (tiêu chí chưa thẩm định tính 0)."
            : "Chưa công bố: điểm đã thẩm định, tiêu chí chưa thẩm định tạm tính theo điểm tự đánh giá.",
          `Tiêu chí tự động lấy số liệu năm ${round.year} từ báo cáo định kỳ đã duyệt${open ? " (cập nhật đến khi khóa số liệu)" : " tại thời điểm khóa số liệu"}.`,
          "Chỉ số chuẩn hóa = điểm / điểm tối đa (0–1). Đồng điểm thì đồng hạng.",
          previous
            ? `So sánh với đợt ${previous.name} (năm ${previous.year}); đơn vị hình thành sau sáp nhập so với trung bình các đơn vị trước sáp nhập.`
            : "Chưa có đợt đã công bố của năm trước để so sánh.",
        ];
  return sentences.join(" ");
}
