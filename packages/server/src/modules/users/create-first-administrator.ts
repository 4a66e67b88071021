import { randomUUID } from "node:crypto";
import { ZCreateUser } from "@dtplan/contracts";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { roleGrants, users } from "../../db/schema.ts";
import { AppError, conflict } from "../../errors.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { assertAcceptablePassword, hashPassword } from "../auth/password.ts";
import { ensureDtiFrameworks } from "../dti-seed/framework-rows.ts";
import { ensureCatalogue } from "../indicators/indicators.repository.ts";
import { withCodeCheck } from "../org/create-unit.ts";
import { auditUnit } from "../org/org.presenter.ts";
import { insertUnit } from "../org/org.repository.ts";

export interface FirstAdministratorInput {
  username: string;
  fullName: string;
  password: string;
  /** The top-level unit (province or city) the installation serves: its tenant. */
  unit: { code: string; name: string; kind?: string };
}

/**
 * Khởi tạo — the first account of a non-demo installation: a superadministrator
 * holding the administrator role on a new top-level unit. Refused once any
 * superadministrator exists, so it can never be used to take over an install.
 */
export async function createFirstAdministrator(
  db: Database,
  input: FirstAdministratorInput,
): Promise<{ userId: string; unitId: string }> {
  const checked = ZCreateUser.pick({ username: true, fullName: true, password: true }).safeParse(input);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new AppError("validation_failed", `${String(issue.path[0])}: ${issue.message}`);
  }
  assertAcceptablePassword(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return withCodeCheck(input.unit.code, () =>
    db.transaction(async (tx) => {
      const existing = await tx
        .select({ id: users.id })
        .from(users)
        .where(eq(users.isSuperadmin, true))
        .limit(1);
      if (existing.length > 0) {
        throw conflict(
          "Hệ thống đã có quản trị viên cấp cao nhất; hãy đăng nhập bằng tài khoản đó để tạo thêm tài khoản.",
        );
      }
      const unitId = randomUUID();
      const unit = await insertUnit(tx, {
        tenantId: unitId,
        id: unitId,
        parentId: null,
        code: input.unit.code,
        name: input.unit.name,
        shortName: null,
        kind: input.unit.kind ?? "province",
        validFrom: null,
      });
      // The province starts with the national indicator catalogue.
      await ensureCatalogue(tx, unitId);
      await ensureDtiFrameworks(tx, unitId);
      const [user] = await tx
        .insert(users)
        .values({
          tenantId: unitId,
          username: checked.data.username,
          fullName: checked.data.fullName,
          email: null,
          passwordHash,
          isSuperadmin: true,
        })
        .returning();
      await tx
        .insert(roleGrants)
        .values({ tenantId: unitId, userId: user.id, unitId, role: "administrator" });
      await recordAudit(tx, {
        tenantId: unitId,
        actorId: null,
        action: "org.unit.create",
        entity: "org_unit",
        entityId: unitId,
        unitId,
        after: auditUnit(unit),
      });
      await recordAudit(tx, {
        tenantId: unitId,
        actorId: null,
        action: "user.create_first_administrator",
        entity: "user",
        entityId: user.id,
        unitId,
        after: { username: user.username, fullName: user.fullName, isSuperadmin: true },
      });
      return { userId: user.id, unitId };
    }),
  );
}
