import { isAllowed } from "@dtplan/domain/access/access.ts";
import type { Database } from "../../db/database.ts";
import { AppError, forbidden, notFound } from "../../errors.ts";
import { unitPaths } from "../access/access.repository.ts";
import type { Actor } from "../access/actor.ts";

/**
 * The province a DTI request works in: the one the caller chose (x-dtplan-province), else
 * the only one they hold roles in, else their home province. Frameworks and rounds belong
 * to a province.
 */
export function dtiTenant(actor: Actor): string {
  const tenants = [...new Set(actor.grants.map((g) => g.tenantId))];
  if (actor.chosenTenantId) {
    if (!tenants.includes(actor.chosenTenantId)) throw notFound("Không tìm thấy tỉnh đã chọn.");
    return actor.chosenTenantId;
  }
  if (tenants.length === 1 && tenants[0]) return tenants[0];
  if (tenants.includes(actor.tenantId)) return actor.tenantId;
  const first = tenants[0];
  if (!first) throw forbidden();
  return first;
}

/** What the actor may do with the DTI of a province (decided on the province's own unit). */
export interface DtiPowers {
  tenantId: string;
  /** Chuyên viên đầu mối (or administrator) of the province: frameworks and rounds. */
  manage: boolean;
  /** Reviewers of the province (focal officer, leader): verify criteria. */
  verify: boolean;
  /** Those who oversee the province (reviewers and province viewers): every unit's results. */
  readResults: boolean;
}

export function dtiPowers(actor: Actor, tenantId: string): DtiPowers {
  const root = [tenantId];
  const verify = isAllowed(actor.grants, "reports.review", root);
  return {
    tenantId,
    manage: isAllowed(actor.grants, "plans.manage", root),
    verify,
    readResults: verify || isAllowed(actor.grants, "dashboard.read", root),
  };
}

export function requireManage(powers: DtiPowers): void {
  if (!powers.manage) {
    throw forbidden("Chỉ chuyên viên đầu mối cấp tỉnh quản lý bộ chỉ số và đợt đánh giá DTI.");
  }
}

export function requireVerify(powers: DtiPowers): void {
  if (!powers.verify) throw forbidden("Chỉ chuyên viên đầu mối và lãnh đạo cấp tỉnh thẩm định điểm DTI.");
}

export function requireReadResults(powers: DtiPowers): void {
  if (!powers.readResults) {
    throw forbidden(
      "Kết quả DTI của các đơn vị chỉ dành cho lãnh đạo, chuyên viên đầu mối và cán bộ theo dõi cấp tỉnh cho đến khi được công bố.",
    );
  }
}

/** What the actor may do with one unit's self-assessment. */
export async function unitPowers(
  db: Database,
  actor: Actor,
  powers: DtiPowers,
  unitId: string,
): Promise<{ read: boolean; edit: boolean }> {
  const path = (await unitPaths(db, [unitId])).get(unitId);
  if (!path || path.tenantId !== powers.tenantId) throw notFound("Không tìm thấy đơn vị trong đợt đánh giá.");
  const edit = isAllowed(actor.grants, "reports.submit", path.ids);
  return { read: powers.readResults || edit || isAllowed(actor.grants, "plans.read", path.ids), edit };
}

export const roundNotFound = () => notFound("Không tìm thấy đợt đánh giá DTI.");
export const frameworkNotFound = () => notFound("Không tìm thấy bộ chỉ số DTI.");

export function roundStateError(message: string): AppError {
  return new AppError("conflict", message);
}
