/**
 * Thông báo — what tells a person, and how they choose to hear it. The SQL CHECK
 * constraints on `notifications.kind`, `outbox.kind` and `notification_channels.channel`
 * hold the same values.
 */

/** What happened: a reminder of a deadline, or a step of the workflow. */
export const NOTIFICATION_KINDS = [
  "reminder.before_due",
  "reminder.overdue",
  "reminder.manual",
  "report.submitted",
  "report.returned",
  "report.approved",
  "report.reopened",
  "task.direction",
  "task.assigned",
  "dti.round_opened",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, { vi: string; en: string }> = {
  "reminder.before_due": { vi: "Nhắc hạn nộp báo cáo", en: "Report due soon" },
  "reminder.overdue": { vi: "Báo cáo quá hạn", en: "Report overdue" },
  "reminder.manual": { vi: "Đầu mối nhắc nộp báo cáo", en: "Reminder from the focal officer" },
  "report.submitted": { vi: "Báo cáo chờ duyệt", en: "Report awaiting review" },
  "report.returned": { vi: "Báo cáo bị trả lại", en: "Report returned" },
  "report.approved": { vi: "Báo cáo đã được duyệt", en: "Report approved" },
  "report.reopened": { vi: "Báo cáo được mở lại", en: "Report reopened" },
  "task.direction": { vi: "Ý kiến chỉ đạo", en: "Direction" },
  "task.assigned": { vi: "Nhiệm vụ được giao", en: "Task assigned" },
  "dti.round_opened": { vi: "Mở đợt tự đánh giá DTI", en: "DTI round opened" },
};

/** What the outbox carries: each notification's e-mail, and the daily digest of them. */
export const OUTBOX_KINDS = [...NOTIFICATION_KINDS, "digest"] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/**
 * Kênh nhận thông báo: in the app (the bell), one e-mail per event, or one daily digest
 * e-mail instead of each e-mail.
 */
export const NOTIFICATION_CHANNELS = ["in_app", "email", "digest"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_CHANNEL_LABELS: Record<NotificationChannel, { vi: string; en: string }> = {
  in_app: { vi: "Trong ứng dụng (biểu tượng chuông)", en: "In the app (the bell)" },
  email: { vi: "Thư điện tử cho từng việc", en: "An e-mail for each event" },
  digest: { vi: "Một thư tóm tắt mỗi ngày thay cho từng thư", en: "One daily digest instead of each e-mail" },
};

export type ChannelChoice = Record<NotificationChannel, boolean>;

/** What a person who never chose hears: the bell and an e-mail for each event. */
export const DEFAULT_CHANNELS: ChannelChoice = { in_app: true, email: true, digest: false };

/** A person's stored choices over the defaults. */
export function channelChoice(
  stored: readonly { channel: NotificationChannel; enabled: boolean }[],
): ChannelChoice {
  const choice = { ...DEFAULT_CHANNELS };
  for (const s of stored) choice[s.channel] = s.enabled;
  return choice;
}

/** How one event reaches a person: the digest replaces each e-mail; no address, no e-mail. */
export function deliveryOf(
  choice: ChannelChoice,
  hasAddress: boolean,
): { inApp: boolean; email: "each" | "digest" | "none" } {
  const email = !hasAddress ? "none" : choice.digest ? "digest" : choice.email ? "each" : "none";
  return { inApp: choice.in_app, email };
}

/** Việc chờ tôi — the sections of a person's to-do on the home page, in the order shown. */
export const TODO_KINDS = ["returned", "fill", "approve", "overdue", "direction", "dti"] as const;
export type TodoKind = (typeof TODO_KINDS)[number];
