import { ZBudgetItem, ZBudgetSummary } from "@dtplan/contracts";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditLog, type PlanRow, type PlanTaskRow } from "../src/db/schema.ts";
import {
  buildPublishedPlan,
  buildTenant,
  describeBothDatabases,
  type SignedIn,
  signInAs,
} from "./helpers.ts";

describeBothDatabases("budget: line items against the plan total", (ctx) => {
  let officer: SignedIn;
  let reporter: SignedIn;
  let plan: PlanRow;
  let task: PlanTaskRow;
  let foreignTask: PlanTaskRow;

  const { call } = ctx;
  const summary = async () =>
    ZBudgetSummary.parse((await call(reporter, "GET", `/api/plans/${plan.code}/budget`)).json());

  beforeAll(async () => {
    const tenant = await buildTenant(ctx.db);
    ({
      plan,
      tasks: [task],
    } = await buildPublishedPlan(ctx.db, tenant.district, { budgetTotal: 1_000_000_000 }));
    ({
      tasks: [foreignTask],
    } = await buildPublishedPlan(ctx.db, tenant.communeB));
    officer = await signInAs(ctx, tenant.district, "focal_officer");
    reporter = await signInAs(ctx, tenant.communeA, "unit_reporter");
  });

  it("adds, edits and removes items, warning in Vietnamese while their sum differs from the plan total", async () => {
    const first = await call(officer, "POST", `/api/plans/${plan.code}/budget-items`, {
      title: "Nâng cấp mạng LAN",
      amountPlanned: 600_000_000,
      source: "Ngân sách huyện",
      year: 2025,
      taskKey: task.key,
    });
    expect(first.statusCode, first.body).toBe(201);
    const item = ZBudgetItem.parse(first.json());
    expect(item.task).toEqual({ key: task.key, id: task.id, text: task.text });
    await call(officer, "POST", `/api/plans/${plan.code}/budget-items`, {
      title: "Đào tạo kỹ năng số",
      amountPlanned: 300_000_000,
      source: "Xã hội hóa",
      year: 2025,
    });
    let s = await summary();
    expect(s).toMatchObject({
      planTotal: 1_000_000_000,
      planned: 900_000_000,
      disbursed: 0,
      difference: -100_000_000,
    });
    expect(s.warning).toBe(
      "Tổng kinh phí các hạng mục (900.000.000 đồng) thấp hơn tổng kinh phí kế hoạch (1.000.000.000 đồng) 100.000.000 đồng.",
    );

    const patched = await call(officer, "PATCH", `/api/plans/${plan.code}/budget-items/${item.id}`, {
      amountPlanned: 700_000_000,
      amountDisbursed: 250_000_000,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    s = await summary();
    expect(s).toMatchObject({
      planned: 1_000_000_000,
      disbursed: 250_000_000,
      difference: 0,
      warning: null,
      disbursedPercent: 25,
    });
    expect(s.bySource.map((g) => g.source).sort()).toEqual(["Ngân sách huyện", "Xã hội hóa"]);
    expect(s.items).toHaveLength(2);

    expect(
      (await call(officer, "DELETE", `/api/plans/${plan.code}/budget-items/${item.id}`)).statusCode,
    ).toBe(200);
    s = await summary();
    expect(s.planned).toBe(300_000_000);
    expect(s.warning).toMatch(/thấp hơn/);

    const actions = (await ctx.db.select().from(auditLog).where(eq(auditLog.entity, "budget_item"))).map(
      (a) => a.action,
    );
    expect(actions.sort()).toEqual([
      "budget.item.create",
      "budget.item.create",
      "budget.item.delete",
      "budget.item.update",
    ]);
  });

  it("refuses a reporter, a task of another plan and a negative or fractional amount", async () => {
    const url = `/api/plans/${plan.code}/budget-items`;
    expect((await call(reporter, "POST", url, { title: "Lạ", amountPlanned: 1 })).statusCode).toBe(403);
    const wrongTask = await call(officer, "POST", url, {
      title: "Lạ",
      amountPlanned: 1,
      taskKey: foreignTask.key,
    });
    expect(wrongTask.statusCode).toBe(400);
    expect(wrongTask.json().error.message).toMatch(/không thuộc kế hoạch/);
    expect((await call(officer, "POST", url, { title: "Lạ", amountPlanned: -1 })).statusCode).toBe(400);
    expect((await call(officer, "POST", url, { title: "Lạ", amountPlanned: 1.5 })).statusCode).toBe(400);
  });
});
