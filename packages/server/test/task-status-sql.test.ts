import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { queryRows } from "../src/db/database.ts";
import { statusOfTask, taskStatusSql } from "../src/modules/tasks/task-status.ts";
import { describeBothDatabases } from "./helpers.ts";

const DEADLINES = [null, "2025-03-31"];
const PROGRESS = [null, 0, 40, 100];
const COMPLETED = [null, "2025-03-15", "2025-03-31", "2025-04-02"];
const TODAYS = ["2025-03-31", "2025-04-01"];

describeBothDatabases("a task's status in SQL", (ctx) => {
  it("answers as the domain rule does for every combination of deadline, recurrence, progress and completion", async () => {
    const cases = DEADLINES.flatMap((deadlineDate) =>
      [false, true].flatMap((recurring) =>
        PROGRESS.flatMap((progress) =>
          COMPLETED.map((completedAt) => ({ deadlineDate, recurring, progress, completedAt })),
        ),
      ),
    );
    const values = cases.map(
      (c, i) =>
        sql`(${i}::integer, ${c.deadlineDate}::date, ${c.recurring}::boolean, ${c.progress}::integer, ${c.completedAt}::date)`,
    );
    for (const today of TODAYS) {
      const status = taskStatusSql(today, {
        deadlineDate: sql`c.deadline_date`,
        recurring: sql`c.recurring`,
        progress: sql`c.progress`,
        completedAt: sql`c.completed_at`,
      });
      const rows = await queryRows<{ i: number; status: string }>(
        ctx.db,
        sql`SELECT c.i, ${status} AS status
              FROM (VALUES ${sql.join(values, sql`, `)}) AS c (i, deadline_date, recurring, progress, completed_at)
             ORDER BY c.i`,
      );
      expect(rows.map((r) => r.status)).toEqual(cases.map((c) => statusOfTask(c, today)));
    }
  });
});
