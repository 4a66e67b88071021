import { readFileSync } from "node:fs";
import {
  type TNotificationList,
  ZPlanDetail,
  ZPlanList,
  ZPlanReview,
  ZPlanVersionDetail,
  ZPlanVersionList,
  ZPublishResult,
} from "@dtplan/contracts";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditLog, reportingPeriods } from "../src/db/schema.ts";
import {
  buildTenant,
  buildUnit,
  CHAU_THANH_TXT,
  describeBothDatabases,
  multipart,
  type SignedIn,
  signInAs,
} from "./helpers.ts";

describeBothDatabases("plans: import, review, publish, amend", (ctx) => {
  let officer: SignedIn;
  let reporter: SignedIn;
  let stranger: SignedIn;
  let tenant: Awaited<ReturnType<typeof buildTenant>>;
  let vhtt: { id: string };
  let vhttStaff: SignedIn;
  let code: string;
  /** The kinds and titles of what a person's bell holds. */
  const bell = async (session: SignedIn) =>
    ((await call(session, "GET", "/api/notifications")).json() as TNotificationList).items.map(
      (n) => `${n.kind} ${n.title}`,
    );

  const importFile = (session: SignedIn, unitId: string, fileName: string, bytes: Uint8Array | string) =>
    ctx.app.inject({
      method: "POST",
      url: "/api/plans/import",
      ...(() => {
        const body = multipart({ unitId }, { name: "file", fileName, bytes });
        return { payload: body.payload, headers: { ...body.headers, ...session.headers } };
      })(),
    });
  const { call } = ctx;

  beforeAll(async () => {
    tenant = await buildTenant(ctx.db);
    vhtt = await buildUnit(ctx.db, {
      parent: tenant.district,
      name: "Phòng Văn hóa và Thông tin",
      kind: "district_office",
      validFrom: "2020-01-01",
    });
    officer = await signInAs(ctx, tenant.district, "focal_officer");
    reporter = await signInAs(ctx, tenant.communeA, "unit_reporter");
    vhttStaff = await signInAs(ctx, { id: vhtt.id, tenantId: tenant.district.tenantId }, "unit_reporter");
    const other = await buildTenant(ctx.db);
    stranger = await signInAs(ctx, other.district, "focal_officer");
  });

  it("imports a .txt plan into a draft with every extracted item, matching 'Phòng VH&TT' to the office", async () => {
    const response = await importFile(
      officer,
      tenant.district.id,
      "chau-thanh-2025.txt",
      readFileSync(CHAU_THANH_TXT),
    );
    expect(response.statusCode, response.body).toBe(201);
    const review = ZPlanReview.parse(response.json());
    code = review.plan.code;
    expect(code).toBe("chau-thanh-2025");
    expect(review.plan).toMatchObject({ status: "draft", version: 1, kind: "annual", periodEnd: 2025 });
    expect(review.plan.targets.length).toBeGreaterThan(10);
    expect(review.plan.tasks.length).toBeGreaterThan(10);
    expect(review.sourceText.length).toBeGreaterThan(1000);
    const led = review.plan.tasks.filter((t) => t.lead.text === "Phòng Văn hóa và Thông tin");
    expect(led.length).toBeGreaterThan(0);
    expect(led.every((t) => t.lead.unit?.id === vhtt.id)).toBe(true);
    // Sorted least sure first.
    const confidences = review.queue.map((q) => q.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b));
    expect(review.plan.targets.some((t) => t.indicator !== null)).toBe(true);
    const [audit] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "plan.import"), eq(auditLog.entityId, review.plan.id)));
    expect(audit).toBeDefined();
  });

  it("suggests the office for the abbreviation 'Phòng VH&TT' when a task is added with it", async () => {
    const { matchUnit } = await import("../src/modules/plans/import-plan.ts");
    const match = matchUnit(
      "Phòng VH&TT",
      [
        {
          id: vhtt.id,
          name: "Phòng Văn hóa và Thông tin",
          kind: "district_office",
          validFrom: null,
          validTo: null,
        },
      ],
      "2025-01-01",
    );
    expect(match.unitId).toBe(vhtt.id);
  });

  it("refuses a file that is not a plan with a Vietnamese 400 and the reader's code", async () => {
    const response = await importFile(officer, tenant.district.id, "rong.pdf", "khong phai pdf");
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.message).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵêếềệểễôốồộổỗơớờợởỡưứừựửữđ]/i);
    expect(body.error.details[0].path).toBe("file");
  });

  it("does not let a unit reporter import, nor another province's officer read the plan", async () => {
    const refused = await importFile(reporter, tenant.district.id, "a.txt", "Kế hoạch");
    expect(refused.statusCode).toBe(403);
    expect((await call(stranger, "GET", `/api/plans/${code}`)).statusCode).toBe(404);
    const list = ZPlanList.parse((await call(stranger, "GET", "/api/plans")).json());
    expect(list.items.map((p) => p.code)).not.toContain(code);
  });

  it("lets the officer edit, split, merge and delete items, each audited", async () => {
    let review = ZPlanReview.parse((await call(officer, "GET", `/api/plans/${code}/review`)).json());
    const task = review.plan.tasks[0];
    const patched = await call(officer, "PATCH", `/api/plans/${code}/tasks/${task.id}`, {
      pillar: "data",
      deadlineDate: "2025-06-30",
      deadlineText: "Tháng 6/2025",
    });
    expect(patched.statusCode, patched.body).toBe(200);
    review = ZPlanReview.parse(patched.json());
    expect(review.plan.tasks[0]).toMatchObject({ pillar: "data", deadline: { date: "2025-06-30" } });

    const before = review.plan.tasks.length;
    const at = Math.floor(task.text.length / 2);
    review = ZPlanReview.parse(
      (await call(officer, "POST", `/api/plans/${code}/split`, { type: "task", id: task.id, at })).json(),
    );
    expect(review.plan.tasks.length).toBe(before + 1);
    expect(review.plan.tasks[0].text + review.plan.tasks[1].text).toContain(task.text.slice(0, at).trim());

    review = ZPlanReview.parse(
      (
        await call(officer, "POST", `/api/plans/${code}/merge`, {
          type: "task",
          ids: [review.plan.tasks[0].id, review.plan.tasks[1].id],
        })
      ).json(),
    );
    expect(review.plan.tasks.length).toBe(before);

    const target = review.plan.targets[review.plan.targets.length - 1];
    expect((await call(officer, "DELETE", `/api/plans/${code}/targets/${target.id}`)).statusCode).toBe(200);
    const actions = (await ctx.db.select({ action: auditLog.action }).from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "plan.task.update",
        "plan.task.split",
        "plan.task.merge",
        "plan.target.delete",
      ]),
    );
  });

  it("refuses to publish while a task has no lead, then freezes version 1 and refuses edits", async () => {
    const refused = await call(officer, "POST", `/api/plans/${code}/publish`, {});
    expect(refused.statusCode).toBe(409);
    // Read in English, the refusal and each item's reason are English.
    const english = await ctx.app.inject({
      method: "POST",
      url: `/api/plans/${code}/publish`,
      payload: {},
      headers: { ...officer.headers, "accept-language": "en" },
    });
    const { error } = english.json() as { error: { message: string; details: { message: string }[] } };
    expect(error.message).toMatch(/^Cannot publish yet: \d+ task\(s\) have no lead unit, \d+ target\(s\)/);
    expect(error.details[0].message).toMatch(/^The task ".+" has no lead unit \(choose a unit/);
    const review = ZPlanReview.parse((await call(officer, "GET", `/api/plans/${code}/review`)).json());
    for (const t of review.plan.tasks.filter((t) => !t.lead.unit)) {
      await call(officer, "PATCH", `/api/plans/${code}/tasks/${t.id}`, { leadUnitId: vhtt.id });
    }
    // Every task has its lead; the targets still have no reporting unit.
    const noReporters = await call(officer, "POST", `/api/plans/${code}/publish`, {});
    expect(noReporters.statusCode).toBe(409);
    expect(noReporters.json().error.message).toMatch(
      /^Chưa thể ban hành: \d+ chỉ tiêu chưa có đơn vị báo cáo\.$/,
    );
    const suggested = await call(officer, "POST", `/api/plans/${code}/target-units`, {
      targetKeys: review.plan.targets.map((t) => t.key),
      mode: "suggested",
    });
    expect(suggested.statusCode, suggested.body).toBe(200);
    const published = await call(officer, "POST", `/api/plans/${code}/publish`, { issuingUnitReports: true });
    expect(published.statusCode, published.body).toBe(200);
    const plan = ZPublishResult.parse(published.json()).plan;
    expect(plan).toMatchObject({ status: "published", version: 1 });
    // The lead unit's own staff hear once of the tasks it now leads.
    const told = await bell(vhttStaff);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/^task\.assigned Nhiệm vụ được giao: \d+ nhiệm vụ — /);
    // Its reporting periods are written with it (pages that only read find them).
    const periods = await ctx.db.select().from(reportingPeriods).where(eq(reportingPeriods.planCode, code));
    expect(periods.length).toBeGreaterThan(0);
    const edit = await call(officer, "PATCH", `/api/plans/${code}/tasks/${review.plan.tasks[0].id}`, {
      pillar: "other",
    });
    expect(edit.statusCode).toBe(409);
  });

  it("amends into version 2 with a readable diff and keeps version 1 in the history", async () => {
    const amended = await call(officer, "POST", `/api/plans/${code}/amendments`, {
      reason: "Bổ sung nhiệm vụ",
    });
    expect(amended.statusCode, amended.body).toBe(201);
    const draft = ZPlanReview.parse(amended.json());
    expect(draft.plan).toMatchObject({ version: 2, status: "draft" });
    const target = draft.plan.targets[0];
    await call(officer, "PATCH", `/api/plans/${code}/targets/${target.id}`, { value: 95 });
    await call(officer, "POST", `/api/plans/${code}/tasks`, {
      text: "Nhiệm vụ bổ sung mới",
      leadUnitId: vhtt.id,
    });
    const published = ZPublishResult.parse(
      (await call(officer, "POST", `/api/plans/${code}/publish`, {})).json(),
    );
    expect(published.diff?.tasks.added.map((a) => a.text)).toEqual(["Nhiệm vụ bổ sung mới"]);
    // Only the task it did not lead before is news.
    expect((await bell(vhttStaff))[0]).toMatch(/^task\.assigned Nhiệm vụ được giao: 1 nhiệm vụ — /);
    expect(published.diff?.targets.changed[0].fields).toEqual([
      { field: "value", before: target.value, after: 95 },
    ]);
    expect(published.diff?.summary.join("\n")).toMatch(/Bổ sung nhiệm vụ/);

    const versions = ZPlanVersionList.parse(
      (await call(officer, "GET", `/api/plans/${code}/versions`)).json(),
    );
    expect(versions.items.map((v) => [v.version, v.status])).toEqual([
      [2, "published"],
      [1, "superseded"],
    ]);
    const v1 = ZPlanVersionDetail.parse((await call(officer, "GET", `/api/plans/${code}/versions/1`)).json());
    expect(v1.plan.targets[0].value).toBe(target.value);
    const current = ZPlanDetail.parse((await call(reporter, "GET", `/api/plans/${code}`)).json());
    expect(current.version).toBe(2);
  });

  it("lists plans with filters and pagination, and tasks by lead unit", async () => {
    const all = ZPlanList.parse((await call(officer, "GET", "/api/plans?limit=1")).json());
    expect(all.total).toBe(1);
    expect(all.items[0]).toMatchObject({
      code,
      version: 2,
      status: "published",
      unit: { id: tenant.district.id },
    });
    const none = ZPlanList.parse((await call(officer, "GET", "/api/plans?status=draft")).json());
    expect(none.total).toBe(0);
    const tasks = (
      await call(officer, "GET", `/api/plan-tasks?unitId=${vhtt.id}&planCode=${code}&limit=5`)
    ).json();
    expect(tasks.total).toBeGreaterThan(5);
    expect(tasks.items).toHaveLength(5);
  });

  const DECREE = [
    "ỦY BAN NHÂN DÂN",
    "HUYỆN CHÂU THÀNH",
    "Số: 15/KH-UBND",
    "Châu Thành, ngày 10 tháng 01 năm 2026",
    "KẾ HOẠCH",
    "Chuyển đổi số năm 2026",
    "I. NHIỆM VỤ",
    "1. Số hóa hồ sơ hành chính.",
    "2. Mở rộng dịch vụ công trực tuyến.",
  ].join("\n");
  const importDecree = (mode?: string) =>
    ctx.app.inject({
      method: "POST",
      url: "/api/plans/import",
      ...(() => {
        const body = multipart(
          { unitId: tenant.district.id, ...(mode ? { mode } : {}) },
          { name: "file", fileName: "kh-15.txt", bytes: DECREE },
        );
        return { payload: body.payload, headers: { ...body.headers, ...officer.headers } };
      })(),
    });

  it("moves a draft to the right issuing unit, deletes it, and warns on a second import of the same document", async () => {
    const first = await importDecree();
    expect(first.statusCode, first.body).toBe(201);
    const draft = ZPlanReview.parse(first.json()).plan;

    const again = await importDecree();
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(
      "Kế hoạch này đã được nhập: «Kế hoạch Chuyển đổi số năm 2026» (số 15/KH-UBND, ngày 10/01/2026). Hãy mở kế hoạch đó, hoặc nhập tệp này làm bản điều chỉnh, bổ sung.",
    );
    expect(again.json().error.details).toEqual([{ path: "existingPlan", message: draft.code }]);
    const whileDraft = await importDecree("amendment");
    expect(whileDraft.statusCode).toBe(409);
    expect(whileDraft.json().error.message).toMatch(/đang có bản nháp/);

    const moved = await call(officer, "PATCH", `/api/plans/${draft.code}`, { issuerUnitId: vhtt.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(ZPlanReview.parse(moved.json()).plan.unit?.id).toBe(vhtt.id);
    const elsewhere = await buildTenant(ctx.db);
    const refused = await call(officer, "PATCH", `/api/plans/${draft.code}`, {
      issuerUnitId: elsewhere.district.id,
    });
    expect(refused.statusCode).toBe(400);

    const deleted = await call(officer, "DELETE", `/api/plans/${draft.code}`);
    expect(deleted.json()).toEqual({ ok: true, planRemains: false });
    expect((await call(officer, "GET", `/api/plans/${draft.code}`)).statusCode).toBe(404);
    const actions = await ctx.db
      .select({ action: auditLog.action, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.entityId, draft.id));
    expect(actions).toContainEqual({
      action: "plan.issuer",
      before: { unitId: tenant.district.id },
      after: { unitId: vhtt.id },
    });
    expect(actions.find((a) => a.action === "plan.delete")?.before).toMatchObject({
      title: "Kế hoạch Chuyển đổi số năm 2026",
      documentNumber: "15/KH-UBND",
    });
  });

  it("imports a repeated document as an amendment of the published plan on request; a published plan is never deleted", async () => {
    const first = ZPlanReview.parse((await importDecree()).json()).plan;
    for (const t of first.tasks) {
      await call(officer, "PATCH", `/api/plans/${first.code}/tasks/${t.id}`, { leadUnitId: vhtt.id });
    }
    const published = await call(officer, "POST", `/api/plans/${first.code}/publish`, {});
    expect(published.statusCode, published.body).toBe(200);

    const amendment = await importDecree("amendment");
    expect(amendment.statusCode, amendment.body).toBe(201);
    const v2 = ZPlanReview.parse(amendment.json()).plan;
    expect(v2).toMatchObject({ code: first.code, version: 2, status: "draft" });
    // Word-for-word the same tasks keep their keys: reports and assignments follow them.
    expect(v2.tasks.map((t) => t.key)).toEqual(first.tasks.map((t) => t.key));

    const dropped = await call(officer, "DELETE", `/api/plans/${first.code}`);
    expect(dropped.json()).toEqual({ ok: true, planRemains: true });
    const current = ZPlanDetail.parse((await call(officer, "GET", `/api/plans/${first.code}`)).json());
    expect(current).toMatchObject({ version: 1, status: "published" });
    const refused = await call(officer, "DELETE", `/api/plans/${first.code}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/đã ban hành nên không xóa được/);
  });

  it("settles a block no rule understood once an item added from it covers its place, so the warning goes", async () => {
    const { openUnparsed, publishCheck } = await import("../src/modules/plans/publish-plan.ts");
    const block = (start: number) => ({
      text: "Đoạn chưa nhận dạng",
      section: null,
      source: { start, end: start + 10 },
    });
    const bundle = {
      plan: { extraction: { unparsed: [block(10), block(30)] } },
      targets: [
        { sourceStart: 12, sourceEnd: 18, indicatorConfirmed: true, confidence: 1, text: "x", key: "k" },
      ],
      tasks: [],
      targetUnits: [{ targetKey: "k", unitId: "u" }],
    } as never;
    expect(openUnparsed(bundle).map((b) => b.source.start)).toEqual([30]);
    expect(publishCheck(bundle).warnings).toEqual([
      "1 đoạn văn bản không nhận dạng được; hãy kiểm tra đã thêm đủ mục.",
    ]);
  });

  it("names each task publishing waits for so that two tasks opening with the same words read apart", async () => {
    const { shortTexts } = await import("../src/modules/plans/publish-plan.ts");
    const opening = "Các Phòng, ban, ngành và Ủy ban nhân dân các xã, phường chủ động ";
    const [a, b, c] = shortTexts([
      `${opening}xây dựng kế hoạch chuyển đổi số năm 2026 của đơn vị mình.`,
      `${opening}rà soát, đề xuất thủ tục hành chính cung cấp trực tuyến toàn trình.`,
      "Tuyên truyền về chuyển đổi số, hưởng ứng Ngày Chuyển đổi số quốc gia 10/10 trên các kênh thông tin.",
    ]);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^Các Phòng, ban, ngành và Ủy ban nhân dân các xã, phường chủ động xây/);
    expect(b).toMatch(/chủ động rà/);
    // A text no other resembles keeps the usual length.
    expect(c).toBe("Tuyên truyền về chuyển đổi số, hưởng ứng Ngày Chuyển đổi…");
  });
});
