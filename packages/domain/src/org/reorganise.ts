import { dayBefore, isInForce, type OrgUnitNode } from "./tree.ts";

/** Why a merge or split cannot go ahead; `message` is Vietnamese. */
export class ReorganisationError extends Error {
  constructor(
    readonly code: "no_sources" | "source_closed" | "target_is_source" | "bad_date" | "too_few_parts",
    message: string,
  ) {
    super(message);
    this.name = "ReorganisationError";
  }
}

export interface MergePlan {
  /** Units that stop being in force, with the last day they are. */
  closed: { id: string; name: string; validTo: string }[];
  /** Children of closed units that move under the merged unit (still in force). */
  movedChildren: { id: string; name: string; fromParentId: string }[];
  /** predecessor → successor links to record. */
  lineage: { predecessorId: string; successorId: string; effectiveDate: string }[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Sáp nhập — plans merging `sourceIds` into `targetId` from `effectiveDate`.
 * The target is either an existing unit (which then absorbs the others) or a
 * new unit already created by the caller. Pure: the caller applies the plan in
 * one transaction and shows it first as a preview.
 */
export function planMerge(
  units: ReadonlyMap<string, OrgUnitNode>,
  sourceIds: readonly string[],
  targetId: string,
  effectiveDate: string,
): MergePlan {
  if (!ISO_DATE.test(effectiveDate)) throw new ReorganisationError("bad_date", "Ngày hiệu lực không hợp lệ.");
  const sources = [...new Set(sourceIds)].filter((id) => id !== targetId);
  if (sourceIds.includes(targetId) && sources.length === 0) {
    throw new ReorganisationError(
      "target_is_source",
      "Đơn vị nhận sáp nhập không thể là đơn vị bị sáp nhập.",
    );
  }
  if (sources.length === 0)
    throw new ReorganisationError("no_sources", "Chọn ít nhất một đơn vị để sáp nhập.");
  const lastDay = dayBefore(effectiveDate);
  const closed: MergePlan["closed"] = [];
  for (const id of sources) {
    const unit = units.get(id);
    if (!unit) throw new ReorganisationError("no_sources", `Không tìm thấy đơn vị ${id}.`);
    if (!isInForce(unit, lastDay)) {
      throw new ReorganisationError(
        "source_closed",
        `Đơn vị "${unit.name}" đã hết hiệu lực trước ngày sáp nhập.`,
      );
    }
    closed.push({ id, name: unit.name, validTo: lastDay });
  }
  const closing = new Set(sources);
  const movedChildren = [...units.values()]
    .filter((u) => u.parentId && closing.has(u.parentId) && !closing.has(u.id) && u.id !== targetId)
    .filter((u) => u.validTo === null || u.validTo >= effectiveDate)
    .map((u) => ({ id: u.id, name: u.name, fromParentId: u.parentId as string }));
  const lineage = sources.map((id) => ({ predecessorId: id, successorId: targetId, effectiveDate }));
  return { closed, movedChildren, lineage };
}

export interface SplitPlan {
  closed: { id: string; name: string; validTo: string };
  lineage: { predecessorId: string; successorId: string; effectiveDate: string }[];
}

/** Chia tách — the source stops on the day before; each part carries on its history. */
export function planSplit(
  units: ReadonlyMap<string, OrgUnitNode>,
  sourceId: string,
  partIds: readonly string[],
  effectiveDate: string,
): SplitPlan {
  if (!ISO_DATE.test(effectiveDate)) throw new ReorganisationError("bad_date", "Ngày hiệu lực không hợp lệ.");
  const source = units.get(sourceId);
  if (!source) throw new ReorganisationError("no_sources", `Không tìm thấy đơn vị ${sourceId}.`);
  if (partIds.length < 2)
    throw new ReorganisationError("too_few_parts", "Chia tách cần ít nhất hai đơn vị mới.");
  const lastDay = dayBefore(effectiveDate);
  if (!isInForce(source, lastDay)) {
    throw new ReorganisationError(
      "source_closed",
      `Đơn vị "${source.name}" đã hết hiệu lực trước ngày chia tách.`,
    );
  }
  return {
    closed: { id: sourceId, name: source.name, validTo: lastDay },
    lineage: partIds.map((id) => ({ predecessorId: sourceId, successorId: id, effectiveDate })),
  };
}
