// Plan import under load and abuse: extraction runs in the worker pool, so the server
// keeps answering while a large plan is read; a file over 20 MB is a 400
// `file_too_large` however its size is (mis)declared, never a 500. And a plan whose
// tasks are in a table: the review shows the table, and remapping a column once
// re-extracts every row of it, leaving the officer's other edits alone.
import { readdirSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { type TPlanReview, ZPlanReview } from "@dtplan/contracts";
import { buildSyntheticPlan } from "@dtplan/domain/extract/read/synthetic.ts";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditLog } from "../src/db/schema.ts";
import { buildTenant, describeBothDatabases, multipart, type SignedIn, signInAs } from "./helpers.ts";

const MAX = 20 * 1024 * 1024;
const DEV_PLANS = new URL("../../../fixtures/plan-extract/dev/", import.meta.url);
const GIA_LAI_DOCX = new URL("../../../fixtures/plan-extract/dev-layouts/gia-lai-2026.docx", import.meta.url);

/** A plan-shaped text of about `mb` megabytes, from the dev plans' sections repeated. */
function largePlan(mb: number): Uint8Array {
  const texts = readdirSync(DEV_PLANS)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => readFileSync(new URL(f, DEV_PLANS), "utf8").normalize("NFC"));
  return new TextEncoder().encode(buildSyntheticPlan(texts, Math.round(mb * 1024 * 1024 * 0.8)));
}

interface RawResponse {
  status: number;
  body: string;
}

/**
 * Sends `head` then `body` on a plain socket (so Content-Length can lie) and resolves
 * with the first response, whether or not the server read the whole body.
 */
function rawRequest(port: number, head: string, body: Iterable<Buffer>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let received = Buffer.alloc(0);
    let done = false;
    const finish = (result: RawResponse | Error) => {
      if (done) return;
      done = true;
      socket.destroy();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    socket.on("data", (chunk) => {
      received = Buffer.concat([received, chunk]);
      const text = received.toString("utf8");
      const end = text.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(text.slice(0, end))?.[1] ?? 0);
      if (Buffer.byteLength(text.slice(end + 4)) < length) return;
      finish({ status: Number(text.slice(9, 12)), body: text.slice(end + 4, end + 4 + length) });
    });
    socket.on("error", (error) => finish(error));
    socket.on("close", () => finish(new Error(`closed without a response: ${received.toString()}`)));
    socket.on("connect", async () => {
      socket.write(head);
      for (const chunk of body) {
        if (done) return;
        // The server may answer (and stop reading) before the body is sent: stop then.
        if (!socket.write(chunk)) await new Promise((r) => socket.once("drain", r));
      }
    });
  });
}

