import { foldVietnamese } from "../text/fold.ts";
import type { DtiBand, DtiRule } from "./framework.ts";
import {
  DTI_NODE_KIND_LABELS,
  DTI_NODE_KINDS,
  DTI_RULE_KIND_LABELS,
  DTI_RULE_KINDS,
  type DtiNodeKind,
  type DtiRuleKind,
} from "./lists.ts";

/**
 * A scoring rule as provinces write it in a criteria table: the kind in one cell
 * ("Chọn mức", "Tỷ lệ a/b" …) and its parameters as lines in the next:
 * - levels: `a) 40: Trưởng Ban Chỉ đạo là Chủ tịch` (key, points, description);
 * - ratio: `a: Số hồ sơ trực tuyến`, `b: Tổng số hồ sơ`, then `Tuyến tính` or bands `≥ 80%: 10`;
 * - boolean: optionally `Có: <what yes means>`;
 * - thresholds: `≥ 40: 6` per line, optionally `Đơn vị: Mbps`;
 * - indicator: `Chỉ tiêu: CQS-02`, then `Đủ điểm khi: 100` or bands `≥ 80: 10`;
 * - sum / average / weighted: nothing.
 * `formatRule` and `parseRule` are inverse: what one writes the other reads.
 */

const num = (n: number) => String(Math.round(n * 10_000) / 10_000).replace(".", ",");
const parseNum = (s: string): number | null => {
  const t = s.trim().replace(/\s/g, "").replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
};

const bandLines = (bands: readonly DtiBand[], percent: boolean) =>
  [...bands]
    .sort((a, b) => a.min - b.min)
    .map((b) => `≥ ${num(b.min)}${percent ? "%" : ""}: ${num(b.points)}`);

export function ruleKindLabel(kind: DtiRuleKind): string {
  return DTI_RULE_KIND_LABELS[kind].vi;
}

export function nodeKindLabel(kind: DtiNodeKind): string {
  return DTI_NODE_KIND_LABELS[kind].vi;
}

/** The rule's parameters as the lines of one cell. */
export function formatRule(rule: DtiRule): string {
  switch (rule.kind) {
    case "levels":
      return rule.levels.map((l) => `${l.key}) ${num(l.points)}: ${l.description}`).join("\n");
    case "ratio":
      return [
        `a: ${rule.numeratorLabel}`,
        `b: ${rule.denominatorLabel}`,
        ...(rule.scale === "linear" ? ["Tuyến tính"] : bandLines(rule.bands, true)),
      ].join("\n");
    case "boolean":
      return rule.yesLabel && rule.yesLabel !== "Có" ? `Có: ${rule.yesLabel}` : "";
    case "thresholds":
      return [...(rule.unit ? [`Đơn vị: ${rule.unit}`] : []), ...bandLines(rule.thresholds, false)].join(
        "\n",
      );
    case "indicator":
      return [
        `Chỉ tiêu: ${rule.indicatorCode}`,
        ...(rule.scale === "linear" ? [`Đủ điểm khi: ${num(rule.target)}`] : bandLines(rule.bands, false)),
      ].join("\n");
    default:
      return "";
  }
}

const folded = (s: string) => foldVietnamese(s).replace(/\s+/g, " ").trim();

/** A rule kind from its label (or its English name), whatever the accents and case. */
export function parseRuleKind(text: string): DtiRuleKind | null {
  const f = folded(text);
  for (const kind of DTI_RULE_KINDS) {
    if (
      f === folded(DTI_RULE_KIND_LABELS[kind].vi) ||
      f === folded(DTI_RULE_KIND_LABELS[kind].en) ||
      f === kind
    ) {
      return kind;
    }
  }
  return null;
}

/** A node kind from its label (Trụ cột, Chỉ số chính, Chỉ số thành phần, Tiêu chí). */
export function parseNodeKind(text: string): DtiNodeKind | null {
  const f = folded(text);
  for (const kind of DTI_NODE_KINDS) {
    if (
      f === folded(DTI_NODE_KIND_LABELS[kind].vi) ||
      f === folded(DTI_NODE_KIND_LABELS[kind].en) ||
      f === kind
    ) {
      return kind;
    }
  }
  return null;
}

const BAND = /^(?:≥|>=)?\s*(-?[\d.,]+)\s*%?\s*:\s*(-?[\d.,]+)\s*(?:điểm)?$/i;

