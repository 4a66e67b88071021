import type { TDtiRound, TDtiRoundCreate, TDtiRoundUpdate } from "@dtplan/contracts";
import { isAllowed } from "@dtplan/domain/access/access.ts";
import { UNIT_STAFF_ROLES } from "@dtplan/domain/access/roles.ts";
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/database.ts";
import { sqlList } from "../../db/sql.ts";
import { AppError } from "../../errors.ts";
import { unitPaths } from "../access/access.repository.ts";
import type { Actor } from "../access/actor.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { notifyPeople, peopleWith } from "../notify/notify.ts";
import { roundOpenedText } from "../notify/wording.ts";
import { roundHeading } from "./dti.presenter.ts";
import {
  findFramework,
  findRound,
  freezeAutomatic,
  insertRound,
  listRounds,
  type RoundRow,
  type RoundUnitRow,
  roundUnits,
  setRoundUnits,
  unitNames,
  updateRoundRow,
} from "./dti.repository.ts";
import {
  type DtiPowers,
  frameworkNotFound,
  requireManage,
  roundNotFound,
  roundStateError,
} from "./dti-access.ts";
import { roundFramework, roundScores } from "./scores.ts";

/** Units whose every scored criterion has a verification other than "returned" (one statement per call). */
async function verifiedUnitCounts(
  db: Database,
  tenantId: string,
  rounds: readonly RoundRow[],
): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  if (rounds.length === 0) return out;
  const rows = await queryRows<{ round_id: string; unit_id: string; verified: string | number }>(
    db,
    sql`SELECT round_id, unit_id, count(*) FILTER (WHERE verification_outcome IN ('accepted', 'adjusted')) AS verified
          FROM dti_entries WHERE tenant_id = ${tenantId} AND round_id IN ${sqlList(rounds.map((r) => r.id))}
         GROUP BY round_id, unit_id`,
  );
  for (const r of rows) {
    const m = out.get(r.round_id) ?? new Map<string, number>();
    m.set(r.unit_id, Number(r.verified));
    out.set(r.round_id, m);
  }
  return out;
}

/** The rounds of a province as answered, with counts and the caller's own units. */
export async function presentRounds(
  db: Database,
  actor: Actor,
  powers: DtiPowers,
  rounds: readonly RoundRow[],
): Promise<TDtiRound[]> {
  const units = await roundUnits(
    db,
    powers.tenantId,
    rounds.map((r) => r.id),
  );
  const verified = await verifiedUnitCounts(db, powers.tenantId, rounds);
  const paths = await unitPaths(db, [...new Set(units.map((u) => u.unitId))]);
  const manualLeaves = new Map<string, number>();
  for (const f of new Set(rounds.map((r) => r.frameworkId))) {
    const round = rounds.find((r) => r.frameworkId === f);
    if (!round) continue;
    const fw = await roundFramework(db, round);
    manualLeaves.set(f, fw.leaves.filter((l) => l.node.rule.kind !== "indicator").length);
  }
  return rounds.map((round) => {
    const mine = units.filter((u) => u.roundId === round.id);
    const need = manualLeaves.get(round.frameworkId) ?? 0;
    const count = (s: RoundUnitRow["status"]) => mine.filter((u) => u.status === s).length;
    // A unit's own people (its reporters, its leader) hold roles on it or on a unit under the
    // province; the province's officers, whose roles reach every unit, are not "mine".
    const unitGrants = actor.grants.filter((g) => g.unitId !== g.tenantId);
    const own = mine.filter((u) => isAllowed(unitGrants, "plans.read", paths.get(u.unitId)?.ids ?? []));
    return {
      ...roundHeading(round, powers),
      units: mine.map((u) => ({ id: u.unitId, name: u.unitName })),
      counts: {
        units: mine.length,
        notStarted: count(null),
        draft: count("draft"),
        submitted: count("submitted"),
        returned: count("returned"),
        verified: mine.filter(
          (u) => u.status === "submitted" && (verified.get(round.id)?.get(u.unitId) ?? 0) >= need,
        ).length,
      },
      mine: own.map((u) => ({
        unit: { id: u.unitId, name: u.unitName },
        status: u.status,
        canEdit:
          round.status === "open" &&
          u.status !== "submitted" &&
          isAllowed(actor.grants, "reports.submit", paths.get(u.unitId)?.ids ?? []),
      })),
    };
  });
}

