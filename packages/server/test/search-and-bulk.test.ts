import { readFileSync } from "node:fs";
import {
  type TBulkEditItemsResult,
  type TBulkReviewResult,
  type TSearchResults,
  ZBulkEditItemsResult,
  ZBulkReviewResult,
  ZSearchResults,
} from "@dtplan/contracts";
import { FOLD_TRANSLATION } from "@dtplan/domain/text/fold.ts";
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { queryRows } from "../src/db/database.ts";
import {
  auditLog,
  orgUnits,
  type PlanRow,
  type PlanTaskRow,
  plans,
  planTargets,
  planTasks,
  unitReports,
  users,
} from "../src/db/schema.ts";
import {
  buildPublishedPlan,
  buildReportingPlan,
  buildUnit,
  buildUser,
  describeBothDatabases,
  loginAs,
  type SignedIn,
} from "./helpers.ts";

describeBothDatabases("search and bulk actions", (ctx) => {
  let plan: PlanRow;
  let tasks: PlanTaskRow[];
  let communeA: { id: string; tenantId: string };
  let communeB: { id: string; tenantId: string };
  let reporterA: SignedIn;
  let reporterB: SignedIn;
  let officer: SignedIn;
  let admin: SignedIn;
  let targetKey: string;
  let hoaUsername: string;
  let district: { id: string; tenantId: string };

  const call = (session: SignedIn, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    ctx.app.inject({ method, url, payload, headers: session.headers });
  const reportUrl = (key: string, unitId: string) =>
    `/api/plans/${plan.code}/periods/${key}/reports/${unitId}`;
  const search = async (session: SignedIn, q: string): Promise<TSearchResults> => {
    const res = await call(session, "GET", `/api/search?q=${encodeURIComponent(q)}`);
    expect(res.statusCode, res.body).toBe(200);
    return ZSearchResults.parse(res.json());
  };
  const titles = (found: TSearchResults, kind: string) =>
    found.groups.find((g) => g.kind === kind)?.items.map((i) => i.title) ?? [];
  /** The unit's report saved with a figure and submitted, as its reporter does it. */
  const submit = async (session: SignedIn, key: string, unitId: string) => {
    const form = await call(session, "GET", reportUrl(key, unitId));
    expect(form.statusCode, form.body).toBe(200);
    const saved = await call(session, "PUT", reportUrl(key, unitId), {
      version: form.json().version,
      tasks: form.json().tasks.map((t: { key: string }) => ({ key: t.key, progress: 50, note: "Đã làm" })),
      values: [{ targetKey, numerator: 8, denominator: 10, note: "Số liệu" }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await call(session, "POST", `${reportUrl(key, unitId)}/submit`, {
      version: saved.json().version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
  };

  beforeAll(async () => {
    const built = await buildReportingPlan(ctx.db);
    ({ plan, tasks, communeA, communeB, targetKey, district } = built);
    // Names typed the old way ("hoà", "Uỷ") and the new ("hóa", "Ủy").
    await ctx.db.update(orgUnits).set({ name: "Xã Đông Hoà" }).where(eq(orgUnits.id, communeA.id));
    await ctx.db.update(orgUnits).set({ name: "Phường Tân Hóa" }).where(eq(orgUnits.id, communeB.id));
    await ctx.db
      .update(planTasks)
      .set({ text: "Cấp chữ ký số cho Ủy ban nhân dân xã" })
      .where(eq(planTasks.id, tasks[0].id));
    await ctx.db.update(planTasks).set({ text: "Số hoá hồ sơ một cửa" }).where(eq(planTasks.id, tasks[1].id));
    // Another province has a task of the same words.
    const other = await buildUnit(ctx.db, { name: "Tỉnh Khác Tìm" });
    await buildPublishedPlan(ctx.db, other, { tasks: [{ text: "Chữ ký số của Uỷ ban tỉnh khác" }] });
    await buildUser(ctx.db, { grants: [{ unit: other, role: "unit_reporter" }] });

    const userA = await buildUser(ctx.db, { grants: [{ unit: communeA, role: "unit_reporter" }] });
    hoaUsername = userA.username;
    await ctx.db.update(users).set({ fullName: "Đặng Thị Hoà" }).where(eq(users.id, userA.id));
    reporterA = await loginAs(ctx.app, userA);
    reporterB = await loginAs(
      ctx.app,
      await buildUser(ctx.db, { grants: [{ unit: communeB, role: "unit_reporter" }] }),
    );
    officer = await loginAs(
      ctx.app,
      await buildUser(ctx.db, { grants: [{ unit: built.district, role: "focal_officer" }] }),
    );
    admin = await loginAs(
      ctx.app,
      await buildUser(ctx.db, { grants: [{ unit: built.province, role: "administrator" }] }),
    );
    await submit(reporterA, "2025-Q1", communeA.id);
    await submit(reporterB, "2025-Q1", communeB.id);
  });

  it("finds the same things however the words are typed: tone placement, đ, case, no diacritics", async () => {
    for (const q of ["uỷ ban", "Ủy ban", "UY BAN"]) {
      const found = await search(reporterA, q);
      expect(titles(found, "task"), q).toEqual(["Cấp chữ ký số cho Ủy ban nhân dân xã"]);
    }
    const task = (await search(reporterA, "chu ky so")).groups.find((g) => g.kind === "task")?.items[0];
    expect(task?.link).toBe(`/plans/${plan.code}?tab=tasks&task=${tasks[0].id}`);
    expect(task?.detail).toContain("Xã Đông Hoà");
    // A target opens its panel on its plan's page.
    const target = (await search(reporterA, "chi tieu digital_government")).groups.find(
      (g) => g.kind === "target",
    )?.items[0];
    expect(target?.link).toBe(`/plans/${plan.code}?tab=targets&target=${targetKey}`);
    expect(titles(await search(reporterA, "dong hóa"), "unit")).toEqual(["Xã Đông Hoà"]);
    // The words together and in order come first.
    expect(titles(await search(reporterA, "so hoa ho so"), "task")[0]).toBe("Số hoá hồ sơ một cửa");
  });

  it("keeps the words it searches folded in the database, by the domain's letters, through every write", async () => {
    // The generated columns of migration 0020 fold with FOLD_TRANSLATION's letters.
    const migration = readFileSync(
      new URL("../src/db/migrations/0020_search_text.sql", import.meta.url),
      "utf8",
    );
    const letters = [...migration.matchAll(/E'((?:\\u[0-9a-f]{4})+)', 'dd'\)/g)].map((m) =>
      m[1].replace(/\\u([0-9a-f]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    );
    expect(letters).toEqual(Array(6).fill(FOLD_TRANSLATION.from));
    expect(FOLD_TRANSLATION.to).toBe("dd");
    // A task renamed by an update (beforeAll) carries its new words.
    const [task] = await queryRows<{ search_text: string }>(
      ctx.db,
      sql`SELECT search_text FROM plan_tasks WHERE tenant_id = ${tasks[1].tenantId} AND id = ${tasks[1].id}`,
    );
    expect(task.search_text).toMatch(/^so hoa ho so mot cua /);
  });

  it("keeps to what the person may read: another province never, another unit's report and its people not for a reporter", async () => {
    const asReporter = await search(reporterA, "quý I");
    expect(titles(asReporter, "report")).toEqual(["Xã Đông Hoà — Quý I năm 2025"]);
    expect(asReporter.groups.find((g) => g.kind === "report")?.items[0].link).toBe(
      `/periods/${plan.code}/2025-Q1/units/${communeA.id}`,
    );
    const otherUnit = await search(reporterA, "tân hoá");
    expect(otherUnit.groups.map((g) => g.kind)).toEqual(["task"]);
    expect(titles(await search(reporterA, "dang thi hoa"), "person")).toEqual([]);

    expect(titles(await search(officer, "quy i"), "report").sort()).toEqual([
      "Phường Tân Hóa — Quý I năm 2025",
      "Xã Đông Hoà — Quý I năm 2025",
    ]);
    const person = (await search(admin, "đặng thị hoà")).groups.find((g) => g.kind === "person");
    expect(person?.items).toEqual([
      expect.objectContaining({ title: "Đặng Thị Hoà", link: `/admin/users?q=${hoaUsername}` }),
    ]);
    for (const session of [reporterA, officer, admin]) {
      expect(titles(await search(session, "tỉnh khác"), "task")).toEqual([]);
    }
  });

  it("leads to a draft's page, which every reader opens, not to its review", async () => {
    const { presentHit } = await import("../src/modules/search/search.presenter.ts");
    const row = {
      id: "t1",
      title: "Nhiệm vụ",
      code: "ke-hoach",
      key: "k1",
      unit_id: null,
      plan_title: "",
      unit_name: "",
    };
    for (const [kind, draft, published] of [
      ["plan", "/plans/ke-hoach", "/plans/ke-hoach"],
      ["task", "/plans/ke-hoach?tab=tasks", "/plans/ke-hoach?tab=tasks&task=t1"],
      ["target", "/plans/ke-hoach?tab=targets", "/plans/ke-hoach?tab=targets&target=k1"],
    ] as const) {
      expect(presentHit({ ...row, kind, status: "draft" }, "vi").link, kind).toBe(draft);
      expect(presentHit({ ...row, kind, status: "published" }, "vi").link, kind).toBe(published);
    }
  });

  it("asks for at least two characters, in Vietnamese", async () => {
    const res = await call(reporterA, "GET", "/api/search?q=a");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("Nhập ít nhất 2 ký tự để tìm");
  });

  const bulk = async (session: SignedIn, payload: object): Promise<TBulkReviewResult> => {
    const res = await call(
      session,
      "POST",
      `/api/plans/${plan.code}/periods/2025-Q1/reports/bulk-review`,
      payload,
    );
    expect(res.statusCode, res.body).toBe(200);
    return ZBulkReviewResult.parse(res.json());
  };
  const reportsOf = () =>
    ctx.db
      .select()
      .from(unitReports)
      .where(and(eq(unitReports.tenantId, plan.tenantId), eq(unitReports.planCode, plan.code)));

  it("previews a bulk approval (what changes, what is skipped and why) without changing anything", async () => {
    const stranger = crypto.randomUUID();
    const preview = await bulk(officer, {
      action: "approve",
      preview: true,
      items: [{ unitId: communeA.id }, { unitId: communeB.id }, { unitId: stranger }],
    });
    expect(preview).toMatchObject({ applied: false, changed: 2, skipped: 1 });
    expect(preview.items.map((i) => [i.unit.name, i.outcome, i.status])).toEqual([
      ["Xã Đông Hoà", "changed", "approved"],
      ["Phường Tân Hóa", "changed", "approved"],
      ["", "skipped", null],
    ]);
    expect(preview.items[2].reason).toBe("Đơn vị không phải báo cáo trong kỳ này.");
    const inEnglish = await ctx.app.inject({
      method: "POST",
      url: `/api/plans/${plan.code}/periods/2025-Q1/reports/bulk-review`,
      payload: { action: "approve", preview: true, items: [{ unitId: stranger }] },
      headers: { ...officer.headers, "accept-language": "en" },
    });
    expect(inEnglish.json().items[0].reason).toBe("The unit does not report in this period.");
    expect((await reportsOf()).map((r) => r.status)).toEqual(["submitted", "submitted"]);
    const ids = (await reportsOf()).map((r) => r.id);
    const audited = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, plan.tenantId), inArray(auditLog.entityId, ids)));
    expect(audited.filter((a) => a.action === "report.approved")).toEqual([]);

    const refused = await call(
      reporterA,
      "POST",
      `/api/plans/${plan.code}/periods/2025-Q1/reports/bulk-review`,
      {
        action: "approve",
        items: [{ unitId: communeA.id }],
      },
    );
    expect(refused.statusCode).toBe(403);
    const noReason = await call(
      officer,
      "POST",
      `/api/plans/${plan.code}/periods/2025-Q1/reports/bulk-review`,
      {
        action: "return",
        items: [{ unitId: communeA.id }],
      },
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain("Nhập lý do trả lại báo cáo");
  });

  it("approves, then returns with one reason, the previewed versions, one audit entry per report", async () => {
    const preview = await bulk(officer, {
      action: "approve",
      preview: true,
      items: [{ unitId: communeA.id }],
    });
    const approved = await bulk(officer, {
      action: "approve",
      items: preview.items.map((i) => ({ unitId: i.unit.id, version: i.version ?? undefined })),
    });
    expect(approved).toMatchObject({ applied: true, changed: 1, skipped: 0 });

    const returned = await bulk(officer, {
      action: "return",
      comment: "Bổ sung minh chứng số hoá hồ sơ.",
      items: [{ unitId: communeA.id }, { unitId: communeB.id }],
    });
    expect(returned.items.map((i) => [i.unit.name, i.outcome, i.status, i.reason])).toEqual([
      ["Xã Đông Hoà", "skipped", "approved", "Báo cáo đã được duyệt."],
      ["Phường Tân Hóa", "changed", "returned", null],
    ]);
    const reports = await reportsOf();
    const audited = await ctx.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.tenantId, plan.tenantId),
          inArray(
            auditLog.entityId,
            reports.map((r) => r.id),
          ),
          inArray(auditLog.action, ["report.approved", "report.returned"]),
        ),
      );
    const unitOf = (id: string | null) => reports.find((r) => r.id === id)?.unitId;
    expect(audited.map((a) => [a.action, unitOf(a.entityId)]).sort()).toEqual(
      [
        ["report.approved", communeA.id],
        ["report.returned", communeB.id],
      ].sort(),
    );
    expect(audited.find((a) => a.action === "report.returned")?.after).toMatchObject({
      comment: "Bổ sung minh chứng số hoá hồ sơ.",
    });
  });

  it("gives many tasks of a draft one lead unit and confirms matched indicators, skipping with reasons, one audit entry each", async () => {
    const { plan: draft, tasks: draftTasks } = await buildPublishedPlan(ctx.db, district, {
      tasks: [{ leadUnitId: communeB.id }, { leadUnitId: communeA.id }, { leadUnitId: null }],
    });
    await ctx.db.update(plans).set({ status: "draft", publishedAt: null }).where(eq(plans.id, draft.id));
    const url = `/api/plans/${draft.code}/items/bulk`;
    const edit = async (payload: object): Promise<TBulkEditItemsResult> => {
      const res = await call(officer, "POST", url, payload);
      expect(res.statusCode, res.body).toBe(200);
      return ZBulkEditItemsResult.parse(res.json());
    };
    const ids = draftTasks.map((t) => t.id);
    const lead = { action: "assign_lead", ids, leadUnitId: communeB.id };
    const preview = await edit({ ...lead, preview: true });
    expect(preview.items.map((i) => [i.outcome, i.before, i.after, i.reason])).toEqual([
      ["skipped", "Phường Tân Hóa", "Phường Tân Hóa", "Nhiệm vụ đã do đơn vị này chủ trì."],
      ["changed", "Xã Đông Hoà", "Phường Tân Hóa", null],
      ["changed", null, "Phường Tân Hóa", null],
    ]);
    const leadsNow = async () =>
      (
        await ctx.db
          .select()
          .from(planTasks)
          .where(and(eq(planTasks.tenantId, draft.tenantId), eq(planTasks.planId, draft.id)))
      )
        .sort((a, b) => a.position - b.position)
        .map((t) => t.leadUnitId);
    expect(await leadsNow()).toEqual([communeB.id, communeA.id, null]);
    expect(await edit(lead)).toMatchObject({ applied: true, changed: 2, skipped: 1 });
    expect(await leadsNow()).toEqual([communeB.id, communeB.id, communeB.id]);

    // One target matched to the catalogue's indicator but not confirmed, one with no indicator.
    const [published] = await ctx.db.select().from(planTargets).where(eq(planTargets.key, targetKey));
    const draftTargets = await ctx.db
      .select()
      .from(planTargets)
      .where(and(eq(planTargets.tenantId, draft.tenantId), eq(planTargets.planId, draft.id)));
    await ctx.db
      .update(planTargets)
      .set({ indicatorCode: published.indicatorCode, indicatorConfirmed: false })
      .where(eq(planTargets.id, draftTargets[0].id));
    const confirmed = await edit({ action: "confirm_indicators", ids: draftTargets.map((t) => t.id) });
    expect(confirmed.items.map((i) => [i.outcome, i.reason])).toEqual([
      ["changed", null],
      ["skipped", "Chỉ tiêu chưa gắn chỉ số nên chưa xác nhận được."],
    ]);
    const audited = await ctx.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.tenantId, draft.tenantId),
          inArray(auditLog.entityId, [...ids, ...draftTargets.map((t) => t.id)]),
        ),
      );
    expect(audited.map((a) => a.action).sort()).toEqual([
      "plan.target.update",
      "plan.task.update",
      "plan.task.update",
    ]);
    const refused = await call(reporterA, "POST", url, { ...lead, preview: true });
    expect(refused.statusCode).toBe(403);
  });
});
