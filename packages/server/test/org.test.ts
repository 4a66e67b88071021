import { type TOrgUnit, ZMergePreview, ZOrgUnitDetail, ZReorganisationResult } from "@dtplan/contracts";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditLog } from "../src/db/schema.ts";
import { findUnitById, unitLineage } from "../src/modules/org/org.repository.ts";
import {
  buildTenant,
  buildUnit,
  buildUser,
  describeBothDatabases,
  loginAs,
  type SignedIn,
  signInAs,
} from "./helpers.ts";

describeBothDatabases("organisation tree", (ctx) => {
  let tenant: Awaited<ReturnType<typeof buildTenant>>;
  let admin: SignedIn;
  let adminId: string;

  beforeAll(async () => {
    tenant = await buildTenant(ctx.db);
    const user = await buildUser(ctx.db, { grants: [{ unit: tenant.province, role: "administrator" }] });
    adminId = user.id;
    admin = await loginAs(ctx.app, user);
  });

  const call = (method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    ctx.app.inject({ method, url, payload, headers: admin.headers });

  it("creates a unit under a parent in the parent's tenant and audits it", async () => {
    const response = await call("POST", "/api/org/units", {
      parentId: tenant.district.id,
      code: "XA-MOI",
      name: "Xã Mới",
      kind: "commune",
    });
    expect(response.statusCode).toBe(201);
    const unit = response.json() as TOrgUnit;
    expect(unit).toMatchObject({ tenantId: tenant.province.id, parentId: tenant.district.id, active: true });
    const [entry] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, unit.id), eq(auditLog.action, "org.unit.create")));
    expect(entry).toMatchObject({
      actorId: adminId,
      before: null,
      after: { code: "XA-MOI", name: "Xã Mới" },
    });
  });

  it("refuses a code already used in the same province with 409", async () => {
    const response = await call("POST", "/api/org/units", {
      parentId: tenant.district.id,
      code: tenant.communeA.code,
      name: "Trùng mã",
      kind: "commune",
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain(tenant.communeA.code);
  });

  it("lets only a superadministrator create a new top-level unit", async () => {
    const response = await call("POST", "/api/org/units", {
      parentId: null,
      code: "TINH-MOI",
      name: "Tỉnh Mới",
      kind: "province",
    });
    expect(response.statusCode).toBe(403);
  });

  it("lets a superadministrator create a new province (a tenant) and administer it", async () => {
    const superadmin = await buildUser(ctx.db, {
      grants: [{ unit: tenant.province, role: "administrator" }],
      isSuperadmin: true,
    });
    const session = await loginAs(ctx.app, superadmin);
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/org/units",
      payload: { parentId: null, code: "TINH-MOI", name: "Tỉnh Mới", kind: "province" },
      headers: session.headers,
    });
    expect(response.statusCode).toBe(201);
    const province = response.json() as TOrgUnit;
    expect(province.tenantId).toBe(province.id);
    const child = await ctx.app.inject({
      method: "POST",
      url: "/api/org/units",
      payload: { parentId: province.id, code: "XA-1", name: "Xã Một", kind: "commune" },
      headers: session.headers,
    });
    expect(child.statusCode).toBe(201);
    expect(child.json().tenantId).toBe(province.id);
  });

  it("does not let a unit reporter change the organisation, even their own unit", async () => {
    const reporter = await buildUser(ctx.db, { grants: [{ unit: tenant.communeA, role: "unit_reporter" }] });
    const session = await loginAs(ctx.app, reporter);
    const response = await ctx.app.inject({
      method: "PATCH",
      url: `/api/org/units/${tenant.communeA.id}`,
      payload: { name: "Tự đổi tên" },
      headers: session.headers,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("forbidden");
  });

  it("renames, recodes and moves a unit, recording before → after", async () => {
    const unit = await buildUnit(ctx.db, { parent: tenant.communeA, kind: "school", name: "Trường cũ" });
    const response = await call("PATCH", `/api/org/units/${unit.id}`, {
      name: "Trường mới",
      code: `${unit.code}-2`,
      parentId: tenant.communeB.id,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: "Trường mới", parentId: tenant.communeB.id });
    const [entry] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, unit.id), eq(auditLog.action, "org.unit.update")));
    expect(entry.before).toMatchObject({ name: "Trường cũ", parentId: tenant.communeA.id });
    expect(entry.after).toMatchObject({ name: "Trường mới", parentId: tenant.communeB.id });
  });

  it("refuses to move a unit beneath its own descendant", async () => {
    const response = await call("PATCH", `/api/org/units/${tenant.district.id}`, {
      parentId: tenant.communeA.id,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/cấp dưới/);
  });

  it("refuses to move a unit into another province", async () => {
    const other = await buildTenant(ctx.db);
    await buildUser(ctx.db, { grants: [{ unit: other.province, role: "administrator" }] });
    // The admin here has no right in the other province: refused before anything else.
    const response = await call("PATCH", `/api/org/units/${tenant.communeA.id}`, {
      parentId: other.district.id,
    });
    expect(response.statusCode).toBe(403);
  });

  it("refuses a cross-province move even for someone administering both", async () => {
    const other = await buildTenant(ctx.db);
    const both = await buildUser(ctx.db, {
      grants: [
        { unit: tenant.province, role: "administrator" },
        { unit: other.province, role: "administrator" },
      ],
    });
    const session = await loginAs(ctx.app, both);
    const response = await ctx.app.inject({
      method: "PATCH",
      url: `/api/org/units/${tenant.communeB.id}`,
      payload: { parentId: other.district.id },
      headers: session.headers,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/tỉnh khác/);
  });

  it("lists the units in reach as of a date, hiding closed ones unless asked", async () => {
    const closed = await buildUnit(ctx.db, {
      parent: tenant.district,
      validTo: "2020-12-31",
      name: "Đã giải thể",
    });
    const today = await call("GET", "/api/org/units");
    expect(today.statusCode).toBe(200);
    const ids = (today.json().items as TOrgUnit[]).map((u) => u.id);
    expect(ids).toContain(tenant.communeA.id);
    expect(ids).not.toContain(closed.id);
    const past = await call("GET", "/api/org/units?asOf=2020-06-01");
    expect((past.json().items as TOrgUnit[]).map((u) => u.id)).toContain(closed.id);
    const all = await call("GET", "/api/org/units?includeClosed=true");
    expect((all.json().items as TOrgUnit[]).find((u) => u.id === closed.id)?.active).toBe(false);
    const notAll = await call("GET", "/api/org/units?includeClosed=false");
    expect((notAll.json().items as TOrgUnit[]).map((u) => u.id)).not.toContain(closed.id);
  });

  it("shows a unit reporter only their own subtree", async () => {
    const reporter = await buildUser(ctx.db, { grants: [{ unit: tenant.communeA, role: "unit_reporter" }] });
    const session = await loginAs(ctx.app, reporter);
    const response = await ctx.app.inject({ method: "GET", url: "/api/org/units", headers: session.headers });
    const ids = (response.json().items as TOrgUnit[]).map((u) => u.id);
    expect(ids).toContain(tenant.communeA.id);
    expect(ids).not.toContain(tenant.communeB.id);
    expect(ids).not.toContain(tenant.province.id);
  });

  it("merges communes into a new one: sources close the day before, children move, history carries over", async () => {
    const t = await buildTenant(ctx.db);
    const school = await buildUnit(ctx.db, { parent: t.communeA, kind: "school", name: "Trường Tiểu học A" });
    const session = await signInAs(ctx, t.province, "administrator");
    const body = {
      sourceIds: [t.communeA.id, t.communeB.id],
      newUnit: { parentId: t.province.id, code: "XA-HOP-NHAT", name: "Xã Hợp Nhất", kind: "commune" },
      effectiveDate: "2025-07-01",
    };
    const preview = await ctx.app.inject({
      method: "POST",
      url: "/api/org/merges/preview",
      payload: body,
      headers: session.headers,
    });
    expect(preview.statusCode).toBe(200);
    const plan = ZMergePreview.parse(preview.json());
    expect(plan.closed.map((c) => c.validTo)).toEqual(["2025-06-30", "2025-06-30"]);
    expect(plan.movedChildren).toEqual([{ id: school.id, name: school.name }]);
    expect(plan.target).toEqual({ id: null, name: "Xã Hợp Nhất", isNew: true });
    // A preview changes nothing.
    expect((await findUnitById(ctx.db, t.communeA.id))?.validTo).toBeNull();

    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/org/merges",
      payload: body,
      headers: session.headers,
    });
    expect(response.statusCode).toBe(200);
    const result = ZReorganisationResult.parse(response.json());
    const merged = result.created[0];
    expect(merged).toMatchObject({ name: "Xã Hợp Nhất", validFrom: "2025-07-01" });
    expect(result.closed.map((u) => u.validTo)).toEqual(["2025-06-30", "2025-06-30"]);
    expect(result.moved).toEqual([expect.objectContaining({ id: school.id, parentId: merged.id })]);

    // The new commune sees its predecessors' history; the old ones keep their names.
    const lineage = await unitLineage(ctx.db, t.province.id, merged.id);
    expect(lineage.map((u) => [u.name, u.depth])).toEqual(
      expect.arrayContaining([
        ["Xã Hợp Nhất", 0],
        [t.communeA.name, 1],
        [t.communeB.name, 1],
      ]),
    );
    expect(lineage).toHaveLength(3);
    const detail = ZOrgUnitDetail.parse(
      (
        await ctx.app.inject({
          method: "GET",
          url: `/api/org/units/${t.communeA.id}`,
          headers: session.headers,
        })
      ).json(),
    );
    expect(detail).toMatchObject({ name: t.communeA.name, validTo: "2025-06-30", active: false });
    expect(detail.successors).toEqual([
      { unitId: merged.id, name: "Xã Hợp Nhất", effectiveDate: "2025-07-01", event: "merge" },
    ]);
    expect(detail.path.map((p) => p.id)).toEqual([t.province.id, t.district.id, t.communeA.id]);
    const lineageRoute = await ctx.app.inject({
      method: "GET",
      url: `/api/org/units/${merged.id}/lineage`,
      headers: session.headers,
    });
    expect(lineageRoute.json().items).toHaveLength(3);
    // As of before the merge, the old communes are in force and the new one is not.
    const past = await ctx.app.inject({
      method: "GET",
      url: `/api/org/units?asOf=2025-06-30&tenantId=${t.province.id}`,
      headers: session.headers,
    });
    const pastIds = (past.json().items as TOrgUnit[]).map((u) => u.id);
    expect(pastIds).toEqual(expect.arrayContaining([t.communeA.id, t.communeB.id]));
    expect(pastIds).not.toContain(merged.id);
    // Every changed row is in the audit log.
    const actions = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, t.province.id), eq(auditLog.entity, "org_unit")));
    expect(actions.map((a) => a.action).sort()).toEqual(
      ["org.merge.close", "org.merge.close", "org.merge.create", "org.merge.move"].sort(),
    );
  });

  it("merges into an existing unit and refuses to merge a unit already closed", async () => {
    const t = await buildTenant(ctx.db);
    const result = await call("POST", "/api/org/merges", {
      sourceIds: [t.communeB.id],
      targetId: t.communeA.id,
      effectiveDate: "2025-07-01",
    });
    // The admin of another province may not.
    expect(result.statusCode).toBe(403);
    const session = await signInAs(ctx, t.province, "administrator");
    const ok = await ctx.app.inject({
      method: "POST",
      url: "/api/org/merges",
      payload: { sourceIds: [t.communeB.id], targetId: t.communeA.id, effectiveDate: "2025-07-01" },
      headers: session.headers,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().created).toEqual([]);
    const again = await ctx.app.inject({
      method: "POST",
      url: "/api/org/merges",
      payload: { sourceIds: [t.communeB.id], targetId: t.communeA.id, effectiveDate: "2025-09-01" },
      headers: session.headers,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/hết hiệu lực/);
    const lineage = await unitLineage(ctx.db, t.province.id, t.communeA.id);
    expect(lineage.map((u) => u.id).sort()).toEqual([t.communeA.id, t.communeB.id].sort());
  });

  it("rolls the whole merge back when one part fails", async () => {
    const t = await buildTenant(ctx.db);
    const session = await signInAs(ctx, t.province, "administrator");
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/org/merges",
      payload: {
        sourceIds: [t.communeA.id, t.communeB.id],
        // Same code as an existing unit: the insert fails after nothing else has been kept.
        newUnit: { parentId: t.province.id, code: t.communeA.code, name: "Trùng", kind: "commune" },
        effectiveDate: "2025-07-01",
      },
      headers: session.headers,
    });
    expect(response.statusCode).toBe(409);
    expect((await findUnitById(ctx.db, t.communeA.id))?.validTo).toBeNull();
  });

  it("splits a unit into parts that each carry on its history", async () => {
    const t = await buildTenant(ctx.db);
    const session = await signInAs(ctx, t.province, "administrator");
    const body = {
      parts: [
        { code: "XA-BAC", name: "Xã Bắc", kind: "commune" },
        { code: "XA-NAM", name: "Xã Nam", kind: "commune" },
      ],
      effectiveDate: "2024-01-01",
    };
    const preview = await ctx.app.inject({
      method: "POST",
      url: `/api/org/units/${t.communeA.id}/split/preview`,
      payload: body,
      headers: session.headers,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      closed: { id: t.communeA.id, validTo: "2023-12-31" },
      parentId: t.district.id,
    });

    const response = await ctx.app.inject({
      method: "POST",
      url: `/api/org/units/${t.communeA.id}/split`,
      payload: body,
      headers: session.headers,
    });
    expect(response.statusCode).toBe(200);
    const result = ZReorganisationResult.parse(response.json());
    expect(result.created.map((u) => [u.name, u.parentId, u.validFrom])).toEqual([
      ["Xã Bắc", t.district.id, "2024-01-01"],
      ["Xã Nam", t.district.id, "2024-01-01"],
    ]);
    expect(result.closed[0]).toMatchObject({ id: t.communeA.id, validTo: "2023-12-31" });
    for (const part of result.created) {
      const lineage = await unitLineage(ctx.db, t.province.id, part.id);
      expect(lineage.map((u) => u.id)).toEqual([part.id, t.communeA.id]);
    }
    const detail = ZOrgUnitDetail.parse(
      (
        await ctx.app.inject({
          method: "GET",
          url: `/api/org/units/${result.created[0].id}`,
          headers: session.headers,
        })
      ).json(),
    );
    expect(detail.predecessors).toEqual([
      { unitId: t.communeA.id, name: t.communeA.name, effectiveDate: "2024-01-01", event: "split" },
    ]);
  });

  it("follows lineage through several reorganisations", async () => {
    const t = await buildTenant(ctx.db);
    const session = await signInAs(ctx, t.province, "administrator");
    const post = (url: string, payload: object) =>
      ctx.app.inject({ method: "POST", url, payload, headers: session.headers });
    const split = await post(`/api/org/units/${t.communeA.id}/split`, {
      parts: [
        { code: "P1", name: "Phần 1", kind: "commune" },
        { code: "P2", name: "Phần 2", kind: "commune" },
      ],
      effectiveDate: "2020-01-01",
    });
    const [p1] = split.json().created as TOrgUnit[];
    const merge = await post("/api/org/merges", {
      sourceIds: [p1.id, t.communeB.id],
      newUnit: { parentId: t.province.id, code: "M", name: "Xã Sau Cùng", kind: "commune" },
      effectiveDate: "2025-07-01",
    });
    const finalUnit = (merge.json().created as TOrgUnit[])[0];
    const lineage = await unitLineage(ctx.db, t.province.id, finalUnit.id);
    expect(lineage.map((u) => [u.id, u.depth])).toEqual(
      expect.arrayContaining([
        [finalUnit.id, 0],
        [p1.id, 1],
        [t.communeB.id, 1],
        [t.communeA.id, 2],
      ]),
    );
    expect(lineage).toHaveLength(4);
  });
});