describeBothDatabases("plan import: worker pool, file size limit, table columns", (ctx) => {
  let officer: SignedIn;
  let unitId: string;
  let port: number;

  const headFor = (headers: Record<string, string>) =>
    `POST /api/plans/import HTTP/1.1\r\nHost: 127.0.0.1\r\n${Object.entries({
      ...officer.headers,
      ...headers,
    })
      .map(([k, v]) => `${k}: ${v}`)
      .join("\r\n")}\r\n\r\n`;

  beforeAll(async () => {
    const tenant = await buildTenant(ctx.db);
    unitId = tenant.district.id;
    officer = await signInAs(ctx, tenant.district, "focal_officer");
    await ctx.app.listen({ port: 0, host: "127.0.0.1" });
    port = (ctx.app.server.address() as AddressInfo).port;
  });

  const expectTooLarge = (response: RawResponse | { statusCode: number; body: string }) => {
    const status = "status" in response ? response.status : response.statusCode;
    expect(status, response.body).toBe(400);
    const { error } = JSON.parse(response.body) as { error: { code: string; message: string } };
    expect(error.code).toBe("file_too_large");
    expect(error.message).toContain("tối đa là 20 MB");
  };

  it("refuses a file of 20 MB + 1 byte with 400 file_too_large naming the limit", async () => {
    const body = multipart({ unitId }, { name: "file", fileName: "lon.txt", bytes: new Uint8Array(MAX + 1) });
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/plans/import",
      payload: body.payload,
      headers: { ...body.headers, ...officer.headers },
    });
    expectTooLarge(response);
  });

  it("refuses a body whose Content-Length declares more than the limit, before reading it", async () => {
    const body = multipart({ unitId }, { name: "file", fileName: "ke-hoach.txt", bytes: "Kế hoạch" });
    const response = await rawRequest(
      port,
      headFor({ ...body.headers, "content-length": String(MAX + 10 * 1024 * 1024) }),
      [body.payload],
    );
    expectTooLarge(response);
  });

  it("refuses a chunked body (no Content-Length) that grows past the limit", async () => {
    const body = multipart({ unitId }, { name: "file", fileName: "lon.txt", bytes: new Uint8Array(MAX + 1) });
    const chunked = function* () {
      for (let at = 0; at < body.payload.length; at += 1024 * 1024) {
        const piece = body.payload.subarray(at, at + 1024 * 1024);
        yield Buffer.from(`${piece.length.toString(16)}\r\n`);
        yield piece;
        yield Buffer.from("\r\n");
      }
      yield Buffer.from("0\r\n\r\n");
    };
    const response = await rawRequest(
      port,
      headFor({ ...body.headers, "transfer-encoding": "chunked" }),
      chunked(),
    );
    expectTooLarge(response);
  });

  it("answers a body that does not match its Content-Length with a 400, not a 500", async () => {
    const body = multipart({ unitId }, { name: "file", fileName: "ke-hoach.txt", bytes: "x".repeat(4000) });
    const half = Math.floor(body.payload.length / 2);
    // Declares half of what it sends: the form the server reads is cut short, and the
    // rest on the connection is not a request.
    const lying = await rawRequest(port, headFor({ ...body.headers, "content-length": String(half) }), [
      body.payload,
    ]);
    expect(lying.status, lying.body).toBe(400);
    // Only the declared half arrives: the form ends in the middle of the file.
    const cut = await rawRequest(port, headFor({ ...body.headers, "content-length": String(half) }), [
      body.payload.subarray(0, half),
    ]);
    expect(cut.status, cut.body).toBe(400);
    expect(JSON.parse(cut.body).error).toMatchObject({ code: "bad_request" });
    expect(JSON.parse(cut.body).error.message).toContain("bị cắt ngắn");
  });

  it("keeps answering other requests while a large plan is being extracted", async () => {
    const body = multipart({ unitId }, { name: "file", fileName: "lon.txt", bytes: largePlan(0.5) });
    const order: string[] = [];
    const importing = ctx.app
      .inject({
        method: "POST",
        url: "/api/plans/import",
        payload: body.payload,
        headers: { ...body.headers, ...officer.headers },
      })
      .then((response) => {
        order.push("import");
        return response;
      });
    // Wait until the file is in a worker: from then on the event loop must stay free.
    while (ctx.app.extractPool.running === 0 && order.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(order).toEqual([]);
    const health = await ctx.app.inject({ method: "GET", url: "/api/health" });
    order.push("health");
    expect(health.statusCode).toBe(200);
    const response = await importing;
    expect(response.statusCode, response.body).toBe(201);
    expect(order).toEqual(["health", "import"]);
    expect(ZPlanReview.parse(response.json()).plan.tasks.length).toBeGreaterThan(10);
  });

  it("shows a task table as a table and follows a column remapped once, row by row", async () => {
    const body = multipart(
      { unitId },
      { name: "file", fileName: "gia-lai-2026.docx", bytes: readFileSync(GIA_LAI_DOCX) },
    );
    const imported = await ctx.app.inject({
      method: "POST",
      url: "/api/plans/import",
      payload: body.payload,
      headers: { ...body.headers, ...officer.headers },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const review = ZPlanReview.parse(imported.json());
    const code = review.plan.code;
    const table = review.tables.find((t) => t.kind === "tasks");
    if (!table) throw new Error("no task table read from the plan");
    const lead = table.columns.findIndex((c) => c.role === "lead");
    const coordinators = table.columns.findIndex((c) => c.role === "coordinators");
    expect(lead).toBeGreaterThan(0);
    expect(coordinators).toBeGreaterThan(0);
    const fromTable = (r: TPlanReview) => {
      const cells = new Map(r.queue.map((q) => [q.id, q.cell]));
      return r.plan.tasks.filter((t) => cells.get(t.id)?.table === table.id);
    };
    const before = fromTable(review);
    expect(before.length).toBeGreaterThan(10);
    const rows = new Set(review.queue.flatMap((q) => (q.cell?.table === table.id ? [q.cell.row] : [])));
    expect(rows.size).toBe(before.length);

    // The officer fixes a task that is not in the table first: that edit must survive.
    const other = review.plan.tasks.find((t) => !before.includes(t));
    if (!other) throw new Error("no task outside the table");
    const edited = await ctx.app.inject({
      method: "PATCH",
      url: `/api/plans/${code}/tasks/${other.id}`,
      payload: { text: "Nhiệm vụ đã sửa tay" },
      headers: officer.headers,
    });
    expect(edited.statusCode, edited.body).toBe(200);

    const remapped = await ctx.app.inject({
      method: "POST",
      url: `/api/plans/${code}/tables/${table.id}/columns`,
      payload: {
        columns: [
          { index: lead, role: "coordinators" },
          { index: coordinators, role: "lead" },
        ],
      },
      headers: officer.headers,
    });
    expect(remapped.statusCode, remapped.body).toBe(200);
    const after = ZPlanReview.parse(remapped.json());
    const swapped = after.tables.find((t) => t.id === table.id);
    expect(swapped?.columns[lead].role).toBe("coordinators");
    expect(swapped?.columns[coordinators].role).toBe("lead");
    // Every row followed: the same tasks (ids kept), the old lead now among the coordinators.
    const now = fromTable(after);
    expect(now.map((t) => t.id).sort()).toEqual(before.map((t) => t.id).sort());
    for (const task of before) {
      const same = now.find((t) => t.id === task.id);
      if (task.lead.text) expect(same?.coordinators.map((c) => c.text)).toContain(task.lead.text);
    }
    expect(after.plan.tasks.find((t) => t.id === other.id)?.text).toBe("Nhiệm vụ đã sửa tay");
    expect(after.plan.tasks.length).toBe(review.plan.tasks.length);
    const audits = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "plan.table_columns"), eq(auditLog.entityId, after.plan.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0].after).toMatchObject({ table: table.id, updated: before.length, added: 0, removed: 0 });

    // A column the table does not have, or a table the plan does not have: a clear 4xx.
    const noColumn = await ctx.app.inject({
      method: "POST",
      url: `/api/plans/${code}/tables/${table.id}/columns`,
      payload: { columns: [{ index: 42, role: "lead" }] },
      headers: officer.headers,
    });
    expect(noColumn.statusCode).toBe(400);
    expect(noColumn.json().error.details[0].path).toBe("body.columns.0.index");
    const noTable = await ctx.app.inject({
      method: "POST",
      url: `/api/plans/${code}/tables/tbl-99/columns`,
      payload: { columns: [{ index: 1, role: "lead" }] },
      headers: officer.headers,
    });
    expect(noTable.statusCode).toBe(404);
  });
});
