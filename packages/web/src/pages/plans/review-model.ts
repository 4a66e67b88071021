/**
 * The review screen's pure logic: which items need the officer's eye, how they
 * are ordered and grouped, and how the source text is cut into highlightable
 * passages. No React, so it runs in Node tests.
 */
import type { TPillar } from "@dtplan/contracts/indicators.ts";
import type {
  TExtractedTable,
  TPlanDetail,
  TPlanReview,
  TPlanTarget,
  TPlanTask,
  TTableCellRef,
} from "@dtplan/contracts/plans.ts";
import { PILLARS } from "@dtplan/domain/indicators/pillars.ts";
import type { Lang } from "../../lib/format.ts";

export type ReviewItem = { type: "target"; item: TPlanTarget } | { type: "task"; item: TPlanTask };

/** What a review page tab that changes the draft gets: the plan, and what to call to reload it after a change. */
export interface ReviewTabProps {
  code: string;
  plan: TPlanDetail;
  onChanged: () => void;
}

export function pillarLabel(pillar: string, lang: Lang): string {
  return (PILLARS as Record<string, { vi: string; en: string }>)[pillar]?.[lang] ?? pillar;
}

export const PILLAR_OPTIONS = Object.keys(PILLARS) as TPillar[];

/** A task that publishing refuses: no lead unit chosen, and not marked as having none. */
export function lacksLead(task: TPlanTask): boolean {
  return !task.lead.unit && !task.lead.none;
}

/** Flagged by the server (low confidence) or missing what publishing needs. */
export function needsCheck(entry: ReviewItem, flagged: ReadonlySet<string>): boolean {
  if (flagged.has(entry.item.id)) return true;
  return entry.type === "task" && lacksLead(entry.item);
}

export interface PillarGroup<T> {
  pillar: TPillar;
  items: T[];
}

/**
 * Items that need checking first, then lower confidence, then document order;
 * grouped by pillar, the group holding the most urgent item first.
 */
export function groupForReview<T extends TPlanTarget | TPlanTask>(
  items: readonly T[],
  urgent: (item: T) => boolean,
): PillarGroup<T>[] {
  const rank = (x: T) => (urgent(x) ? 0 : 1);
  const sorted = [...items].sort(
    (a, b) => rank(a) - rank(b) || a.confidence - b.confidence || a.position - b.position,
  );
  const groups = new Map<TPillar, T[]>();
  for (const item of sorted) {
    const list = groups.get(item.pillar) ?? [];
    list.push(item);
    groups.set(item.pillar, list);
  }
  return [...groups.entries()].map(([pillar, list]) => ({ pillar, items: list }));
}

/** The neighbours in document order, for "merge with next/previous". */
export function neighbours<T extends { id: string; position: number }>(
  items: readonly T[],
  id: string,
): { prev: T | null; next: T | null } {
  const ordered = [...items].sort((a, b) => a.position - b.position);
  const i = ordered.findIndex((x) => x.id === id);
  if (i < 0) return { prev: null, next: null };
  return { prev: ordered[i - 1] ?? null, next: ordered[i + 1] ?? null };
}

export type PassageKind = "plain" | "item" | "unparsed" | "table";
export interface Passage {
  start: number;
  end: number;
  kind: PassageKind;
  /** The item whose span this is (for "item"). */
  id?: string;
}

/**
 * Cuts the source into passages: each item's span, each not-understood block,
 * and the plain text between. Overlapping spans keep the first one (by start).
 */
export function passages(
  length: number,
  spans: readonly { id?: string; start: number; end: number; kind: Exclude<PassageKind, "plain"> }[],
): Passage[] {
  const sorted = spans
    .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(length, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Passage[] = [];
  let at = 0;
  for (const span of sorted) {
    if (span.start < at) continue;
    if (span.start > at) out.push({ start: at, end: span.start, kind: "plain" });
    out.push({ start: span.start, end: span.end, kind: span.kind, id: span.id });
    at = span.end;
  }
  if (at < length) out.push({ start: at, end: length, kind: "plain" });
  return out;
}

/** The spans of every item and unparsed block of a review. */
export function reviewSpans(review: TPlanReview) {
  return [
    ...review.plan.targets.flatMap((t) =>
      t.source ? [{ id: t.id, ...t.source, kind: "item" as const }] : [],
    ),
    ...review.plan.tasks.flatMap((t) => (t.source ? [{ id: t.id, ...t.source, kind: "item" as const }] : [])),
    ...review.unparsed.map((u, i) => ({ id: `unparsed-${i}`, ...u.source, kind: "unparsed" as const })),
  ];
}

/**
 * The spans with each table as one "table" passage (rendered as a table): a span that
 * overlaps a table is dropped, its item is shown on the table's row instead.
 */
export function withTables(
  spans: readonly { id?: string; start: number; end: number; kind: "item" | "unparsed" }[],
  tables: readonly Pick<TExtractedTable, "id" | "source">[],
) {
  const inTable = (s: { start: number; end: number }) =>
    tables.some((t) => s.start < t.source.end && s.end > t.source.start);
  return [
    ...spans.filter((s) => !inTable(s)),
    ...tables.map((t) => ({ id: t.id, start: t.source.start, end: t.source.end, kind: "table" as const })),
  ];
}

/** Where each item of a review was read from, when from a table: id → cell, and table → row → item ids. */
export function tableCells(review: Pick<TPlanReview, "queue">) {
  const byItem = new Map<string, TTableCellRef>();
  const byRow = new Map<string, Map<number, string[]>>();
  for (const q of review.queue) {
    if (!q.cell) continue;
    byItem.set(q.id, q.cell);
    const rows = byRow.get(q.cell.table) ?? new Map<number, string[]>();
    rows.set(q.cell.row, [...(rows.get(q.cell.row) ?? []), q.id]);
    byRow.set(q.cell.table, rows);
  }
  return { byItem, byRow };
}

/** A sensible default cut for "split": the sentence or clause boundary nearest the middle. */
export function defaultSplitPoint(text: string): number {
  const middle = text.length / 2;
  let best = -1;
  for (const m of text.matchAll(/[.;:]\s+|\n/g)) {
    const at = (m.index ?? 0) + m[0].length;
    if (at <= 0 || at >= text.length) continue;
    if (best < 0 || Math.abs(at - middle) < Math.abs(best - middle)) best = at;
  }
  if (best > 0) return best;
  // No clause boundary: the space nearest the middle, never inside a word.
  for (const m of text.matchAll(/\s+/g)) {
    const at = (m.index ?? 0) + m[0].length;
    if (at < text.length && (best < 0 || Math.abs(at - middle) < Math.abs(best - middle))) best = at;
  }
  return best > 0 ? best : Math.floor(text.length / 2);
}

const COMPARATOR_TEXT: Record<string, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<" };

/** `≥ 80% (2025)` — a target's goal in one line. */
export function goalText(
  target: Pick<TPlanTarget, "comparator" | "value" | "unit" | "year">,
  num: (v: number) => string,
): string {
  if (target.value === null) return "";
  const unit = target.unit ?? "";
  const value = `${num(target.value)}${unit === "%" ? "%" : unit ? ` ${unit}` : ""}`;
  const comparator = target.comparator ? `${COMPARATOR_TEXT[target.comparator]} ` : "";
  return `${comparator}${value}${target.year ? ` (${target.year})` : ""}`;
}

/** Days from `today` to `iso` (negative when past), both calendar dates. */
export function daysUntil(iso: string, today: string): number {
  const a = Date.parse(`${today}T00:00:00Z`);
  const b = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}
