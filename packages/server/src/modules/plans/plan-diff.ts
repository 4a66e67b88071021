import type { TPlanDetail, TPlanDiff } from "@dtplan/contracts";

type Item = { key: string; text: string };

const PLAN_FIELDS: Record<string, { label: string; read: (p: TPlanDetail) => unknown }> = {
  title: { label: "Tên kế hoạch", read: (p) => p.title },
  kind: { label: "Loại kế hoạch", read: (p) => p.kind },
  periodStart: { label: "Năm bắt đầu", read: (p) => p.periodStart },
  periodEnd: { label: "Năm kết thúc", read: (p) => p.periodEnd },
  visionYear: { label: "Tầm nhìn", read: (p) => p.visionYear },
  documentNumber: { label: "Số văn bản", read: (p) => p.documentNumber },
  issuedDate: { label: "Ngày ban hành", read: (p) => p.issuedDate },
  parentPlan: { label: "Kế hoạch giai đoạn", read: (p) => p.parentPlan?.code ?? null },
  implementsPlan: { label: "Kế hoạch cấp trên", read: (p) => p.implementsPlan?.code ?? null },
  budget: { label: "Tổng kinh phí", read: (p) => p.budget?.total ?? null },
};

const TARGET_FIELDS: Record<string, { label: string; read: (t: TPlanDetail["targets"][number]) => unknown }> =
  {
    text: { label: "nội dung", read: (t) => t.text },
    pillar: { label: "trụ cột", read: (t) => t.pillar },
    comparator: { label: "so sánh", read: (t) => t.comparator },
    value: { label: "giá trị", read: (t) => t.value },
    unit: { label: "đơn vị tính", read: (t) => t.unit },
    year: { label: "năm", read: (t) => t.year },
    scope: { label: "phạm vi", read: (t) => t.scope },
    indicator: { label: "chỉ số", read: (t) => t.indicator?.code ?? null },
    // Snapshots published before migration 0013 have no reporting units: nothing to compare.
    reportingUnits: {
      label: "đơn vị báo cáo",
      read: (t) => (t.reportingUnits ? t.reportingUnits.map((u) => u.name).join("; ") || null : undefined),
    },
  };

const TASK_FIELDS: Record<string, { label: string; read: (t: TPlanDetail["tasks"][number]) => unknown }> = {
  text: { label: "nội dung", read: (t) => t.text },
  pillar: { label: "trụ cột", read: (t) => t.pillar },
  kind: { label: "loại", read: (t) => t.kind },
  lead: { label: "đơn vị chủ trì", read: (t) => t.lead.unit?.name ?? (t.lead.none ? "(không có)" : null) },
  coordinators: {
    label: "đơn vị phối hợp",
    read: (t) => t.coordinators.map((c) => c.unit?.name ?? c.text).join("; ") || null,
  },
  deadline: { label: "thời hạn", read: (t) => t.deadline?.date ?? t.deadline?.text ?? null },
  recurring: { label: "thường xuyên", read: (t) => t.recurring },
};

const show = (v: unknown) => (v === null || v === undefined || v === "" ? "(trống)" : String(v));
const short = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);

function diffItems<T extends Item>(
  before: readonly T[],
  after: readonly T[],
  fields: Record<string, { label: string; read: (t: T) => unknown }>,
  noun: string,
  summary: string[],
): TPlanDiff["targets"] {
  const old = new Map(before.map((i) => [i.key, i]));
  const now = new Map(after.map((i) => [i.key, i]));
  const added = after.filter((i) => !old.has(i.key)).map((i) => ({ key: i.key, text: i.text }));
  const removed = before.filter((i) => !now.has(i.key)).map((i) => ({ key: i.key, text: i.text }));
  const changed: TPlanDiff["targets"]["changed"] = [];
  for (const item of after) {
    const prev = old.get(item.key);
    if (!prev) continue;
    const changes = Object.entries(fields)
      .map(([field, f]) => ({ field, label: f.label, before: f.read(prev), after: f.read(item) }))
      .filter((c) => c.before !== undefined && JSON.stringify(c.before) !== JSON.stringify(c.after));
    if (changes.length === 0) continue;
    changed.push({ key: item.key, text: item.text, fields: changes.map(({ label: _, ...c }) => c) });
    for (const c of changes) {
      summary.push(`Sửa ${noun} "${short(prev.text)}": ${c.label} ${show(c.before)} → ${show(c.after)}.`);
    }
  }
  for (const a of added) summary.push(`Bổ sung ${noun}: "${short(a.text)}".`);
  for (const r of removed) summary.push(`Bỏ ${noun}: "${short(r.text)}".`);
  return { added, removed, changed };
}

/** What changed between two published versions, field by field, with one Vietnamese line per change. */
export function diffPlans(before: TPlanDetail, after: TPlanDetail): TPlanDiff {
  const summary: string[] = [];
  const plan: TPlanDiff["plan"] = [];
  for (const [field, f] of Object.entries(PLAN_FIELDS)) {
    const b = f.read(before);
    const a = f.read(after);
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    plan.push({ field, before: b, after: a });
    summary.push(`${f.label}: ${show(b)} → ${show(a)}.`);
  }
  const targets = diffItems(before.targets, after.targets, TARGET_FIELDS, "chỉ tiêu", summary);
  const tasks = diffItems(before.tasks, after.tasks, TASK_FIELDS, "nhiệm vụ", summary);
  return { fromVersion: before.version, toVersion: after.version, plan, targets, tasks, summary };
}
