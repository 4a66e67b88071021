/**
 * Trang công khai: anyone reads the published plans without signing in, and nothing
 * private comes out — no person, user id, e-mail, evidence file, comment, leader's
 * direction, report text or figure a reviewer has not approved.
 */
import {
  type TPublicPlanDetail,
  type TUnitReport,
  ZPublicPlanDetail,
  ZPublicPlanList,
  ZPublicProvinceList,
  ZPublicUnitList,
} from "@dtplan/contracts";
import { and, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { beforeAll, expect, it } from "vitest";
import {
  type OrgUnitRow,
  plans,
  planTasks,
  reportingPeriods,
  type UserRow,
  users,
} from "../src/db/schema.ts";
import { todayIso } from "../src/db/sql.ts";
import { refreshPlanSummaries } from "../src/modules/plans/plan-summaries.ts";
import { statusOfTask } from "../src/modules/tasks/task-status.ts";
import {
  buildPlan,
  buildPublishedPlan,
  buildReportingPlan,
  buildUser,
  describeBothDatabases,
  loginAs,
  multipart,
  type SignedIn,
} from "./helpers.ts";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Texts that exist in the database and must never reach the public page. */
const SECRET = {
  comment: "Ý kiến nội bộ: nhà cung cấp chậm bàn giao XQ7",
  direction: "Chỉ đạo của lãnh đạo: khẩn trương hoàn thành trước quý III XQ7",
  progressNote: "Ghi chú tiến độ nội bộ XQ7",
  difficulties: "Khó khăn nội bộ: thiếu cán bộ chuyên trách XQ7",
  proposals: "Kiến nghị nội bộ: xin bổ sung kinh phí XQ7",
  returnComment: "Trả lại: số liệu chưa khớp biên bản XQ7",
  taskEvidenceName: "Bien ban nghiem thu mat XQ7.pdf",
  reportEvidenceName: "So lieu quy I noi bo XQ7.pdf",
  valueNote: "Ghi chú số liệu nội bộ XQ7",
  signer: "Ông Trịnh Bí Mật XQ7",
  amendmentTitle: "Bản điều chỉnh chưa ban hành XQ7",
  amendmentReason: "Lý do điều chỉnh nội bộ XQ7",
};

describeBothDatabases("public transparency page: published plans only, nothing private", (ctx) => {
  let setup: Awaited<ReturnType<typeof buildReportingPlan>>;
  let province: string;
  let draftCode: string;
  let people: UserRow[] = [];
  const evidenceIds: string[] = [];
  let reporterA: SignedIn;
  let reporterB: SignedIn;
  let officer: SignedIn;
  let leader: SignedIn;

  const anonymous = (url: string) => ctx.app.inject({ method: "GET", url });
  const { call } = ctx;
  const reportUrl = (key: string, unit: OrgUnitRow) =>
    `/api/plans/${setup.plan.code}/periods/${key}/reports/${unit.id}`;
  const ok = (res: LightMyRequestResponse, status = 200) => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };
  const upload = (session: SignedIn, url: string, fileName: string) => {
    const body = multipart({}, { name: "file", fileName, bytes: PDF, contentType: "application/pdf" });
    return ctx.app.inject({
      method: "POST",
      url,
      payload: body.payload,
      headers: { ...body.headers, ...session.headers },
    });
  };

  /** Saves figures (and the report's texts) and submits the unit's report. */
  const report = async (
    session: SignedIn,
    key: string,
    unit: OrgUnitRow,
    figure: { numerator: number; denominator: number },
    evidenceFileIds: string[] = [],
  ): Promise<TUnitReport> => {
    const form = ok(await call(session, "GET", reportUrl(key, unit))) as TUnitReport;
    const saved = ok(
      await call(session, "PUT", reportUrl(key, unit), {
        version: form.version,
        difficulties: SECRET.difficulties,
        proposals: SECRET.proposals,
        tasks: form.tasks.map((t) => ({ key: t.key, progress: 50, note: SECRET.progressNote })),
        values: [{ targetKey: setup.targetKey, ...figure, note: SECRET.valueNote, evidenceFileIds }],
      }),
    ) as TUnitReport;
    return ok(
      await call(session, "POST", `${reportUrl(key, unit)}/submit`, { version: saved.version }),
    ) as TUnitReport;
  };

  beforeAll(async () => {
    setup = await buildReportingPlan(ctx.db);
    const person = async (
      unit: OrgUnitRow,
      role: "unit_reporter" | "focal_officer" | "leader",
      n: number,
    ) => {
      const user = await buildUser(ctx.db, {
        grants: [{ unit, role }],
        username: `nguoi-bi-mat-${n}-${Date.now()}`,
      });
      const [named] = await ctx.db
        .update(users)
        .set({ fullName: `Nguyễn Thị Riêng Tư ${n} XQ7`, email: `rieng.tu.${n}.${Date.now()}@example.vn` })
        .where(eq(users.id, user.id))
        .returning();
      people.push(named);
      return loginAs(ctx.app, user);
    };
    people = [];
    reporterA = await person(setup.communeA, "unit_reporter", 1);
    reporterB = await person(setup.communeB, "unit_reporter", 2);
    officer = await person(setup.district, "focal_officer", 3);
    leader = await person(setup.district, "leader", 4);
    province = setup.province.code.toLowerCase();
    await ctx.db
      .update(plans)
      .set({ signerName: SECRET.signer, createdBy: people[2].id, publishedBy: people[2].id })
      .where(eq(plans.id, setup.plan.id));

    // A task with a comment, a leader's direction, a progress note and an evidence file.
    const [task] = setup.tasks;
    ok(await call(reporterA, "POST", `/api/tasks/${task.id}/comments`, { body: SECRET.comment }), 201);
    ok(
      await call(leader, "POST", `/api/tasks/${task.id}/comments`, {
        kind: "direction",
        body: SECRET.direction,
      }),
      201,
    );
    ok(
      await call(reporterA, "POST", `/api/tasks/${task.id}/progress`, {
        progress: 30,
        note: SECRET.progressNote,
      }),
    );
    const taskFile = ok(
      await upload(reporterA, `/api/tasks/${task.id}/evidence`, SECRET.taskEvidenceName),
      201,
    );
    evidenceIds.push(taskFile.id);

    // Q1: commune A reports 45/50 with evidence, is returned with a comment, resubmits and is approved;
    // commune B reports 10/50 and is never approved.
    const reportFile = ok(
      await upload(reporterA, `${reportUrl("2025-Q1", setup.communeA)}/evidence`, SECRET.reportEvidenceName),
      201,
    );
    evidenceIds.push(reportFile.id);
    await report(reporterA, "2025-Q1", setup.communeA, { numerator: 45, denominator: 50 }, [reportFile.id]);
    ok(
      await call(officer, "POST", `${reportUrl("2025-Q1", setup.communeA)}/return`, {
        comment: SECRET.returnComment,
      }),
    );
    ok(await call(reporterA, "POST", `${reportUrl("2025-Q1", setup.communeA)}/submit`, {}));
    ok(await call(officer, "POST", `${reportUrl("2025-Q1", setup.communeA)}/approve`, {}));
    await report(reporterB, "2025-Q1", setup.communeB, { numerator: 10, denominator: 50 });
    // Q2: submitted, not approved — the public still sees Q1.
    await report(reporterA, "2025-Q2", setup.communeA, { numerator: 5, denominator: 50 });

    // An amendment draft beside the published version, and a draft plan of commune A.
    ok(
      await call(officer, "POST", `/api/plans/${setup.plan.code}/amendments`, {
        reason: SECRET.amendmentReason,
      }),
      201,
    );
    ok(await call(officer, "PATCH", `/api/plans/${setup.plan.code}`, { title: SECRET.amendmentTitle }));
    draftCode = (await buildPlan(ctx.db, setup.communeA, people[0].id)).code;
  });

  it("lists the published plans to anyone, without a session, with province, issuing unit and counts", async () => {
    const res = await anonymous("/api/public/plans");
    const list = ZPublicPlanList.parse(ok(res));
    const mine = list.items.find((p) => p.code === setup.plan.code && p.province.slug === province);
    expect(mine).toMatchObject({
      title: "Kế hoạch chuyển đổi số thử nghiệm",
      issuingUnit: setup.district.name,
      province: { slug: province, name: setup.province.name },
      version: 1,
      targetCount: 2,
      taskCount: 2,
    });
    expect(mine?.progress).toMatchObject({ total: 2, averageProgress: expect.any(Number) });
    const provinces = ZPublicProvinceList.parse(ok(await anonymous("/api/public/provinces")));
    expect(provinces.provinces).toContainEqual({ slug: province, name: setup.province.name, planCount: 1 });
    expect(list.items.map((p) => p.code)).not.toContain(draftCode);
    expect(res.headers["set-cookie"]).toBeUndefined();
    expect(res.headers["cache-control"]).toBe("public, max-age=300");
  });

  it("shows one plan's published version: targets by pillar with approved results only, progress by pillar", async () => {
    const res = await anonymous(`/api/public/plans/${province}/${setup.plan.code}`);
    const plan = ZPublicPlanDetail.parse(ok(res)) as TPublicPlanDetail;
    expect(res.headers["set-cookie"]).toBeUndefined();
    expect(res.headers["cache-control"]).toBe("public, max-age=300");
    expect(plan).toMatchObject({ version: 1, title: "Kế hoạch chuyển đổi số thử nghiệm" });
    // Approved Q1 of commune A only: 45/50 = 90%, not (45+10)/100 and not Q2's 5/50.
    expect(plan.resultPeriod?.key).toBe("2025-Q1");
    const government = plan.pillars.find((p) => p.pillar === "digital_government");
    expect(government?.targets).toHaveLength(1);
    expect(government?.targets[0]).toMatchObject({
      comparator: ">=",
      targetValue: 80,
      unit: "%",
      indicator: "Tỷ lệ hồ sơ trực tuyến toàn trình",
      value: 90,
      attainment: "achieved",
    });
    expect(government?.progress).toMatchObject({ total: 2 });
    expect(government?.tasks.map((t) => t.leadUnit).sort()).toEqual(
      [setup.communeA.name, setup.communeB.name].sort(),
    );
    expect(plan.pillars.find((p) => p.pillar === "digital_economy")?.targets[0].attainment).toBe(
      "qualitative",
    );
    expect(plan.reportingRules).toEqual([
      { frequency: "quarterly", text: "Định kỳ hàng quý (trước ngày 15 của tháng cuối quý)" },
    ]);
  });

  it("leaks nothing private from any public endpoint", async () => {
    const bodies = [
      (await anonymous("/api/public/plans")).body,
      (await anonymous(`/api/public/plans/${province}/${setup.plan.code}`)).body,
    ];
    const forbidden = [
      ...Object.values(SECRET),
      ...people.flatMap((p) => [p.id, p.fullName, p.username, p.email as string]),
      ...evidenceIds,
      "Người dùng thử nghiệm",
      setup.plan.id,
      setup.district.id,
      setup.targetKey,
    ];
    for (const body of bodies) {
      for (const text of forbidden) expect(body, text).not.toContain(text);
      // No identifier of anything at all: not a user, a unit, a task, a file, a target.
      expect(body).not.toMatch(UUID);
      for (const key of ["email", "username", "fullName", "signer", "comment", "evidence", "difficulties"])
        expect(body).not.toContain(`"${key}`);
    }
    // Proof the texts are really there for signed-in officials.
    const task = ok(await call(officer, "GET", `/api/tasks/${setup.tasks[0].id}`));
    expect(JSON.stringify(task)).toContain(SECRET.direction);
  });

  it("writes nothing for an anonymous visitor, not even a plan's missing reporting periods", async () => {
    const { plan } = await buildPublishedPlan(ctx.db, setup.district);
    const periodsOf = () =>
      ctx.db.select().from(reportingPeriods).where(eq(reportingPeriods.planCode, plan.code));
    expect(await periodsOf()).toHaveLength(0);
    expect(ok(await anonymous(`/api/public/plans/${province}/${plan.code}`)).code).toBe(plan.code);
    expect(await periodsOf()).toHaveLength(0);
  });

  it("never shows a draft plan or a draft amendment", async () => {
    const draft = await anonymous(`/api/public/plans/${province}/${draftCode}`);
    expect(draft.statusCode).toBe(404);
    expect(draft.headers["cache-control"]).toBe("no-store");
    expect(draft.json().error.message).toBe("Không tìm thấy kế hoạch đã ban hành này.");
    expect((await anonymous(`/api/public/plans/khong-co/${setup.plan.code}`)).statusCode).toBe(404);
    const bad = await anonymous(`/api/public/plans/${province}/KHONG_HOP_LE`);
    expect(bad.statusCode).toBe(400);
  });

  it("still refuses comments, evidence and reports to anonymous callers (401)", async () => {
    const task = setup.tasks[0];
    const refused = [
      { method: "GET", url: `/api/tasks/${task.id}` },
      { method: "POST", url: `/api/tasks/${task.id}/comments` },
      { method: "POST", url: `/api/tasks/${task.id}/evidence` },
      ...evidenceIds.map((id) => ({ method: "GET", url: `/api/evidence/${id}` })),
      { method: "GET", url: reportUrl("2025-Q1", setup.communeA) },
      { method: "GET", url: `${reportUrl("2025-Q1", setup.communeA)}/history` },
      { method: "POST", url: `${reportUrl("2025-Q1", setup.communeA)}/evidence` },
      { method: "GET", url: `/api/plans/${setup.plan.code}/attainment` },
    ] as const;
    for (const { method, url } of refused) {
      const res = await ctx.app.inject({ method, url, payload: method === "POST" ? {} : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it("pages the list and filters it by province, issuing unit, year and words typed without diacritics", async () => {
    const list = async (qs: string) => ZPublicPlanList.parse(ok(await anonymous(`/api/public/plans?${qs}`)));
    const before = (await list(`province=${province}`)).total;
    // Three more plans of the district's province: two of commune A (2026–2030, 2025), one of the district.
    const extra = [
      await buildPublishedPlan(ctx.db, setup.communeA, { code: `xa-a-2026-${Date.now()}` }),
      await buildPublishedPlan(ctx.db, setup.communeA),
      await buildPublishedPlan(ctx.db, setup.district),
    ];
    await ctx.db
      .update(plans)
      .set({ periodStart: 2026, periodEnd: 2030, title: "Kế hoạch chuyển đổi số xã giai đoạn 2026–2030" })
      .where(eq(plans.id, extra[0].plan.id));
    // As an amendment's publication would, the stored summary follows the new title.
    await refreshPlanSummaries(ctx.db, { tenantId: extra[0].plan.tenantId, planCode: extra[0].plan.code });

    const all = await list(`province=${province}`);
    expect(all.total).toBe(before + 3);
    expect(all.items.every((p) => p.province.slug === province)).toBe(true);
    // Newest period first within the province.
    expect(all.items[0].code).toBe(extra[0].plan.code);

    const pages = [
      await list(`province=${province}&pageSize=3&page=1`),
      await list(`province=${province}&pageSize=3&page=2`),
    ];
    expect(pages.map((p) => p.items.length)).toEqual([3, all.total - 3]);
    expect(pages[1].total).toBe(all.total);
    expect(new Set([...pages[0].items, ...pages[1].items].map((p) => p.code)).size).toBe(all.total);
    expect(await list(`province=${province}&pageSize=3&page=9`)).toMatchObject({
      items: [],
      total: all.total,
      page: 9,
    });

    const units = ZPublicUnitList.parse(ok(await anonymous(`/api/public/provinces/${province}/units`)));
    expect(units.units).toContainEqual({
      code: setup.communeA.code,
      name: setup.communeA.name,
      planCount: 2,
    });
    expect(JSON.stringify(units)).not.toMatch(UUID);
    const communeA = await list(`province=${province}&unit=${encodeURIComponent(setup.communeA.code)}`);
    expect(communeA.items.map((p) => p.issuingUnit)).toEqual([setup.communeA.name, setup.communeA.name]);

    expect((await list(`province=${province}&year=2027`)).items.map((p) => p.code)).toEqual([
      extra[0].plan.code,
    ]);
    // "giai doan 2026" typed without diacritics finds "giai đoạn 2026–2030".
    const found = await list(`q=${encodeURIComponent("GIAI DOAN 2026")}`);
    expect(found.items.map((p) => p.code)).toContain(extra[0].plan.code);
    expect(found.items.map((p) => p.code)).not.toContain(setup.plan.code);
    expect((await list(`province=khong-co-tinh-nay`)).total).toBe(0);
    expect((await anonymous("/api/public/plans?pageSize=1000")).statusCode).toBe(400);
  });

  it("keeps every published plan's stored figures equal to counting its tasks on the day", async () => {
    const published = await ctx.db.select().from(plans).where(eq(plans.status, "published"));
    const today = todayIso();
    for (const plan of published) {
      const tasks = await ctx.db
        .select()
        .from(planTasks)
        .where(and(eq(planTasks.tenantId, plan.tenantId), eq(planTasks.planId, plan.id)));
      const listed = ZPublicPlanList.parse(
        ok(await anonymous(`/api/public/plans?province=${province}&pageSize=100`)),
      ).items.find((p) => p.code === plan.code && plan.tenantId === setup.province.tenantId);
      if (plan.tenantId !== setup.province.tenantId) continue;
      const statuses = tasks.map((t) => statusOfTask(t, today));
      expect(listed?.progress, plan.code).toEqual({
        total: tasks.length,
        done: statuses.filter((s) => s === "done" || s === "done_late").length,
        inProgress: statuses.filter((s) => s === "in_progress").length,
        notStarted: statuses.filter((s) => s === "not_started").length,
        overdue: statuses.filter((s) => s === "overdue").length,
        averageProgress: tasks.length
          ? Math.round(
              tasks.reduce((a, t) => a + Math.min(100, Math.max(0, t.progress ?? 0)), 0) / tasks.length,
            )
          : null,
      });
    }
  });

  it("answers the next request with the change once task progress moves or a report is approved", async () => {
    const url = `/api/public/plans?province=${province}&q=${encodeURIComponent(setup.plan.code)}`;
    const before = ZPublicPlanList.parse(ok(await anonymous(url))).items[0];
    const task = setup.tasks[1];
    ok(await call(officer, "POST", `/api/tasks/${task.id}/progress`, { progress: 100 }));
    const after = ZPublicPlanList.parse(ok(await anonymous(url))).items[0];
    expect(after.progress.done).toBe(before.progress.done + 1);

    const detailUrl = `/api/public/plans/${province}/${setup.plan.code}`;
    const shown = ok(await anonymous(detailUrl)) as TPublicPlanDetail;
    expect(shown.resultPeriod?.key).toBe("2025-Q1");
    // Commune B's Q1 report is approved: the detail's figures change at once.
    ok(await call(officer, "POST", `${reportUrl("2025-Q1", setup.communeB)}/approve`, {}));
    const changed = JSON.stringify(ok(await anonymous(detailUrl)));
    expect(changed).not.toBe(JSON.stringify(shown));
  });
});
