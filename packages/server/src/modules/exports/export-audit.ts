import type { TAuditEntry, TAuditFilter } from "@dtplan/contracts";
import {
  auditActionWords,
  auditChangeLines,
  auditEntityWords,
  auditSentence,
  auditTimeText,
} from "@dtplan/domain/audit/audit-words.ts";
import type { Lang } from "@dtplan/domain/text/format.ts";
import type { Database } from "../../db/database.ts";
import type { Actor } from "../access/actor.ts";
import { allVisibleAudit } from "../audit/read-audit.ts";
import type { Column, TableDownload } from "./tabular.ts";

const HEADERS = {
  vi: {
    at: "Thời điểm",
    actor: "Người thực hiện",
    sentence: "Diễn giải",
    action: "Hành động",
    entity: "Loại đối tượng",
    subject: "Đối tượng",
    unit: "Đơn vị",
    changes: "Nội dung thay đổi",
    system: "Hệ thống",
    sheet: "Nhật ký thay đổi",
    title: "Nhật ký thay đổi",
  },
  en: {
    at: "Time",
    actor: "Done by",
    sentence: "What happened",
    action: "Action",
    entity: "Object kind",
    subject: "Object",
    unit: "Unit",
    changes: "Changes",
    system: "System",
    sheet: "Audit log",
    title: "Audit log",
  },
} as const;

function columns(lang: Lang): Column<TAuditEntry>[] {
  const h = HEADERS[lang];
  return [
    { key: "at", header: h.at, value: (e) => auditTimeText(e.at), width: 17 },
    { key: "actor", header: h.actor, value: (e) => e.actorName ?? h.system, width: 24 },
    { key: "sentence", header: h.sentence, value: (e) => auditSentence(e, lang), width: 60, wrap: true },
    { key: "action", header: h.action, value: (e) => auditActionWords(e.action, e.entity, lang), width: 28 },
    { key: "entity", header: h.entity, value: (e) => auditEntityWords(e.entity, lang), width: 18 },
    { key: "subject", header: h.subject, value: (e) => e.subject, width: 36, wrap: true },
    { key: "unit", header: h.unit, value: (e) => e.unitName, width: 28, wrap: true },
    {
      key: "changes",
      header: h.changes,
      value: (e) =>
        auditChangeLines(e, lang)
          .map((c) => `${c.label}: ${c.before ? `${c.before} → ` : ""}${c.after || "—"}`)
          .join("\n"),
      width: 70,
      wrap: true,
    },
  ];
}

/**
 * Nhật ký thay đổi as a workbook: the same entries, filters and reach as the screen, each
 * said in words in the reader's language (up to AUDIT_EXPORT_MAX_ROWS, newest first).
 */
export async function auditExport(
  db: Database,
  { actor, filter, lang }: { actor: Actor; filter: TAuditFilter; lang: Lang },
): Promise<TableDownload<TAuditEntry>> {
  const { items, total } = await allVisibleAudit(db, { actor, filter, lang });
  const h = HEADERS[lang];
  const range = [filter.from, filter.to].some(Boolean)
    ? ` (${[filter.from, filter.to].map((d) => (d ? d.split("-").reverse().join("/") : "…")).join(" – ")})`
    : "";
  return {
    fileBase: "nhat-ky-thay-doi",
    meta: { filters: filter, total },
    table: { name: h.sheet, title: `${h.title}${range}`, columns: columns(lang), rows: items },
  };
}
