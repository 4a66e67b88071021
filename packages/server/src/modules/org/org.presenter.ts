import type { TOrgUnit, TReorganisationResult } from "@dtplan/contracts";
import { isInForce } from "@dtplan/domain/org/tree.ts";
import type { OrgUnitRow } from "../../db/schema.ts";
import { todayIso } from "../../db/sql.ts";

export function presentUnit(row: OrgUnitRow, today: string = todayIso()): TOrgUnit {
  return { id: row.id, tenantId: row.tenantId, ...auditUnit(row), active: isInForce(row, today) };
}

/** What the audit log keeps of a unit. */
export function auditUnit(row: OrgUnitRow) {
  return {
    parentId: row.parentId,
    code: row.code,
    name: row.name,
    shortName: row.shortName,
    kind: row.kind,
    validFrom: row.validFrom,
    validTo: row.validTo,
  };
}

/** The units a merge or split created, closed and moved. */
export function presentReorganisation(result: {
  created: OrgUnitRow[];
  closed: OrgUnitRow[];
  moved: OrgUnitRow[];
}): TReorganisationResult {
  return {
    created: result.created.map((u) => presentUnit(u)),
    closed: result.closed.map((u) => presentUnit(u)),
    moved: result.moved.map((u) => presentUnit(u)),
  };
}
