import { CONSOLIDATED_FORMATS, SIGNATORIES } from "@dtplan/domain/consolidated/lists.ts";
import { PROGRESS_SOURCES } from "@dtplan/domain/tasks/lists.ts";
import { TASK_STATUSES } from "@dtplan/domain/tasks/status.ts";
import { z } from "zod";
import { ZIsoDate, ZPersonRef, ZUnitRef } from "./common.ts";
import {
  ZAttainmentStatus,
  ZPeriodCounts,
  ZPeriodUnitStatus,
  ZReportingPeriodRef,
  ZReportStatus,
} from "./reporting.ts";

/**
 * Báo cáo tổng hợp — the consolidated report of one period of a plan, laid out as an
 * administrative report (Decree 30/2020/NĐ-CP). The tables always come from the data;
 * the narrative parts are written by the focal officer and kept per (plan, period).
 */

/** Who signs: "TM. ỦY BAN NHÂN DÂN" then "CHỦ TỊCH", or "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH". */
export const ZSignatory = z.enum(SIGNATORIES);
export type TSignatory = z.infer<typeof ZSignatory>;

export const ZConsolidatedSignature = z.object({
  /** Thẩm quyền ký — "TM. ỦY BAN NHÂN DÂN" (may be blank when the chairman signs in person). */
  authority: z.string().trim().max(120, "Thẩm quyền ký tối đa 120 ký tự"),
  signatory: ZSignatory,
  /** Họ và tên người ký (blank: the line stays empty for a handwritten name). */
  signerName: z.string().trim().max(120, "Họ tên người ký tối đa 120 ký tự"),
});
export type TConsolidatedSignature = z.infer<typeof ZConsolidatedSignature>;

const longText = (label: string) => z.string().max(20_000, `${label} tối đa 20.000 ký tự`);

/** The editable parts of the report. */
export const ZConsolidatedNarrative = z.object({
  /** Số of "Số: …/BC-UBND"; blank leaves room to write it in by hand. */
  documentNumber: z
    .string()
    .trim()
    .max(20, "Số văn bản tối đa 20 ký tự")
    .regex(/^[0-9A-Za-z.-]*$/, "Số văn bản chỉ gồm chữ số, chữ cái, dấu chấm, gạch ngang"),
  /** Địa danh of "Châu Thành, ngày … tháng … năm …". */
  placeName: z.string().trim().min(1, "Nhập địa danh").max(100, "Địa danh tối đa 100 ký tự"),
  reportDate: ZIsoDate,
  /** Đoạn mở đầu. */
  opening: longText("Đoạn mở đầu"),
  /** Đánh giá chung kết quả thực hiện. */
  assessment: longText("Đánh giá chung"),
  /** Khó khăn, vướng mắc (prefilled from the units' reports until saved). */
  difficulties: longText("Khó khăn, vướng mắc"),
  /** Đề xuất, kiến nghị (prefilled from the units' reports until saved). */
  proposals: longText("Đề xuất, kiến nghị"),
  /** Nhiệm vụ kỳ tới. */
  nextTasks: longText("Nhiệm vụ kỳ tới"),
  signature: ZConsolidatedSignature,
  /** Nơi nhận, one recipient a line, without the leading "- " and the closing ";". */
  recipients: z
    .array(z.string().trim().min(1, "Nơi nhận không được để trống").max(300, "Nơi nhận tối đa 300 ký tự"))
    .max(40, "Tối đa 40 nơi nhận"),
});
export type TConsolidatedNarrative = z.infer<typeof ZConsolidatedNarrative>;

/**
 * `PUT /api/plans/{code}/periods/{key}/consolidated` — lưu phần lời văn. `version` is
 * the one loaded (0 when nothing was saved yet); 409 when someone saved since.
 */
export const ZSaveConsolidated = ZConsolidatedNarrative.extend({
  version: z.number().int().min(0),
});
export type TSaveConsolidated = z.infer<typeof ZSaveConsolidated>;

export const ZConsolidatedFormat = z.enum(CONSOLIDATED_FORMATS);
export type TConsolidatedFormat = z.infer<typeof ZConsolidatedFormat>;

const ZPillarRef = z.object({ key: z.string(), label: z.string() });

/** One row of the targets table. */
export const ZConsolidatedTarget = z.object({
  targetKey: z.uuid(),
  pillar: z.string(),
  text: z.string(),
  /** Chỉ tiêu kế hoạch as written ("≥ 80%"), or null when the plan gives no figure. */
  planned: z.string().nullable(),
  targetValue: z.number().nullable(),
  /** Kết quả kỳ báo cáo (rolled up), with its unit. */
  value: z.number().nullable(),
  unit: z.string().nullable(),
  attainment: ZAttainmentStatus,
  attainmentLabel: z.string(),
  reportingUnits: z.number().int(),
});
export type TConsolidatedTarget = z.infer<typeof ZConsolidatedTarget>;

export const ZConsolidatedTaskStatus = z.enum(TASK_STATUSES);

/** One row of the tasks table. */
export const ZConsolidatedTask = z.object({
  key: z.uuid(),
  /** The task's row in the plan version reported on: its panel opens with `GET /api/tasks/{id}`. */
  id: z.uuid(),
  pillar: z.string(),
  text: z.string(),
  leadUnit: z.string().nullable(),
  deadline: z.object({ text: z.string().nullable(), date: ZIsoDate.nullable() }),
  recurring: z.boolean(),
  status: ZConsolidatedTaskStatus,
  statusLabel: z.string(),
  /** Tiến độ (%) as of the period, null when nothing was reported yet. */
  progress: z.number().int().nullable(),
  /** Where the figure comes from: the lead unit's report of the period, or the task's own updates. */
  progressSource: z.enum(PROGRESS_SOURCES),
});
export type TConsolidatedTask = z.infer<typeof ZConsolidatedTask>;

/** Khó khăn or kiến nghị of one unit's submitted or approved report. */
export const ZUnitStatement = z.object({
  unit: ZUnitRef,
  status: ZReportStatus,
  difficulties: z.string(),
  proposals: z.string(),
});
export type TUnitStatement = z.infer<typeof ZUnitStatement>;

/** `GET /api/plans/{code}/periods/{key}/consolidated`. */
export const ZConsolidatedReport = z.object({
  plan: z.object({
    code: z.string(),
    title: z.string(),
    year: z.number().int().nullable(),
    unit: ZUnitRef,
  }),
  period: ZReportingPeriodRef,
  /** Status and progress are judged on this day: the period's last day, or today while it runs. */
  asOf: ZIsoDate,
  /** Cơ quan ban hành: "ỦY BAN NHÂN DÂN" over "HUYỆN CHÂU THÀNH". */
  issuer: z.object({ body: z.string(), unit: z.string() }),
  /** Trích yếu: "Kết quả thực hiện Kế hoạch … , quý II năm 2025". */
  subject: z.string(),
  pillars: z.array(ZPillarRef),
  targets: z.array(ZConsolidatedTarget),
  tasks: z.array(ZConsolidatedTask),
  units: z.array(ZPeriodUnitStatus),
  counts: ZPeriodCounts,
  statements: z.array(ZUnitStatement),
  narrative: ZConsolidatedNarrative,
  /** Null until the narrative is first saved (the parts shown are then the defaults). */
  saved: z
    .object({
      version: z.number().int(),
      updatedAt: z.string(),
      updatedBy: ZPersonRef,
    })
    .nullable(),
  version: z.number().int(),
  can: z.object({ edit: z.boolean() }),
});
export type TConsolidatedReport = z.infer<typeof ZConsolidatedReport>;