/**
 * The rounds the caller sees: all of the province for those who oversee it; for a unit,
 * the rounds it is assessed in and the published ones.
 */
export async function visibleRounds(db: Database, actor: Actor, powers: DtiPowers): Promise<TDtiRound[]> {
  const all = await presentRounds(db, actor, powers, await listRounds(db, powers.tenantId));
  if (powers.readResults || powers.manage) return all;
  return all
    .filter((r) => r.mine.length > 0 || r.status === "published")
    .map((r) => ({ ...r, units: r.status === "published" ? r.units : r.mine.map((m) => m.unit) }));
}

export async function getRound(
  db: Database,
  actor: Actor,
  powers: DtiPowers,
  id: string,
): Promise<TDtiRound> {
  const round = await findRound(db, powers.tenantId, id);
  if (!round) throw roundNotFound();
  const rounds = await visibleRounds(db, actor, powers);
  const found = rounds.find((r) => r.id === id);
  if (!found) throw roundNotFound();
  return found;
}

async function assertUnitsInProvince(
  db: Database,
  tenantId: string,
  unitIds: readonly string[],
): Promise<void> {
  const names = await unitNames(db, tenantId, unitIds);
  const missing = unitIds.findIndex((id) => !names.has(id));
  if (missing >= 0) {
    throw new AppError("validation_failed", "Có đơn vị không thuộc tỉnh này.", [
      { path: `body.unitIds[${missing}]`, message: "Không tìm thấy đơn vị trong tỉnh" },
    ]);
  }
}

/** Tạo đợt đánh giá (draft) over a framework and some units. */
export async function createRound(
  db: Database,
  { powers, actorId, input }: { powers: DtiPowers; actorId: string; input: TDtiRoundCreate },
): Promise<string> {
  requireManage(powers);
  const unitIds = [...new Set(input.unitIds)];
  return db.transaction(async (tx) => {
    if (!(await findFramework(tx, powers.tenantId, input.frameworkId))) throw frameworkNotFound();
    await assertUnitsInProvince(tx, powers.tenantId, unitIds);
    const id = await insertRound(tx, { tenantId: powers.tenantId, ...input, actorId });
    await setRoundUnits(tx, powers.tenantId, id, unitIds);
    await recordAudit(tx, {
      tenantId: powers.tenantId,
      actorId,
      action: "dti.round.create",
      entity: "dti_round",
      entityId: id,
      unitId: powers.tenantId,
      after: { ...input, unitIds },
    });
    return id;
  });
}

/** Sửa đợt đánh giá: name and dates until published; units while draft or open. */
export async function updateRound(
  db: Database,
  { powers, actorId, id, input }: { powers: DtiPowers; actorId: string; id: string; input: TDtiRoundUpdate },
): Promise<void> {
  requireManage(powers);
  await db.transaction(async (tx) => {
    const round = await findRound(tx, powers.tenantId, id, { forUpdate: true });
    if (!round) throw roundNotFound();
    if (round.status === "published") throw roundStateError("Đợt đánh giá đã công bố, không sửa được.");
    const startDate = input.startDate ?? round.startDate;
    const dueDate = input.dueDate ?? round.dueDate;
    if (dueDate < startDate) {
      throw new AppError("validation_failed", "Hạn nộp phải sau ngày bắt đầu", [
        { path: "body.dueDate", message: "Hạn nộp phải sau ngày bắt đầu" },
      ]);
    }
    if (input.unitIds) {
      if (round.status === "closed") throw roundStateError("Đợt đánh giá đã khóa, không đổi được đơn vị.");
      const unitIds = [...new Set(input.unitIds)];
      await assertUnitsInProvince(tx, powers.tenantId, unitIds);
      await setRoundUnits(tx, powers.tenantId, id, unitIds);
    }
    await updateRoundRow(tx, powers.tenantId, id, input);
    await recordAudit(tx, {
      tenantId: powers.tenantId,
      actorId,
      action: "dti.round.update",
      entity: "dti_round",
      entityId: id,
      unitId: powers.tenantId,
      before: { name: round.name, startDate: round.startDate, dueDate: round.dueDate },
      after: input,
    });
  });
}

