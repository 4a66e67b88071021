// DTI over the API: frameworks (seeded, created, copied, edited), a round opened over two
// communes, self-assessment with evidence and optimistic versions, verification, automatic
// criteria from approved reports (following reopened figures until the round closes),
// ranking, year-on-year change through a merger, publication and the public ranking; and
// who may read and do what. On PGlite and PostgreSQL 15.
import type {
  TDtiAssessment,
  TDtiFramework,
  TDtiFrameworkList,
  TDtiRanking,
  TDtiRound,
  TNotificationList,
  TTodo,
} from "@dtplan/contracts";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/database.ts";
import {
  orgUnitLineage,
  planTargets,
  reportingPeriods,
  unitReports,
  unitReportValues,
} from "../src/db/schema.ts";
import { ensureDtiFrameworks } from "../src/modules/dti-seed/framework-rows.ts";
import {
  buildReportingPlan,
  buildTenant,
  buildUnit,
  describeBothDatabases,
  multipart,
  type SignedIn,
  signInAs,
} from "./helpers.ts";

type World = Awaited<ReturnType<typeof buildReportingPlan>>;

describeBothDatabases("DTI frameworks, rounds, self-assessment, verification and ranking", (ctx) => {
  let world: World;
  let indicatorCode: string;
  const s = {} as Record<"officer" | "leader" | "viewer" | "reporterA" | "reporterB" | "stranger", SignedIn>;
  let framework: TDtiFramework;
  let round: TDtiRound;
  let reportValue: { reportId: string; targetKey: string };

  const call = async (
    who: SignedIn | null,
    method: "GET" | "POST" | "PUT" | "PATCH",
    url: string,
    payload?: object,
  ) => ctx.app.inject({ method, url, payload, headers: who?.headers });
  const ok = async <T>(
    who: SignedIn,
    method: "GET" | "POST" | "PUT" | "PATCH",
    url: string,
    payload?: object,
  ) => {
    const res = await call(who, method, url, payload);
    expect([200, 201], `${method} ${url}: ${res.body.slice(0, 400)}`).toContain(res.statusCode);
    return res.json() as T;
  };

  beforeAll(async () => {
    world = await buildReportingPlan(ctx.db);
    await ensureDtiFrameworks(ctx.db, world.province.id);
    const [target] = await ctx.db.select().from(planTargets).where(eq(planTargets.key, world.targetKey));
    indicatorCode = target?.indicatorCode as string;
    s.officer = await signInAs(ctx, world.province, "focal_officer");
    s.leader = await signInAs(ctx, world.province, "leader");
    s.viewer = await signInAs(ctx, world.province, "province_viewer");
    s.reporterA = await signInAs(ctx, world.communeA, "unit_reporter");
    s.reporterB = await signInAs(ctx, world.communeB, "unit_reporter");
    s.stranger = await signInAs(ctx, (await buildTenant(ctx.db)).province, "administrator");
    // An approved report of commune A for a 2025 quarter, with a figure of the indicator.
    const [period] = await ctx.db
      .select()
      .from(reportingPeriods)
      .where(
        and(eq(reportingPeriods.planCode, world.plan.code), sql`${reportingPeriods.endDate} <= '2025-12-31'`),
      )
      .orderBy(reportingPeriods.endDate);
    const [report] = await ctx.db
      .insert(unitReports)
      .values({
        tenantId: world.plan.tenantId,
        periodId: period?.id as string,
        planCode: world.plan.code,
        unitId: world.communeA.id,
        status: "approved",
        reviewedAt: new Date("2025-04-20T02:00:00Z"),
      })
      .returning();
    await ctx.db.insert(unitReportValues).values({
      tenantId: world.plan.tenantId,
      reportId: report?.id as string,
      targetKey: world.targetKey,
      indicatorCode,
      numerator: 45,
      denominator: 50,
    });
    reportValue = { reportId: report?.id as string, targetKey: world.targetKey };
  });

  it("lists the seeded frameworks of the province with their trees and points, to anyone in it", async () => {
    const list = await ok<TDtiFrameworkList>(s.reporterA, "GET", "/api/dti/frameworks");
    expect(list.can.manage).toBe(false);
    const byCode = new Map(list.frameworks.map((f) => [f.code, f]));
    const d922 = byCode.get("dti-922-tinh");
    expect(d922?.maxPoints).toBe(1000);
    expect(d922?.nodes.map((n) => n.maxPoints)).toEqual([100, 100, 100, 100, 100, 0, 200, 150, 150]);
    expect(byCode.get("dti-405-tinh")?.nodes.map((n) => n.name)).toEqual([
      "Chính quyền số",
      "Kinh tế số",
      "Xã hội số",
    ]);
    expect(byCode.get("dti-405-tinh")?.description).toContain("405/QĐ-BKHCN");
    expect(byCode.get("dti-so-nganh-xa")?.description).toContain("469/QĐ-UBND");
    expect((await ok<TDtiFrameworkList>(s.officer, "GET", "/api/dti/frameworks")).can.manage).toBe(true);
  });

  it("creates a framework for the focal officer only, refusing an unsound tree where it is wrong", async () => {
    const body = {
      code: "thu-nghiem",
      year: 2025,
      name: "Bộ chỉ số thử nghiệm",
      subject: "units",
      description: "Dùng trong kiểm thử",
      nodes: [
        {
          code: "1",
          name: "Chính quyền số",
          kind: "main_index",
          rule: { kind: "sum" },
          children: [
            {
              code: "1.1",
              name: "Ban Chỉ đạo",
              kind: "criterion",
              maxPoints: 40,
              evidenceRequired: "Quyết định thành lập",
              rule: {
                kind: "levels",
                levels: [
                  { key: "a", points: 40, description: "Chủ tịch" },
                  { key: "b", points: 20, description: "Phó Chủ tịch" },
                  { key: "c", points: 0, description: "Không có" },
                ],
              },
            },
            {
              code: "1.2",
              name: "Tỷ lệ cuộc họp trực tuyến",
              kind: "criterion",
              maxPoints: 30,
              rule: {
                kind: "ratio",
                numeratorLabel: "Số cuộc họp trực tuyến",
                denominatorLabel: "Tổng số cuộc họp",
                scale: "linear",
              },
            },
            {
              code: "1.3",
              name: "Hồ sơ trực tuyến toàn trình",
              kind: "criterion",
              maxPoints: 30,
              rule: { kind: "indicator", indicatorCode: "", scale: "linear", target: 100 },
            },
          ],
        },
      ],
    };
    body.nodes[0].children[2].rule.indicatorCode = indicatorCode;
    expect((await call(s.reporterA, "POST", "/api/dti/frameworks", body)).statusCode).toBe(403);
    const bad = structuredClone(body);
    bad.nodes[0].children[0].maxPoints = 10;
    const refused = await call(s.officer, "POST", "/api/dti/frameworks", bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].path).toContain("1 › 1.1");
    expect(refused.json().error.message).toContain("vượt điểm tối đa");
    const created = await call(s.officer, "POST", "/api/dti/frameworks", body);
    expect(created.statusCode, created.body).toBe(201);
    framework = created.json();
    expect(framework.maxPoints).toBe(100);
    expect(framework.nodes[0]?.maxPoints).toBe(100);
    expect((await call(s.officer, "POST", "/api/dti/frameworks", body)).statusCode).toBe(409);
  });

  it("copies a framework to another year and edits the copy on the version read (409 when stale)", async () => {
    const copy = await ok<TDtiFramework>(s.officer, "POST", `/api/dti/frameworks/${framework.id}/copy`, {
      year: 2024,
    });
    expect(copy).toMatchObject({
      code: "thu-nghiem",
      year: 2024,
      copiedFrom: { id: framework.id },
      version: 1,
    });
    const edit = {
      version: 1,
      name: "Bộ chỉ số năm 2024",
      subject: "units",
      description: "",
      nodes: [
        { code: "1", name: "Một tiêu chí", kind: "criterion", maxPoints: 10, rule: { kind: "boolean" } },
      ],
    };
    const edited = await ok<TDtiFramework>(s.officer, "PUT", `/api/dti/frameworks/${copy.id}`, edit);
    expect(edited).toMatchObject({ version: 2, maxPoints: 10, criteriaCount: 1 });
    const stale = await call(s.officer, "PUT", `/api/dti/frameworks/${copy.id}`, edit);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain("tải lại");
  });

  it("lets the focal officer create and open a round over the communes; a unit sees only its own", async () => {
    const body = {
      frameworkId: framework.id,
      year: 2025,
      name: "Đánh giá DTI năm 2025",
      unitIds: [world.communeA.id, world.communeB.id],
      startDate: "2026-01-05",
      dueDate: "2026-02-15",
    };
    expect((await call(s.reporterA, "POST", "/api/dti/rounds", body)).statusCode).toBe(403);
    expect((await call(s.stranger, "POST", "/api/dti/rounds", body)).statusCode).toBe(404);
    round = await ok<TDtiRound>(s.officer, "POST", "/api/dti/rounds", body);
    expect(round).toMatchObject({ status: "draft", counts: { units: 2, notStarted: 2 } });
    round = await ok<TDtiRound>(s.officer, "POST", `/api/dti/rounds/${round.id}/open`);
    expect(round.status).toBe("open");
    expect((await call(s.officer, "POST", `/api/dti/rounds/${round.id}/open`)).statusCode).toBe(409);
    // Each assessed unit's staff hear that their self-assessment is due.
    const told = (await call(s.reporterA, "GET", "/api/notifications")).json() as TNotificationList;
    expect(told.items.map((n) => [n.kind, n.title])).toEqual([
      ["dti.round_opened", "Mở đợt tự đánh giá DTI: Đánh giá DTI năm 2025"],
    ]);
    expect(told.items[0].body).toContain("trước ngày 15/02/2026");
    // And it waits on their home page until submitted, with where to fill it in.
    const todo = (await call(s.reporterA, "GET", "/api/my-todo")).json() as TTodo;
    expect(todo.counts.dti).toBe(1);
    expect(todo.items.find((i) => i.kind === "dti")).toMatchObject({
      title: `Đánh giá DTI năm 2025 — ${world.communeA.name}`,
      due: "2026-02-15",
      link: `/dti/rounds/${round.id}/units/${world.communeA.id}`,
    });
    // The framework is now locked: edits go to a copy.
    const locked = await call(s.officer, "PUT", `/api/dti/frameworks/${framework.id}`, {
      version: 1,
      name: "x",
      subject: "units",
      nodes: [{ code: "1", name: "x", kind: "criterion", maxPoints: 1, rule: { kind: "boolean" } }],
    });
    expect(locked.statusCode).toBe(409);
    const mine = await ok<{ rounds: TDtiRound[] }>(s.reporterA, "GET", "/api/dti/rounds");
    const seen = mine.rounds.find((r) => r.id === round.id);
    expect(seen?.mine).toEqual([
      { unit: { id: world.communeA.id, name: world.communeA.name }, status: null, canEdit: true },
    ]);
    expect(seen?.units.map((u) => u.id)).toEqual([world.communeA.id]);
    // The commune's leader sees its round too (to read, not to fill in); the province's officer has no "mine".
    const leaderA = await signInAs(ctx, world.communeA, "leader");
    const led = (await ok<{ rounds: TDtiRound[] }>(leaderA, "GET", "/api/dti/rounds")).rounds.find(
      (r) => r.id === round.id,
    );
    expect(led?.mine).toEqual([
      { unit: { id: world.communeA.id, name: world.communeA.name }, status: null, canEdit: false },
    ]);
    const officers = (await ok<{ rounds: TDtiRound[] }>(s.officer, "GET", "/api/dti/rounds")).rounds.find(
      (r) => r.id === round.id,
    );
    expect(officers?.mine).toEqual([]);
    expect(officers?.units).toHaveLength(2);
  });

  it("gives an automatic criterion the unit's figure from its approved report, saying which", async () => {
    const a = await ok<TDtiAssessment>(
      s.reporterA,
      "GET",
      `/api/dti/rounds/${round.id}/units/${world.communeA.id}`,
    );
    const auto = a.criteria.find((c) => c.code === "1.3");
    expect(auto?.automatic).toMatchObject({
      reportId: reportValue.reportId,
      value: 90,
      numerator: 45,
      denominator: 50,
      frozen: false,
    });
    expect(auto?.selfPoints).toBe(27);
    expect(auto?.verifiedPoints).toBe(27);
    expect(a.can).toEqual({ edit: true, submit: true, verify: false });
  });

  it("keeps a unit out of another unit's self-assessment and out of the unpublished ranking", async () => {
    expect(
      (await call(s.reporterA, "GET", `/api/dti/rounds/${round.id}/units/${world.communeB.id}`)).statusCode,
    ).toBe(403);
    expect((await call(s.reporterA, "GET", `/api/dti/rounds/${round.id}/ranking`)).statusCode).toBe(403);
    expect((await call(s.stranger, "GET", `/api/dti/rounds/${round.id}/ranking`)).statusCode).toBe(404);
    expect(
      (
        await call(s.reporterB, "PUT", `/api/dti/rounds/${round.id}/units/${world.communeA.id}`, {
          version: 1,
          entries: [],
        })
      ).statusCode,
    ).toBe(403);
    expect((await call(s.viewer, "GET", `/api/dti/rounds/${round.id}/ranking`)).statusCode).toBe(200);
    expect(
      (await call(s.viewer, "GET", `/api/dti/rounds/${round.id}/units/${world.communeA.id}`)).statusCode,
    ).toBe(200);
  });

  it("saves a draft with evidence on the version read, refuses a stale save (409) and bad entries (400), and submits", async () => {
    const url = `/api/dti/rounds/${round.id}/units/${world.communeA.id}`;
    const form = multipart(
      {},
      { name: "file", fileName: "quyet-dinh-ban-chi-dao.pdf", bytes: "%PDF-1.4\n% QĐ\n%%EOF\n" },
    );
    const upload = await ctx.app.inject({
      method: "POST",
      url: `${url}/evidence`,
      payload: form.payload,
      headers: { ...form.headers, ...s.reporterA.headers },
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const fileId = upload.json().id as string;
    const save = {
      version: 1,
      entries: [
        {
          code: "1.1",
          level: "a",
          explanation: "Quyết định số 12/QĐ-UBND ngày 10/02/2025 thành lập Ban Chỉ đạo",
          evidence: [
            { kind: "file", fileId },
            { kind: "plan", planCode: world.plan.code },
            { kind: "url", url: "https://example.gov.vn/qd-12" },
            { kind: "report", reportId: reportValue.reportId },
          ],
        },
        { code: "1.2", numerator: 3, denominator: 4 },
      ],
    };
    const saved = await ok<TDtiAssessment>(s.reporterA, "PUT", url, save);
    expect(saved.status).toBe("draft");
    expect(saved.version).toBe(2);
    const c11 = saved.criteria.find((c) => c.code === "1.1");
    expect(c11?.selfPoints).toBe(40);
    expect(c11?.entry.evidence.map((e) => e.kind)).toEqual(["file", "plan", "url", "report"]);
    expect(c11?.entry.evidence[0]?.file?.name).toContain(".pdf");
    expect(c11?.entry.evidence[3]?.label).toMatch(/^Báo cáo Quý I năm 2025 — /);
    // Read in English, the report is named in English.
    const english = await ctx.app.inject({
      method: "GET",
      url,
      headers: { ...s.reporterA.headers, "accept-language": "en" },
    });
    const inEnglish = (english.json() as TDtiAssessment).criteria.find((c) => c.code === "1.1");
    expect(inEnglish?.entry.evidence[3]?.label).toMatch(/^Report Q1 2025 — /);
    expect(saved.criteria.find((c) => c.code === "1.2")?.selfPoints).toBe(22.5);
    expect(saved.total).toMatchObject({ selfPoints: 89.5, maxPoints: 100 });
    const stale = await call(s.reporterA, "PUT", url, save);
    expect(stale.statusCode).toBe(409);
    const bad = await call(s.reporterA, "PUT", url, {
      version: 2,
      entries: [
        { code: "1.1", level: "z" },
        { code: "9.9" },
        { code: "1.3", value: 100 },
        { code: "1.2", numerator: 5, denominator: 4 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      "body.entries[0].level",
      "body.entries[1].code",
      "body.entries[2].value",
      "body.entries[3].numerator",
    ]);
    const foreign = await call(s.reporterA, "PUT", url, {
      version: 2,
      entries: [{ code: "1.1", evidence: [{ kind: "report", reportId: crypto.randomUUID() }] }],
    });
    expect(foreign.statusCode).toBe(400);
    const submitted = await ok<TDtiAssessment>(s.reporterA, "POST", `${url}/submit`, { version: 2 });
    expect(submitted.status).toBe("submitted");
    expect(submitted.can.edit).toBe(false);
    expect((await call(s.reporterA, "PUT", url, { version: 3, entries: [] })).statusCode).toBe(409);
    // The evidence file is the unit's and the province's to read, not another unit's.
    expect((await call(s.reporterA, "GET", `/api/evidence/${fileId}`)).statusCode).toBe(200);
    expect((await call(s.officer, "GET", `/api/evidence/${fileId}`)).statusCode).toBe(200);
    expect((await call(s.reporterB, "GET", `/api/evidence/${fileId}`)).statusCode).toBe(403);
  });

  it("verifies: accept, adjust with a reason, return with a comment; each score keeps self and verified", async () => {
    const urlB = `/api/dti/rounds/${round.id}/units/${world.communeB.id}`;
    await ok(s.reporterB, "PUT", urlB, {
      version: 1,
      entries: [
        { code: "1.1", level: "b" },
        { code: "1.2", numerator: 1, denominator: 4 },
      ],
    });
    await ok(s.reporterB, "POST", `${urlB}/submit`, { version: 2 });
    const urlA = `/api/dti/rounds/${round.id}/units/${world.communeA.id}`;
    expect(
      (
        await call(s.reporterA, "POST", `${urlA}/verify`, {
          version: 3,
          items: [{ code: "1.1", outcome: "accepted" }],
        })
      ).statusCode,
    ).toBe(403);
    const noReason = await call(s.officer, "POST", `${urlA}/verify`, {
      version: 3,
      items: [{ code: "1.2", outcome: "adjusted", points: 10 }],
    });
    expect(noReason.statusCode).toBe(400);
    const tooMuch = await call(s.officer, "POST", `${urlA}/verify`, {
      version: 3,
      items: [{ code: "1.2", outcome: "adjusted", points: 31, comment: "Quá điểm" }],
    });
    expect(tooMuch.statusCode).toBe(400);
    const a = await ok<TDtiAssessment>(s.officer, "POST", `${urlA}/verify`, {
      version: 3,
      items: [
        { code: "1.1", outcome: "accepted" },
        { code: "1.2", outcome: "adjusted", points: 15, comment: "Chỉ 2/4 cuộc họp có biên bản trực tuyến" },
      ],
    });
    const c12 = a.criteria.find((c) => c.code === "1.2");
    expect(c12).toMatchObject({
      selfPoints: 22.5,
      verifiedPoints: 15,
      verification: { outcome: "adjusted", points: 15 },
    });
    expect(a.total).toMatchObject({ selfPoints: 89.5, verifiedPoints: 82, points: 82 });
    const b = await ok<TDtiAssessment>(s.leader, "POST", `${urlB}/verify`, {
      version: 3,
      items: [{ code: "1.1", outcome: "returned", comment: "Bổ sung quyết định thành lập Ban Chỉ đạo" }],
    });
    expect(b.status).toBe("returned");
    // The unit fixes and resubmits; the returned criterion is verified again.
    await ok(s.reporterB, "PUT", urlB, {
      version: 4,
      entries: [{ code: "1.1", level: "a", explanation: "Đã bổ sung" }],
    });
    await ok(s.reporterB, "POST", `${urlB}/submit`, { version: 5 });
    const again = await ok<TDtiAssessment>(s.officer, "GET", urlB);
    expect(again.criteria.find((c) => c.code === "1.1")?.verification).toBeNull();
    await ok(s.officer, "POST", `${urlB}/verify`, {
      version: 6,
      items: [
        { code: "1.1", outcome: "accepted" },
        { code: "1.2", outcome: "accepted" },
      ],
    });
    const audit = await queryRows<{ action: string }>(
      ctx.db,
      sql`SELECT action FROM audit_log WHERE tenant_id = ${world.province.id} AND action LIKE 'dti.%' ORDER BY id`,
    );
    expect(new Set(audit.map((x) => x.action))).toEqual(
      new Set([
        "dti.framework.create",
        "dti.framework.copy",
        "dti.framework.update",
        "dti.round.create",
        "dti.round.open",
        "dti.evidence.add",
        "dti.assessment.save",
        "dti.assessment.submit",
        "dti.verification.accepted",
        "dti.verification.adjusted",
        "dti.verification.returned",
      ]),
    );
  });

  it("ranks the units, follows a reopened report's figure while open, and freezes it on closing", async () => {
    const ranking = await ok<TDtiRanking>(s.officer, "GET", `/api/dti/rounds/${round.id}/ranking`);
    expect(ranking.indices.map((c) => c.code)).toEqual(["1"]);
    expect(ranking.basis).toMatch(/^Chưa công bố: /);
    // How the figures are made, in English for a reader of English.
    const english = await ctx.app.inject({
      method: "GET",
      url: `/api/dti/rounds/${round.id}/ranking`,
      headers: { ...s.officer.headers, "accept-language": "en" },
    });
    expect((english.json() as TDtiRanking).basis).toMatch(
      /^Not published yet: .* Equal points share a rank\./,
    );
    expect(ranking.rows.map((r) => [r.unit.id, r.total, r.normalised, r.rank])).toEqual([
      [world.communeA.id, 82, 0.82, 1],
      [world.communeB.id, 47.5, 0.475, 2],
    ]);
    // Commune A's report is reopened and its figure changed, then approved again.
    await ctx.db
      .update(unitReportValues)
      .set({ numerator: 25 })
      .where(
        and(
          eq(unitReportValues.reportId, reportValue.reportId),
          eq(unitReportValues.targetKey, reportValue.targetKey),
        ),
      );
    const followed = await ok<TDtiAssessment>(
      s.officer,
      "GET",
      `/api/dti/rounds/${round.id}/units/${world.communeA.id}`,
    );
    expect(followed.criteria.find((c) => c.code === "1.3")?.selfPoints).toBe(15);
    await ok(s.officer, "POST", `/api/dti/rounds/${round.id}/close`);
    await ctx.db
      .update(unitReportValues)
      .set({ numerator: 50 })
      .where(
        and(
          eq(unitReportValues.reportId, reportValue.reportId),
          eq(unitReportValues.targetKey, reportValue.targetKey),
        ),
      );
    const frozen = await ok<TDtiAssessment>(
      s.officer,
      "GET",
      `/api/dti/rounds/${round.id}/units/${world.communeA.id}`,
    );
    expect(frozen.criteria.find((c) => c.code === "1.3")?.automatic).toMatchObject({
      value: 50,
      frozen: true,
      reportId: reportValue.reportId,
    });
    expect(frozen.criteria.find((c) => c.code === "1.3")?.selfPoints).toBe(15);
  });

  it("publishes; the public ranking shows verified scores without evidence or comments", async () => {
    expect((await call(s.reporterA, "POST", `/api/dti/rounds/${round.id}/publish`)).statusCode).toBe(403);
    await ok(s.officer, "POST", `/api/dti/rounds/${round.id}/publish`);
    expect((await call(s.reporterA, "GET", `/api/dti/rounds/${round.id}/ranking`)).statusCode).toBe(200);
    const list = await call(null, "GET", `/api/dti/public/rounds?province=${world.province.id}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().rounds.map((r: { id: string }) => r.id)).toContain(round.id);
    const elsewhere = await call(
      null,
      "GET",
      `/api/dti/public/rounds/${round.id}/ranking?province=${crypto.randomUUID()}`,
    );
    expect(elsewhere.statusCode).toBe(404);
    const pub = await call(
      null,
      "GET",
      `/api/dti/public/rounds/${round.id}/ranking?province=${world.province.id}`,
    );
    expect(pub.statusCode).toBe(200);
    const body = pub.json();
    expect(
      body.rows.map((r: { unit: { id: string }; total: number; rank: number }) => [
        r.unit.id,
        r.total,
        r.rank,
      ]),
    ).toEqual([
      [world.communeA.id, 70, 1],
      [world.communeB.id, 47.5, 2],
    ]);
    for (const hidden of [
      "Chỉ 2/4",
      "Bổ sung quyết định",
      "Quyết định số 12",
      "example.gov.vn",
      "evidence",
      "selfPoints",
      "provisional",
    ]) {
      expect(pub.body).not.toContain(hidden);
    }
    // An unpublished round is not public.
    const draft = await ok<TDtiRound>(s.officer, "POST", "/api/dti/rounds", {
      frameworkId: framework.id,
      year: 2026,
      name: "Chưa công bố",
      unitIds: [world.communeA.id],
      startDate: "2027-01-05",
      dueDate: "2027-02-15",
    });
    expect((await call(null, "GET", `/api/dti/public/rounds/${draft.id}/ranking`)).statusCode).toBe(404);
  });

  it("compares a merged commune with the average of its predecessors' previous year", async () => {
    const merged = await buildUnit(ctx.db, { parent: world.district, name: "Xã Hợp Nhất" });
    await ctx.db.insert(orgUnitLineage).values([
      {
        tenantId: world.province.id,
        predecessorId: world.communeA.id,
        successorId: merged.id,
        event: "merge",
        effectiveDate: "2025-07-01",
      },
      {
        tenantId: world.province.id,
        predecessorId: world.communeB.id,
        successorId: merged.id,
        event: "merge",
        effectiveDate: "2025-07-01",
      },
    ]);
    const next = await ok<TDtiRound>(s.officer, "POST", "/api/dti/rounds", {
      frameworkId: framework.id,
      year: 2026,
      name: "Đánh giá DTI năm 2026",
      unitIds: [merged.id],
      startDate: "2027-01-05",
      dueDate: "2027-02-15",
    });
    const ranking = await ok<TDtiRanking>(s.officer, "GET", `/api/dti/rounds/${next.id}/ranking`);
    expect(ranking.rows[0]?.previous).toMatchObject({
      previousRoundId: round.id,
      previousYear: 2025,
      basis: "lineage",
      normalised: 0.5875,
    });
    expect(ranking.rows[0]?.previous?.predecessors.map((p) => p.id).sort()).toEqual(
      [world.communeA.id, world.communeB.id].sort(),
    );
  });
});

describe("DTI closed lists", () => {
  it("are the domain's arrays", async () => {
    const { DTI_ROUND_STATUSES } = await import("@dtplan/domain/dti/lists.ts");
    expect(DTI_ROUND_STATUSES).toEqual(["draft", "open", "closed", "published"]);
  });
});
