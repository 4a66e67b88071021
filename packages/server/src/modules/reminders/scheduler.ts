import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { sendDigests } from "../notify/digest.ts";
import { type DeliveryCounts, deliverOutbox, type ReminderLog } from "./deliver-outbox.ts";
import { createMailer, type Mailer } from "./mailer.ts";
import { planReminders, type ReminderCounts } from "./plan-reminders.ts";

/** One pass: write the reminders due now and the daily digests, then send what the outbox holds. */
export async function runReminders(
  db: Database,
  config: Pick<AppConfig, "reminders">,
  mailer: Mailer | null,
  { now = new Date(), log }: { now?: Date; log?: ReminderLog } = {},
): Promise<{ planned: ReminderCounts; digests: number; delivered: DeliveryCounts }> {
  const planned = await planReminders(db, config.reminders, now);
  const digests = await sendDigests(db, { now });
  const delivered = await deliverOutbox(db, mailer, { now, log });
  return { planned, digests, delivered };
}

export interface ReminderScheduler {
  /** Runs a pass now (or joins the one running). */
  tick(): Promise<void>;
  /** Stops the timer and waits for a running pass. */
  stop(): Promise<void>;
}

/**
 * The in-process reminder loop started by `startServer`: a pass at start-up (which
 * also releases e-mails a crashed process left claimed) and every
 * `reminders.intervalMs`. Passes never overlap; several servers may each run one,
 * the outbox's keys and claims keep them from sending twice. `null` when turned off.
 */
export function startReminderScheduler(
  db: Database,
  config: Pick<AppConfig, "reminders" | "smtp">,
  log: ReminderLog,
): ReminderScheduler | null {
  if (!config.reminders.intervalMs) return null;
  const mailer = config.smtp ? createMailer(config.smtp) : null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const pass = async () => {
    try {
      const { planned, digests, delivered } = await runReminders(db, config, mailer, { log });
      if (planned.notifications || digests || delivered.sent || delivered.retried || delivered.failed) {
        log.info({ planned, digests, delivered }, "Nhắc nộp báo cáo");
      }
    } catch (error) {
      log.error({ err: error }, "Lượt nhắc nộp báo cáo bị lỗi");
    } finally {
      running = null;
    }
  };
  const tick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (!running) running = pass();
    return running;
  };
  const timer = setInterval(() => void tick(), config.reminders.intervalMs);
  timer.unref();
  void tick();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      mailer?.close();
    },
  };
}