const TRANSITIONS = {
  open: { from: "draft", message: "Chỉ mở được đợt đánh giá đang chuẩn bị." },
  close: { from: "open", message: "Chỉ khóa được đợt đánh giá đang mở." },
  publish: { from: "closed", message: "Chỉ công bố được đợt đánh giá đã khóa số liệu." },
} as const;
const TARGET = { open: "open", close: "closed", publish: "published" } as const;

/**
 * Mở / khóa / công bố a round. Closing freezes the automatic criteria: the figures of
 * approved reports at that moment are written into the entries with their source.
 */
export async function transitionRound(
  db: Database,
  {
    powers,
    actorId,
    id,
    action,
    quiet = false,
  }: {
    powers: DtiPowers;
    actorId: string;
    id: string;
    action: keyof typeof TRANSITIONS;
    /** Tells no unit of an opening (the demo seed). */
    quiet?: boolean;
  },
): Promise<void> {
  requireManage(powers);
  await db.transaction(async (tx) => {
    const round = await findRound(tx, powers.tenantId, id, { forUpdate: true });
    if (!round) throw roundNotFound();
    if (round.status !== TRANSITIONS[action].from) throw roundStateError(TRANSITIONS[action].message);
    if (action === "close") {
      const unitIds = (await roundUnits(tx, powers.tenantId, [id])).map((u) => u.unitId);
      const { framework, scores } = await roundScores(tx, round, unitIds);
      const frozen = unitIds.flatMap((unitId) =>
        framework.leaves
          .filter((l) => l.node.rule.kind === "indicator")
          .map((l) => {
            const leaf = scores.get(unitId)?.leaves.get(l.node.code);
            return {
              unitId,
              code: l.node.code,
              value: leaf?.automatic?.value ?? null,
              selfPoints: leaf?.selfPoints ?? null,
              source: { ...leaf?.automatic, frozen: true },
            };
          }),
      );
      await freezeAutomatic(tx, powers.tenantId, id, frozen);
    }
    await updateRoundRow(tx, powers.tenantId, id, { status: TARGET[action] });
    await recordAudit(tx, {
      tenantId: powers.tenantId,
      actorId,
      action: `dti.round.${action}`,
      entity: "dti_round",
      entityId: id,
      unitId: powers.tenantId,
      before: { status: round.status },
      after: { status: TARGET[action] },
    });
    if (action === "open" && !quiet) await tellRoundUnits(tx, round, actorId);
  });
}

/** Mở đợt: the staff of every unit in the round hear that their self-assessment is due. */
async function tellRoundUnits(tx: Database, round: RoundRow, actorId: string): Promise<void> {
  const unitIds = (await roundUnits(tx, round.tenantId, [round.id])).map((u) => u.unitId);
  const people = await peopleWith(tx, {
    tenantId: round.tenantId,
    unitIds,
    permission: "reports.submit",
    roles: UNIT_STAFF_ROLES,
    except: actorId,
  });
  await notifyPeople(
    tx,
    round.tenantId,
    people,
    {
      kind: "dti.round_opened",
      eventKey: round.id,
      ...roundOpenedText({ round: round.name, dueDate: round.dueDate }),
      link: "/dti",
    },
    new Date(),
  );
}
