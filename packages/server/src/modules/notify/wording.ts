/**
 * What each workflow event says, in Vietnamese and in English: the bell shows the text in the
 * reader's interface language, an e-mail goes in the recipient's language. Names of people,
 * units, plans and rounds are data and stay as written; a period is named in each language.
 */
import { periodLabel } from "@dtplan/domain/reporting/period-label.ts";
import { formatDate } from "@dtplan/domain/text/format.ts";
import type { InLanguages } from "./notify.ts";

type Step = "submitted" | "returned" | "approved" | "reopened";

interface Text {
  title: InLanguages;
  body: InLanguages;
}

/** Long task and plan texts are cut in titles. */
export function shortText(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max - 3)}…` : text;
}

/** A report moved on: submitted (to its reviewers), returned, approved or reopened (to the unit). */
export function reportStepText(
  step: Step,
  input: {
    actor: string;
    unit: string;
    plan: string;
    period: { key: string; label: string };
    comment: string | null;
  },
): Text {
  const { actor, unit, plan, comment } = input;
  const vi = periodLabel(input.period, "vi");
  const en = periodLabel(input.period, "en");
  const ofVi = `“${vi}” của ${unit} (${plan})`;
  const ofEn = `“${en}” of ${unit} (${plan})`;
  const reasonVi = comment ? `\nLý do: ${comment}` : "";
  const reasonEn = comment ? `\nReason: ${comment}` : "";
  switch (step) {
    case "submitted":
      return {
        title: { vi: `Báo cáo chờ duyệt: ${unit}`, en: `Report awaiting review: ${unit}` },
        body: {
          vi: `${actor} đã nộp báo cáo ${ofVi}. Báo cáo đang chờ anh/chị duyệt hoặc trả lại.`,
          en: `${actor} submitted the report ${ofEn}. It awaits your approval or return.`,
        },
      };
    case "returned":
      return {
        title: { vi: `Báo cáo bị trả lại: ${vi}`, en: `Report returned: ${en}` },
        body: {
          vi: `${actor} đã trả lại báo cáo ${ofVi} để bổ sung, sửa.${reasonVi}`,
          en: `${actor} returned the report ${ofEn} to be completed or corrected.${reasonEn}`,
        },
      };
    case "approved":
      return {
        title: { vi: `Báo cáo đã được duyệt: ${vi}`, en: `Report approved: ${en}` },
        body: { vi: `${actor} đã duyệt báo cáo ${ofVi}.`, en: `${actor} approved the report ${ofEn}.` },
      };
    case "reopened":
      return {
        title: { vi: `Báo cáo được mở lại để sửa: ${vi}`, en: `Report reopened for correction: ${en}` },
        body: {
          vi: `${actor} đã mở lại báo cáo ${ofVi} đã duyệt, để đơn vị sửa và nộp lại.${reasonVi}`,
          en: `${actor} reopened the approved report ${ofEn} for the unit to correct and submit again.${reasonEn}`,
        },
      };
  }
}

/** A leader's direction on a task, to the unit that leads it. */
export function directionText(input: { actor: string; task: string; plan: string; body: string }): Text {
  const task = shortText(input.task);
  return {
    title: { vi: `Ý kiến chỉ đạo mới: ${task}`, en: `New direction: ${task}` },
    body: {
      vi: `${input.actor} chỉ đạo về nhiệm vụ “${task}” (${input.plan}):\n${input.body}`,
      en: `${input.actor} gave a direction on the task “${task}” (${input.plan}):\n${input.body}`,
    },
  };
}

/** A plan's publication gave a unit tasks to lead (the first five listed). */
export function tasksAssignedText(input: { actor: string; plan: string; tasks: readonly string[] }): Text {
  const n = input.tasks.length;
  const list = input.tasks.slice(0, 5).map((x) => `- ${shortText(x, 60)}`);
  const more = n - 5;
  const plan = shortText(input.plan, 60);
  return {
    title: {
      vi: `Nhiệm vụ được giao: ${n} nhiệm vụ — ${plan}`,
      en: `Tasks assigned: ${n} ${n === 1 ? "task" : "tasks"} — ${plan}`,
    },
    body: {
      vi: [
        `${input.actor} đã ban hành ${input.plan}; đơn vị của anh/chị chủ trì ${n} nhiệm vụ:`,
        ...list,
        ...(more > 0 ? [`- … và ${more} nhiệm vụ khác`] : []),
      ].join("\n"),
      en: [
        `${input.actor} published ${input.plan}; your unit leads ${n} ${n === 1 ? "task" : "tasks"}:`,
        ...list,
        ...(more > 0 ? [`- … and ${more} more`] : []),
      ].join("\n"),
    },
  };
}

/** A DTI round opened: the assessed units' staff self-assess by its due date. */
export function roundOpenedText(input: { round: string; dueDate: string }): Text {
  const due = formatDate(input.dueDate);
  return {
    title: {
      vi: `Mở đợt tự đánh giá DTI: ${input.round}`,
      en: `DTI self-assessment round opened: ${input.round}`,
    },
    body: {
      vi: `Đợt đánh giá chuyển đổi số ${input.round} đã mở. Đơn vị của anh/chị tự đánh giá và nộp trước ngày ${due}.`,
      en: `The digital transformation assessment round ${input.round} is open. Your unit self-assesses and submits by ${due}.`,
    },
  };
}
