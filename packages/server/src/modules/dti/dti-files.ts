import { type TDtiFramework, ZDtiFrameworkImportFields } from "@dtplan/contracts";
import type { FastifyRequest } from "fastify";
import type { Database } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { readMultipart, requireFile } from "../../multipart.ts";
import type { Actor } from "../access/actor.ts";
import { fileSlug } from "../consolidated/vi-format.ts";
import type { DownloadFile } from "../evidence/file-types.ts";
import { XLSX_CONTENT_TYPE } from "../reporting/report-excel.ts";
import { getAssessment } from "./assessment.ts";
import { roundHeading } from "./dti.presenter.ts";
import { unitNames } from "./dti.repository.ts";
import { type DtiPowers, requireManage } from "./dti-access.ts";
import { annexDocx, rankingWorkbook, scoresheetWorkbook } from "./dti-documents.ts";
import { frameworkWorkbook, parseFrameworkWorkbook } from "./framework-xlsx.ts";
import { createFramework, getFramework } from "./frameworks.ts";
import { readableRound, roundRanking } from "./ranking.ts";

export const DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Bộ chỉ số as the criteria table (.xlsx). */
export async function frameworkFile(db: Database, powers: DtiPowers, id: string): Promise<DownloadFile> {
  const framework = await getFramework(db, powers.tenantId, id);
  return {
    bytes: await frameworkWorkbook(framework),
    fileName: `bo-chi-so-${fileSlug(framework.code)}-${framework.year}.xlsx`,
    contentType: XLSX_CONTENT_TYPE,
  };
}

/** Nhập bộ chỉ số từ Excel: multipart `file` (.xlsx) and the framework's code, year, name, subject. */
export async function importFramework(
  db: Database,
  {
    request,
    actor,
    powers,
    maxBytes,
  }: { request: FastifyRequest; actor: Actor; powers: DtiPowers; maxBytes: number },
): Promise<TDtiFramework> {
  // Refused before the upload is read: only the province's focal officer imports.
  requireManage(powers);
  const form = await readMultipart(request, {
    notMultipart: "Hãy gửi tệp Excel dạng multipart/form-data (trường `file`) kèm mã, năm, tên bộ chỉ số.",
    tooLarge: () =>
      new AppError("payload_too_large", "Tệp Excel quá lớn.", [{ path: "body.file", message: "Quá lớn" }]),
    defaultFileName: "bo-chi-so.xlsx",
  });
  const fields = ZDtiFrameworkImportFields.safeParse(Object.fromEntries(form.fields));
  if (!fields.success) {
    const details = fields.error.issues.map((i) => ({
      path: `body.${i.path.join(".")}`,
      message: i.message,
    }));
    throw new AppError(
      "validation_failed",
      `Thông tin bộ chỉ số chưa hợp lệ: ${details[0]?.path} — ${details[0]?.message}`,
      details,
    );
  }
  const file = requireFile(form, "Chọn tệp Excel bộ chỉ số (trường `file`).");
  if (file.bytes.byteLength > maxBytes) throw new AppError("payload_too_large", "Tệp Excel quá lớn.");
  const nodes = await parseFrameworkWorkbook(file.bytes);
  const id = await createFramework(db, { powers, actorId: actor.id, input: { ...fields.data, nodes } });
  return getFramework(db, powers.tenantId, id);
}

/** Xếp hạng (.xlsx), or the decision's annex (.docx, Decree 30 layout). */
export async function rankingFile(
  db: Database,
  powers: DtiPowers,
  id: string,
  format: "xlsx" | "docx",
): Promise<DownloadFile> {
  const round = await readableRound(db, powers, id);
  const ranking = { round: roundHeading(round, powers), ...(await roundRanking(db, round)) };
  const slug = `xep-hang-dti-${round.year}-${fileSlug(round.frameworkCode)}`;
  if (format === "xlsx") {
    return {
      bytes: await rankingWorkbook(ranking),
      fileName: `${slug}.xlsx`,
      contentType: XLSX_CONTENT_TYPE,
    };
  }
  const province = (await unitNames(db, round.tenantId, [round.tenantId])).get(round.tenantId) ?? "";
  return {
    bytes: await annexDocx(ranking, province),
    fileName: `phu-luc-${slug}.docx`,
    contentType: DOCX_CONTENT_TYPE,
  };
}

/** Bảng điểm of one unit (.xlsx), for whoever reads its self-assessment. */
export async function scoresheetFile(
  db: Database,
  { actor, powers, roundId, unitId }: { actor: Actor; powers: DtiPowers; roundId: string; unitId: string },
): Promise<DownloadFile> {
  const a = await getAssessment(db, actor, powers, roundId, unitId);
  return {
    bytes: await scoresheetWorkbook(a),
    fileName: `bang-diem-dti-${a.round.year}-${fileSlug(a.unit.name)}.xlsx`,
    contentType: XLSX_CONTENT_TYPE,
  };
}
