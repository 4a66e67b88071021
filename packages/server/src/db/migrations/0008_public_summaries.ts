import { summariseTasks } from "@dtplan/domain/tasks/summary.ts";
import { foldedSearchText, foldVietnamese } from "@dtplan/domain/text/fold.ts";
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../database.ts";

/**
 * Fills the stored figures of every plan from its tasks and targets (the domain's
 * summary rule). Frozen with the migration: it reads and writes the tables as they are
 * at 0008, not through the application's modules.
 */
export async function up(tx: Database): Promise<void> {
  // One pass over all provinces, once; every later statement stays within one tenant.
  const plans = await queryRows<{
    tenant_id: string;
    id: string;
    title: string;
    code: string;
    document_number: string | null;
    unit_name: string | null;
    province_name: string | null;
  }>(
    tx,
    sql`SELECT p.tenant_id, p.id, p.title, p.code, p.document_number, iu.name AS unit_name,
               prov.name AS province_name
          FROM plans p
          LEFT JOIN org_units iu ON iu.tenant_id = p.tenant_id AND iu.id = p.unit_id
          LEFT JOIN org_units prov ON prov.tenant_id = p.tenant_id AND prov.id = p.tenant_id`,
  );
  for (const plan of plans) {
    const tasks = await queryRows<{
      deadline: string | null;
      recurring: boolean;
      progress: number | null;
      completed_at: string | null;
    }>(
      tx,
      sql`SELECT deadline_date::text AS deadline, recurring, progress, completed_at::text AS completed_at
            FROM plan_tasks WHERE tenant_id = ${plan.tenant_id} AND plan_id = ${plan.id}`,
    );
    const [targets] = await queryRows<{ n: number | string }>(
      tx,
      sql`SELECT count(*) AS n FROM plan_targets WHERE tenant_id = ${plan.tenant_id} AND plan_id = ${plan.id}`,
    );
    const s = summariseTasks(
      tasks.map((t) => ({
        deadline: t.deadline,
        recurring: t.recurring,
        progress: t.progress ?? 0,
        completedAt: t.completed_at,
      })),
    );
    await tx.execute(sql`
      INSERT INTO plan_summaries (tenant_id, plan_id, target_count, task_total, task_done, task_done_late,
                                  task_started, progress_sum, due_dates, search_text, title_key)
      VALUES (${plan.tenant_id}, ${plan.id}, ${Number(targets?.n ?? 0)}, ${s.total}, ${s.done}, ${s.doneLate},
              ${s.started}, ${s.progressSum}, ${JSON.stringify(s.dueDates)}::jsonb,
              ${foldedSearchText(plan.title, plan.code, plan.document_number, plan.unit_name, plan.province_name)},
              ${foldVietnamese(plan.title)})
      ON CONFLICT (tenant_id, plan_id) DO NOTHING`);
  }
}
