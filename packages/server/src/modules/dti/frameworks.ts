import type {
  TDtiFramework,
  TDtiFrameworkCopy,
  TDtiFrameworkCreate,
  TDtiFrameworkUpdate,
} from "@dtplan/contracts";
import {
  type DtiNodeDef,
  frameworkMaxPoints,
  frameworkProblems,
  resolveFramework,
  scoredLeaves,
} from "@dtplan/domain/dti/framework.ts";
import type { Database } from "../../db/database.ts";
import { AppError, conflict, type ErrorDetail } from "../../errors.ts";
import { staleVersion } from "../../stale-version.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import {
  type FrameworkRow,
  findFramework,
  frameworkByCodeYear,
  frameworkTrees,
  insertFramework,
  listFrameworks,
  replaceNodes,
  updateFrameworkRow,
} from "./dti.repository.ts";
import { type DtiPowers, frameworkNotFound, requireManage } from "./dti-access.ts";

/** A framework as answered: its tree with every maximum computed. */
export function presentFramework(
  row: FrameworkRow,
  defs: DtiNodeDef[],
  copiedFrom: FrameworkRow | null,
): TDtiFramework {
  const nodes = resolveFramework(defs);
  return {
    id: row.id,
    code: row.code,
    year: row.year,
    name: row.name,
    description: row.description,
    subject: row.subject,
    maxPoints: frameworkMaxPoints(nodes),
    criteriaCount: scoredLeaves(nodes).length,
    version: row.version,
    locked: row.locked,
    copiedFrom: copiedFrom ? { id: copiedFrom.id, code: copiedFrom.code, year: copiedFrom.year } : null,
    updatedAt: row.updatedAt,
    nodes,
  };
}

/** Every framework of a province with its tree (two statements). */
export async function frameworksOf(db: Database, tenantId: string): Promise<TDtiFramework[]> {
  const rows = await listFrameworks(db, tenantId);
  const trees = await frameworkTrees(
    db,
    tenantId,
    rows.map((r) => r.id),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return rows.map((r) =>
    presentFramework(r, trees.get(r.id) ?? [], r.copiedFromId ? (byId.get(r.copiedFromId) ?? null) : null),
  );
}

export async function getFramework(db: Database, tenantId: string, id: string): Promise<TDtiFramework> {
  const row = await findFramework(db, tenantId, id);
  if (!row) throw frameworkNotFound();
  const trees = await frameworkTrees(db, tenantId, [id]);
  const copiedFrom = row.copiedFromId ? await findFramework(db, tenantId, row.copiedFromId) : null;
  return presentFramework(row, trees.get(id) ?? [], copiedFrom);
}

/** 400 naming each node that is wrong (its path of codes) when a tree is not sound. */
export function assertSoundTree(nodes: readonly DtiNodeDef[], where = "body.nodes"): void {
  const problems = frameworkProblems(nodes);
  if (problems.length === 0) return;
  const details: ErrorDetail[] = problems.map((p) => ({
    path: `${where}[${p.path.join(" › ")}].${p.field}`,
    message: p.message,
  }));
  throw new AppError("validation_failed", `Bộ chỉ số chưa hợp lệ: ${problems[0]?.message}`, details);
}

async function assertFreeCode(db: Database, tenantId: string, code: string, year: number): Promise<void> {
  if (await frameworkByCodeYear(db, tenantId, code, year)) {
    throw conflict(`Đã có bộ chỉ số mã "${code}" năm ${year}; chọn mã khác hoặc sửa bộ đã có.`);
  }
}

/** Tạo bộ chỉ số. */
export async function createFramework(
  db: Database,
  { powers, actorId, input }: { powers: DtiPowers; actorId: string; input: TDtiFrameworkCreate },
): Promise<string> {
  requireManage(powers);
  assertSoundTree(input.nodes);
  return db.transaction(async (tx) => {
    await assertFreeCode(tx, powers.tenantId, input.code, input.year);
    const id = await insertFramework(tx, { tenantId: powers.tenantId, ...input, actorId });
    await replaceNodes(tx, powers.tenantId, id, input.nodes);
    await recordAudit(tx, {
      tenantId: powers.tenantId,
      actorId,
      action: "dti.framework.create",
      entity: "dti_framework",
      entityId: id,
      unitId: powers.tenantId,
      after: { code: input.code, year: input.year, name: input.name, nodes: input.nodes.length },
    });
    return id;
  });
}

/** Sửa bộ chỉ số: name, description and the whole tree, on the version read; refused once a round uses it. */
export async function updateFramework(
  db: Database,
  {
    powers,
    actorId,
    id,
    input,
  }: { powers: DtiPowers; actorId: string; id: string; input: TDtiFrameworkUpdate },
): Promise<void> {
  requireManage(powers);
  assertSoundTree(input.nodes);
  await db.transaction(async (tx) => {
    const row = await findFramework(tx, powers.tenantId, id, { forUpdate: true });
    if (!row) throw frameworkNotFound();
    if (row.locked) {
      throw conflict(
        "Bộ chỉ số đang được dùng trong một đợt đánh giá đã mở; hãy sao chép sang năm mới để chỉnh sửa.",
      );
    }
    if (row.version !== input.version) {
      throw await staleVersion(tx, "Bộ chỉ số", {
        updatedBy: row.updatedBy,
        updatedAt: new Date(row.updatedAt),
      });
    }
    const before = (await frameworkTrees(tx, powers.tenantId, [id])).get(id) ?? [];
    await updateFrameworkRow(tx, { tenantId: powers.tenantId, id, ...input, actorId });
    await replaceNodes(tx, powers.tenantId, id, input.nodes);
    await recordAudit(tx, {
      tenantId: powers.tenantId,
      actorId,
      action: "dti.framework.update",
      entity: "dti_framework",
      entityId: id,
      unitId: powers.tenantId,
      before: { name: row.name, version: row.version, nodes: before },
      after: { name: input.name, version: row.version + 1, nodes: input.nodes },
    });
  });
}

/** Sao chép bộ chỉ số sang năm khác (mặc định cùng mã). */
export async function copyFramework(
  db: Database,
  {
    powers,
    actorId,
    id,
    input,
  }: { powers: DtiPowers; actorId: string; id: string; input: TDtiFrameworkCopy },
): Promise<string> {
  requireManage(powers);
  return db.transaction(async (tx) => {
    const source = await findFramework(tx, powers.tenantId, id);
    if (!source) throw frameworkNotFound();
    const code = input.code ?? source.code;
    await assertFreeCode(tx, powers.tenantId, code, input.year);
    const tree = (await frameworkTrees(tx, powers.tenantId, [id])).get(id) ?? [];
    const newId = await insertFramework(tx, {
      tenantId: powers.tenantId,
      code,
      year: input.year,
      name: input.name ?? source.name,
      description: source.description,
      subject: source.subject,
      copiedFromId: source.id,
      actorId,
    });
    await replaceNodes(tx, powers.tenantId, newId, tree);
    await recordAudit(tx, {
      tenantId: powers.tenantId,
      actorId,
      action: "dti.framework.copy",
      entity: "dti_framework",
      entityId: newId,
      unitId: powers.tenantId,
      after: { from: { id: source.id, code: source.code, year: source.year }, code, year: input.year },
    });
    return newId;
  });
}
