import type { inboxVi } from "./inbox.vi.ts";

/** English labels of the to-do and of the notification settings. */
export const inboxEn: Record<keyof typeof inboxVi, string> = {
  "inbox.dtiDetail": "DTI self-assessment",
  "inbox.title": "Waiting for me",
  "inbox.nothing": "Nothing is waiting for you.",
  "inbox.more": "and {n} more",
  "inbox.kind.returned": "Reports returned",
  "inbox.kind.fill": "Reports to fill",
  "inbox.kind.approve": "Reports to review",
  "inbox.kind.overdue": "Overdue tasks",
  "inbox.kind.direction": "Directions",
  "inbox.kind.dti": "DTI self-assessments",
  "inbox.due": "Due {date}",
  "inbox.late": "Overdue since {date}",
  "inbox.reason": "Reason: {reason}",
  "inbox.open": "Open",
  "inbox.settingsLink": "Notification settings",
  "account.notifications.title": "Account / Notifications",
  "account.notifications.subtitle":
    "Choose how you hear when a report is submitted, returned, approved or reopened; when a direction is given, a task assigned or a DTI round opened.",
  "account.channels": "Channels",
  "account.channel.in_app": "In the app (the bell)",
  "account.channel.email": "An e-mail for each event",
  "account.channel.digest": "One daily digest (after 7 a.m.) instead of each e-mail",
  "account.noEmail":
    "Your account has no e-mail address, so no e-mail can reach you; ask an administrator to add one.",
  "account.emailTo": "E-mails go to: {email}",
  "account.emailLanguage": "Language of the e-mails:",
  "account.saved": "Your choice is saved.",
  "account.calendar": "Deadline calendar (iCalendar)",
  "account.calendar.help":
    "A private address to add your report and task deadlines to Google Calendar, Outlook or your phone. Anyone with this address can read the calendar: do not share it.",
  "account.calendar.active": "A calendar address is in use (created {date}).",
  "account.calendar.none": "No calendar address yet.",
  "account.calendar.create": "Create a calendar address",
  "account.calendar.renew": "Create a new one (the old one stops working)",
  "account.calendar.revoke": "Revoke",
  "account.calendar.revoked": "The calendar address is revoked.",
  "account.calendar.copy": "Copy this address now: for safety it is shown only once.",
};
