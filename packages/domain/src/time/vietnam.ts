/**
 * Vietnam's calendar: UTC+7 all year (no daylight saving). Plans, deadlines and
 * due dates are Vietnamese calendar days, so "today" and "the day something
 * happened" are read in this zone wherever the code runs.
 */

/** Offset of Vietnam time from UTC, in minutes. */
export const VIETNAM_UTC_OFFSET_MINUTES = 420;

const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000;

/** A source of the current instant; tests pass a fixed one. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** The Vietnamese calendar day (ISO `yyyy-mm-dd`) of an instant. */
export function vietnamDate(instant: Date | string): string {
  const t = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  return new Date(t + OFFSET_MS).toISOString().slice(0, 10);
}

/** Today as an ISO date in Vietnam. */
export function todayInVietnam(clock: Clock = systemClock): string {
  return vietnamDate(clock());
}

/** The instant a Vietnamese calendar day ends (23:59:59.999 UTC+7). */
export function endOfVietnamDay(isoDate: string): Date {
  return new Date(Date.parse(`${isoDate}T23:59:59.999+07:00`));
}

/** `hh:mm ngày dd/mm/yyyy` in Vietnam time, for messages. */
export function vietnamDateTimeText(instant: Date): string {
  const s = new Date(instant.getTime() + OFFSET_MS).toISOString();
  return `${s.slice(11, 16)} ngày ${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`;
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
