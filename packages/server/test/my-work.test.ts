import { ZMyWork } from "@dtplan/contracts";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { orgUnitLineage, type PlanTaskRow, planTasks } from "../src/db/schema.ts";
import {
  buildPublishedPlan,
  buildTenant,
  buildUnit,
  describeBothDatabases,
  isoDaysFromToday,
  type SignedIn,
  signInAs,
} from "./helpers.ts";

describeBothDatabases("my work: a unit's tasks grouped by what needs doing", (ctx) => {
  let reporter: SignedIn;
  let tasks: PlanTaskRow[];
  let vhttId: string;

  beforeAll(async () => {
    const tenant = await buildTenant(ctx.db);
    // Like the demo: the district's Phòng Văn hóa và Thông tin leads most tasks.
    const vhtt = await buildUnit(ctx.db, {
      parent: tenant.district,
      name: "Phòng Văn hóa và Thông tin",
      kind: "district_office",
    });
    vhttId = vhtt.id;
    const oldOffice = await buildUnit(ctx.db, {
      parent: tenant.district,
      name: "Phòng Văn hóa cũ",
      kind: "district_office",
    });
    await ctx.db.insert(orgUnitLineage).values({
      tenantId: tenant.province.id,
      predecessorId: oldOffice.id,
      successorId: vhtt.id,
      event: "merge",
      effectiveDate: "2025-07-01",
    });
    ({ tasks } = await buildPublishedPlan(ctx.db, tenant.district, {
      tasks: [
        { text: "Quá hạn", leadUnitId: vhtt.id, deadlineDate: isoDaysFromToday(-5) },
        { text: "Sắp đến hạn", leadUnitId: vhtt.id, deadlineDate: isoDaysFromToday(10) },
        { text: "Đang làm", leadUnitId: vhtt.id, deadlineDate: isoDaysFromToday(90) },
        { text: "Xong", leadUnitId: vhtt.id, deadlineDate: isoDaysFromToday(-20) },
        { text: "Thường xuyên", leadUnitId: vhtt.id, deadlineDate: isoDaysFromToday(-20), recurring: true },
        {
          text: "Phối hợp",
          leadUnitId: tenant.communeA.id,
          deadlineDate: isoDaysFromToday(5),
          coordinators: [{ text: "Phòng VH&TT", unitId: vhtt.id, score: 1, suggestions: [] }],
        },
        { text: "Của đơn vị tiền thân", leadUnitId: oldOffice.id, deadlineDate: isoDaysFromToday(200) },
        { text: "Của xã B", leadUnitId: tenant.communeB.id, pillar: "digital_society" },
      ],
    }));
    await ctx.db.update(planTasks).set({ progress: 30 }).where(eq(planTasks.id, tasks[2].id));
    await ctx.db
      .update(planTasks)
      .set({ progress: 100, completedAt: isoDaysFromToday(-25) })
      .where(eq(planTasks.id, tasks[3].id));
    reporter = await signInAs(ctx, vhtt, "unit_reporter");
  });

  it("groups the unit's tasks into overdue, due within 30 days, in progress and done, with the plans' targets of its pillars", async () => {
    const response = await ctx.app.inject({ method: "GET", url: "/api/my-work", headers: reporter.headers });
    expect(response.statusCode, response.body).toBe(200);
    const work = ZMyWork.parse(response.json());
    const texts = (list: { text: string }[]) => list.map((t) => t.text);
    expect(work.units).toEqual([{ id: vhttId, name: "Phòng Văn hóa và Thông tin" }]);
    expect(texts(work.overdue)).toEqual(["Quá hạn"]);
    expect(work.overdue[0]).toMatchObject({
      status: "overdue",
      statusLabel: "Quá hạn",
      daysLeft: -5,
      role: "lead",
    });
    expect(texts(work.dueSoon)).toEqual(["Phối hợp", "Sắp đến hạn"]);
    expect(work.dueSoon[0].role).toBe("coordinator");
    expect(texts(work.inProgress).sort()).toEqual(
      ["Của đơn vị tiền thân", "Thường xuyên", "Đang làm"].sort(),
    );
    expect(texts(work.done)).toEqual(["Xong"]);
    expect(work.done[0].status).toBe("done");
    expect(work.counts).toEqual({ overdue: 1, dueSoon: 2, inProgress: 3, done: 1 });
    expect(work.targets.map((t) => t.pillar)).toEqual(["digital_government"]);
    expect(response.body).not.toContain("Của xã B");
  });
});
