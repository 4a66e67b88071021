/**
 * Thư tóm tắt hằng ngày: for each person who chose the digest, the e-mails of their events
 * held in the outbox before today (Vietnam) go out as one e-mail through the outbox. Its
 * key is the person and the day (`digest:{user}:{yyyy-mm-dd}`), so a second pass, another
 * process or a restart the same day adds nothing; the held e-mails it takes are marked
 * `digested` in the same transaction, and those a crashed pass left held go in the next one.
 */
import { formatDate, type Lang } from "@dtplan/domain/text/format.ts";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { outbox, users } from "../../db/schema.ts";
import { acrossTenants, todayIso } from "../../db/sql.ts";

/** Digests go out from this hour of the Vietnam morning. */
export const DIGEST_HOUR = 7;

const startOfVietnamDay = (iso: string) => new Date(`${iso}T00:00:00+07:00`);

/** The lines of a held e-mail worth repeating: its text without greeting and signature. */
function gist(body: string): string {
  return body
    .split("\n")
    .filter((line) => !/^(Kính gửi |Dear |— dtplan|Đăng nhập dtplan|Sign in to dtplan)/.test(line))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The digest e-mail in the person's language. */
function digestText(
  lang: Lang,
  input: { name: string; through: string; count: number; items: string[] },
): { subject: string; body: string } {
  const list = input.items.join("\n\n");
  return lang === "en"
    ? {
        subject: `[dtplan] Notifications up to ${input.through}: ${input.count} ${input.count === 1 ? "item" : "items"}`,
        body: `Dear ${input.name},\n\nThe notifications dtplan sent you, gathered in one e-mail as you chose (Account / Notifications):\n\n${list}\n\nSign in to dtplan to see the details and act.\n\n— dtplan`,
      }
    : {
        subject: `[dtplan] Tóm tắt thông báo đến hết ngày ${input.through}: ${input.count} việc`,
        body: `Kính gửi ${input.name},\n\nCác thông báo dtplan gửi anh/chị, gộp thành một thư theo lựa chọn của anh/chị (Tài khoản / Thông báo):\n\n${list}\n\nĐăng nhập dtplan để xem chi tiết và xử lý.\n\n— dtplan`,
      };
}

export async function sendDigests(db: Database, { now = new Date() }: { now?: Date } = {}): Promise<number> {
  const today = todayIso(now);
  if (now < new Date(startOfVietnamDay(today).getTime() + DIGEST_HOUR * 3600_000)) return 0;
  const before = startOfVietnamDay(today);
  const waiting = await db
    .selectDistinct({ tenantId: outbox.tenantId, userId: outbox.userId })
    .from(outbox)
    .where(
      acrossTenants(
        "the digest pass walks every province's held e-mails",
        and(eq(outbox.status, "held"), lt(outbox.createdAt, before)),
      ),
    );
  let sent = 0;
  for (const { tenantId, userId } of waiting) {
    if (!userId) continue;
    sent += await db.transaction(async (tx) => {
      const held = await tx
        .select()
        .from(outbox)
        .where(
          and(
            eq(outbox.tenantId, tenantId),
            eq(outbox.userId, userId),
            eq(outbox.status, "held"),
            lt(outbox.createdAt, before),
          ),
        )
        .orderBy(outbox.createdAt)
        .for("update");
      if (held.length === 0) return 0;
      const [user] = await tx.select().from(users).where(eq(users.id, userId));
      const address = user?.email ?? held[held.length - 1].toAddress;
      const items = held.map((m, i) => `${i + 1}. ${m.subject.replace(/^\[dtplan\] /, "")}\n${gist(m.body)}`);
      const [digest] = await tx
        .insert(outbox)
        .values({
          tenantId,
          idempotencyKey: `digest:${userId}:${today}`,
          kind: "digest",
          userId,
          toAddress: address,
          ...digestText(user?.language ?? "vi", {
            name: user?.fullName ?? "",
            through: formatDate(todayIso(held[held.length - 1].createdAt)),
            count: held.length,
            items,
          }),
          nextAttemptAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: outbox.id });
      // Today's digest already went (another process): what is still held waits for tomorrow's.
      if (!digest) return 0;
      await tx
        .update(outbox)
        .set({ status: "digested", sentAt: sql`now()` })
        .where(
          and(
            eq(outbox.tenantId, tenantId),
            inArray(
              outbox.id,
              held.map((m) => m.id),
            ),
          ),
        );
      return 1;
    });
  }
  return sent;
}
