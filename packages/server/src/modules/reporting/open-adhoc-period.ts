import type { TOpenAdhocPeriod } from "@dtplan/contracts";
import type { Database } from "../../db/database.ts";
import { reportingPeriods } from "../../db/schema.ts";
import { recordAudit } from "../audit/audit.repository.ts";
import { refreshReportingStatus } from "../summary/reporting-status.ts";
import { assertManage } from "./adjust-period.ts";
import type { ReportingPlan } from "./reporting.guards.ts";
import { listPeriods } from "./reporting.repository.ts";

/** Mở kỳ báo cáo đột xuất — keyed `<year of its end>-A<n>`; audited. */
export async function openAdhocPeriod(
  db: Database,
  { ctx, input }: { ctx: ReportingPlan; input: TOpenAdhocPeriod },
) {
  assertManage(ctx);
  return db.transaction(async (tx) => {
    const year = input.end.slice(0, 4);
    const taken = new Set((await listPeriods(tx, ctx.plan)).map((p) => p.key));
    let n = 1;
    while (taken.has(`${year}-A${n}`)) n++;
    const [row] = await tx
      .insert(reportingPeriods)
      .values({
        tenantId: ctx.plan.tenantId,
        planCode: ctx.plan.code,
        key: `${year}-A${n}`,
        label: input.label,
        frequency: "adhoc",
        startDate: input.start,
        endDate: input.end,
        dueDate: input.dueDate,
        adhoc: true,
        createdBy: ctx.actor.id,
      })
      .returning();
    await refreshReportingStatus(tx, {
      tenantId: row.tenantId,
      planCodes: [row.planCode],
      periodIds: [row.id],
    });
    await recordAudit(tx, {
      tenantId: row.tenantId,
      actorId: ctx.actor.id,
      action: "reporting.period.open",
      entity: "reporting_period",
      entityId: row.id,
      unitId: ctx.plan.unitId,
      after: { key: row.key, label: row.label, start: row.startDate, end: row.endDate, dueDate: row.dueDate },
    });
    return row;
  });
}
