import type { TEvidenceFile } from "@dtplan/contracts";
import type { Database } from "../../db/database.ts";
import type { EvidenceFileRow } from "../../db/schema.ts";
import type { EvidenceStore } from "../evidence/evidence-store.ts";
import { storeEvidence } from "../evidence/store-evidence.ts";
import { presentEvidence } from "../tasks/task-history.ts";
import { createReport, type ReportScope } from "./get-report.ts";
import { type ReportRef, scopeOfReport } from "./report-actions.ts";
import { findReport } from "./reporting.repository.ts";
import { assertEditable, assertEditor } from "./save-draft.ts";

/**
 * Tệp minh chứng for a unit's report (owned by the report, put on figure rows by
 * save-draft): only its reporters, only while it is a draft or returned. The report
 * is locked and re-checked in the insert's transaction, so an approval that lands
 * while the file uploads wins and the file is removed again.
 */
export async function attachReportEvidence(
  db: Database,
  store: EvidenceStore,
  { scope, file }: { scope: ReportScope; file: { fileName: string; bytes: Uint8Array } },
): Promise<EvidenceFileRow> {
  assertEditor(scope);
  const { period, ru, ctx } = scope;
  const existing = await findReport(db, period, ru.unit.id);
  if (existing) assertEditable(existing);
  return storeEvidence(db, store, {
    tenantId: period.tenantId,
    actorId: ctx.actor.id,
    file,
    owner: async (tx) => {
      const report =
        (await findReport(tx, period, ru.unit.id, true)) ?? (await createReport(tx, scope, ctx.actor.id));
      assertEditable(report);
      return {
        type: "report",
        key: report.id,
        planId: ctx.plan.id,
        audit: {
          action: "report.evidence.add",
          entity: "unit_report",
          entityId: report.id,
          unitId: report.unitId,
          extra: { planCode: period.planCode, period: period.key },
        },
      };
    },
  });
}

/** Gửi tệp minh chứng cho báo cáo: read once the report's scope is known, presented with its uploader. */
export async function attachEvidenceToReport(
  db: Database,
  store: EvidenceStore,
  { readFile, ...ref }: ReportRef & { readFile: () => Promise<{ fileName: string; bytes: Uint8Array }> },
): Promise<TEvidenceFile> {
  const scope = await scopeOfReport(db, ref);
  const row = await attachReportEvidence(db, store, { scope, file: await readFile() });
  return presentEvidence(row, new Map([[ref.actor.id, ref.actor.fullName]]));
}