function parseBands(lines: readonly string[]): { bands: DtiBand[]; bad: string | null } {
  const bands: DtiBand[] = [];
  for (const line of lines) {
    const m = BAND.exec(line);
    const min = m ? parseNum(m[1] ?? "") : null;
    const points = m ? parseNum(m[2] ?? "") : null;
    if (min === null || points === null) return { bands, bad: line };
    bands.push({ min, points });
  }
  return { bands, bad: null };
}

/** Reads a rule's kind label and parameter lines; a Vietnamese message says what is wrong. */
export function parseRule(kindText: string, details: string): { rule: DtiRule } | { error: string } {
  const kind = parseRuleKind(kindText);
  if (!kind) {
    return {
      error: `không rõ cách tính "${kindText}" (dùng: ${DTI_RULE_KINDS.map((k) => DTI_RULE_KIND_LABELS[k].vi).join(", ")})`,
    };
  }
  const lines = details
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  /** Takes out the line "<label>: value" (label folded) and gives its value. */
  const take = (label: string) => {
    const i = lines.findIndex((l) => l.includes(":") && folded(l.slice(0, l.indexOf(":"))) === label);
    if (i < 0) return null;
    const [line] = lines.splice(i, 1);
    return (line ?? "").slice((line ?? "").indexOf(":") + 1).trim();
  };
  switch (kind) {
    case "levels": {
      const levels = [];
      for (const line of lines) {
        const m = /^([\p{L}\d]+)\)\s*(-?[\d.,]+)\s*(?:điểm)?\s*:\s*(.+)$/u.exec(line);
        const points = m ? parseNum(m[2] ?? "") : null;
        if (!m || points === null) return { error: `dòng mức "${line}" cần dạng "a) 40: mô tả"` };
        levels.push({ key: m[1] ?? "", points, description: (m[3] ?? "").trim() });
      }
      if (levels.length === 0) return { error: 'cần ít nhất một mức, mỗi dòng dạng "a) 40: mô tả"' };
      return { rule: { kind, levels } };
    }
    case "ratio": {
      const numeratorLabel = take("a");
      const denominatorLabel = take("b");
      if (!numeratorLabel || !denominatorLabel)
        return { error: 'cần dòng "a: …" và dòng "b: …" nói ý nghĩa tử số và mẫu số' };
      const linear = lines.length === 0 || (lines.length === 1 && folded(lines[0] ?? "") === "tuyen tinh");
      if (linear) return { rule: { kind, numeratorLabel, denominatorLabel, scale: "linear", bands: [] } };
      const { bands, bad } = parseBands(lines);
      if (bad) return { error: `dòng khoảng "${bad}" cần dạng "≥ 80%: 10"` };
      return { rule: { kind, numeratorLabel, denominatorLabel, scale: "banded", bands } };
    }
    case "boolean": {
      const yes = take("co");
      return { rule: { kind, yesLabel: yes || "Có" } };
    }
    case "thresholds": {
      const unit = take("don vi") ?? "";
      const { bands, bad } = parseBands(lines);
      if (bad) return { error: `dòng ngưỡng "${bad}" cần dạng "≥ 40: 6"` };
      if (bands.length === 0) return { error: 'cần ít nhất một ngưỡng, mỗi dòng dạng "≥ 40: 6"' };
      return { rule: { kind, unit, thresholds: bands } };
    }
    case "indicator": {
      const indicatorCode = take("chi tieu");
      if (!indicatorCode) return { error: 'cần dòng "Chỉ tiêu: <mã chỉ tiêu trong danh mục>"' };
      const full = take("du diem khi");
      if (full !== null || lines.length === 0) {
        const target = full === null ? 100 : parseNum(full.replace("%", ""));
        if (target === null || target <= 0) return { error: `"Đủ điểm khi" cần một số lớn hơn 0` };
        return { rule: { kind, indicatorCode, scale: "linear", target, bands: [] } };
      }
      const { bands, bad } = parseBands(lines);
      if (bad) return { error: `dòng khoảng "${bad}" cần dạng "≥ 80: 10"` };
      return { rule: { kind, indicatorCode, scale: "banded", target: 100, bands } };
    }
    default:
      return { rule: { kind } as DtiRule };
  }
}
