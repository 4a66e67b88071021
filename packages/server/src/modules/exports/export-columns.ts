import { PILLARS } from "@dtplan/domain/indicators/pillars.ts";
import { type Cell, type Column, NUMBER_FORMATS } from "./tabular.ts";

/** Trụ cột in Vietnamese (the key goes in its own column for machines). */
export const pillarLabel = (pillar: string) => PILLARS[pillar as keyof typeof PILLARS]?.vi ?? pillar;

/** An ISO date (or timestamp) as a Date at UTC midnight, so XLSX shows exactly that day. */
export function dateCell(iso: string | null | undefined): Cell {
  if (!iso) return null;
  const day = iso.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00Z`) : null;
}

export const COMPARATOR_TEXT: Record<string, string> = {
  ">=": "Đạt tối thiểu",
  ">": "Trên",
  "<=": "Tối đa",
  "<": "Dưới",
  "=": "Bằng",
};

/** The filters as they arrived, without the format and empty values, for the JSON header. */
export function filtersOf(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(query).filter(([k, v]) => k !== "format" && v !== undefined && v !== null && v !== false),
  );
}

/** A task's deadline twice: as a date to sort and filter on, and in the plan's own words. */
export function deadlineColumns<
  R extends { deadline: { date: string | null; text: string | null } | null; recurring: boolean },
>(): Column<R>[] {
  return [
    {
      key: "deadline",
      header: "Thời hạn",
      value: (x) => dateCell(x.deadline?.date),
      numFmt: NUMBER_FORMATS.date,
      width: 12,
    },
    {
      key: "deadlineText",
      header: "Thời hạn (theo kế hoạch)",
      value: (x) => (x.recurring ? "Thường xuyên" : (x.deadline?.text ?? null)),
      width: 22,
    },
  ];
}
