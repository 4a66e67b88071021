// kill -9 in the middle of writes, restart on the same data, check that every write
// the server acknowledged is there and none is half done. PGlite and PostgreSQL 15.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CHAU_THANH_TXT } from "../test/helpers.ts";
import {
  dataPlace,
  type Kind,
  runDtplan,
  type ServerProcess,
  signIn,
  startServer,
} from "./server-process.ts";

const PLAN = "chau-thanh-2025";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each<Kind>(["pglite", "postgres"])("kill -9 during writes (%s)", (kind) => {
  let place: Awaited<ReturnType<typeof dataPlace>>;
  let server: ServerProcess | null = null;
  afterAll(async () => {
    await server?.stop();
    await place?.drop();
  });

  it("keeps every acknowledged report submission, whole, across a kill -9", {
    timeout: 600_000,
  }, async () => {
    place = await dataPlace(kind);
    server = await startServer(place.env);
    const admin = await signIn(server.url, "admin");
    // The demo's periods are mostly reported already: an ad hoc period gives every unit a report to file.
    const opened = await admin.call("POST", `/api/plans/${PLAN}/periods`, {
      label: "Báo cáo đột xuất (kiểm thử độ bền)",
      start: "2025-01-01",
      end: "2025-12-31",
      dueDate: "2025-12-31",
    });
    process.stdout.write(`[reliability ${kind}] ad hoc period: ${opened.status}\n`);
    const periods = (await admin.call("GET", `/api/plans/${PLAN}/periods`)).json.periods as { key: string }[];
    const pending: { key: string; unitId: string }[] = [];
    for (const p of periods) {
      const url = `/api/plans/${PLAN}/periods/${p.key}`;
      // The demo's reports are in: reopen the approved ones and return the submitted ones,
      // so there are reports to submit again.
      for (const u of (await admin.call("GET", `${url}/status`)).json.units as {
        unit: { id: string };
        status: string | null;
      }[]) {
        const report = `${url}/reports/${u.unit.id}`;
        if (u.status === "approved")
          await admin.call("POST", `${report}/reopen`, { reason: "Kiểm thử độ bền" });
        if (u.status === "submitted")
          await admin.call("POST", `${report}/return`, { comment: "Kiểm thử độ bền" });
      }
      const status = (await admin.call("GET", `${url}/status`)).json;
      for (const u of status.units as { unit: { id: string }; status: string | null }[]) {
        if (u.status === null || u.status === "draft" || u.status === "returned")
          pending.push({ key: p.key, unitId: u.unit.id });
      }
    }
    expect(pending.length, `periods ${periods.map((p) => p.key).join(", ")}`).toBeGreaterThan(4);

    const acknowledged: typeof pending = [];
    let killed = false;
    const submit = async (r: (typeof pending)[number]) => {
      const url = `/api/plans/${PLAN}/periods/${r.key}/reports/${r.unitId}`;
      const form = await admin.call("GET", url);
      if (form.status !== 200) return;
      const saved = await admin.call("PUT", url, {
        version: form.json.version,
        difficulties: "Thử nghiệm độ bền: khó khăn",
        tasks: form.json.tasks.map((t: { key: string }) => ({ key: t.key, progress: 60, note: "Đã làm" })),
        values: form.json.values.map((v: { targetKey: string; indicator: { aggregation: string } }) =>
          v.indicator.aggregation === "ratio"
            ? { targetKey: v.targetKey, numerator: 3, denominator: 4 }
            : { targetKey: v.targetKey, value: 1 },
        ),
      });
      if (saved.status !== 200) return;
      const done = await admin.call("POST", `${url}/submit`, { version: saved.json.version });
      if (done.status === 200) acknowledged.push(r);
      // A refusal (a period not open yet, a figure the form does not take) is an answer;
      // a server error before the kill is a failure.
      else if (!killed && done.status >= 500)
        throw new Error(`submit ${url}: ${done.status} ${JSON.stringify(done.json)}`);
    };
    const queue = [...pending];
    const workers = Array.from({ length: 4 }, async () => {
      while (queue.length && !killed) {
        const next = queue.shift();
        if (next) await submit(next).catch((e) => (killed ? undefined : Promise.reject(e)));
      }
    });
    // Kill once a few submissions are acknowledged, with others in flight.
    for (let waited = 0; acknowledged.length < 3 && queue.length > 0 && waited < 120_000; waited += 20) {
      await sleep(20);
    }
    killed = true;
    await server.kill9();
    await Promise.allSettled(workers);
    const attempted = pending.filter((r) => !queue.includes(r));
    process.stdout.write(
      `[reliability ${kind}] report submissions: ${acknowledged.length} acknowledged, ${attempted.length} attempted before kill -9\n`,
    );

    server = await startServer(place.env);
    const again = await signIn(server.url, "admin");
    for (const r of attempted) {
      const url = `/api/plans/${PLAN}/periods/${r.key}/reports/${r.unitId}`;
      const report = await again.call("GET", url);
      expect(report.status, url).toBe(200);
      const wasAcknowledged = acknowledged.includes(r);
      if (wasAcknowledged) expect(["submitted", "approved"], url).toContain(report.json.status);
      if (report.json.status === "submitted") {
        // Whole: the submission's history event and its figures came with it.
        const history = await again.call("GET", `${url}/history`);
        expect(
          history.json.events.map((e: { action: string }) => e.action),
          url,
        ).toContain("submitted");
        expect(
          report.json.values.every((v: { value: number | null }) => v.value !== null),
          url,
        ).toBe(true);
        expect(report.json.difficulties).toBe("Thử nghiệm độ bền: khó khăn");
      }
    }
    for (const key of new Set(attempted.map((r) => r.key))) {
      const consolidated = await again.call("GET", `/api/plans/${PLAN}/periods/${key}/consolidated`);
      expect(consolidated.status, key).toBe(200);
    }
  });

  it("leaves no half-imported plan after a kill -9 during imports", { timeout: 600_000 }, async () => {
    if (!server) throw new Error("the previous test starts the server");
    const admin = await signIn(server.url, "admin");
    const units = (await admin.call("GET", "/api/org/units")).json.items as {
      id: string;
      parentId: string | null;
    }[];
    const unitId = units.find((u) => u.parentId !== null)?.id ?? units[0].id;
    const text = readFileSync(CHAU_THANH_TXT);
    const importOnce = async () => {
      const form = new FormData();
      form.append("unitId", unitId);
      form.append("file", new Blob([text]), "chau-thanh-2025.txt");
      const res = await fetch(`${server?.url}/api/plans/import`, {
        method: "POST",
        headers: admin.headers,
        body: form,
      });
      const json = (await res.json().catch(() => null)) as { plan?: { code: string } } | null;
      // The import answers with the draft's review: the plan's code is under plan.
      return { status: res.status, json: json?.plan ? { code: json.plan.code } : null };
    };
    const before = new Set(
      ((await admin.call("GET", "/api/plans?limit=200")).json.items as { code: string }[]).map((p) => p.code),
    );
    const first = await importOnce();
    expect(first.status, JSON.stringify(first.json)).toBeLessThan(300);
    const full = (await admin.call("GET", `/api/plans/${first.json?.code}/review`)).json;
    const acknowledged: string[] = [];
    let killed = false;
    const inFlight = Array.from({ length: 6 }, async (_, i) => {
      await sleep(i * 100);
      const res = await importOnce().catch(() => null);
      if (res && res.status < 300 && res.json?.code) acknowledged.push(res.json.code);
      // Two imports of one file racing for the same code: one gets a 409, which is an answer.
      else if (res && !killed && res.status >= 500) throw new Error(`import: ${res.status}`);
    });
    // Kill once one import is acknowledged, the others still in flight.
    for (let waited = 0; acknowledged.length === 0 && waited < 120_000; waited += 20) await sleep(20);
    killed = true;
    await server.kill9();
    await Promise.allSettled(inFlight);
    process.stdout.write(
      `[reliability ${kind}] imports: ${acknowledged.length} acknowledged of 6 before kill -9\n`,
    );

    server = await startServer(place.env);
    const again = await signIn(server.url, "admin");
    const plans = (await again.call("GET", "/api/plans?limit=200")).json.items as {
      code: string;
      status: string;
    }[];
    for (const code of acknowledged) expect(plans.map((p) => p.code)).toContain(code);
    for (const plan of plans.filter((p) => p.status === "draft" && !before.has(p.code))) {
      const review = (await again.call("GET", `/api/plans/${plan.code}/review`)).json;
      // All or nothing: a draft has every item the full import has.
      expect(review.plan.targets.length, plan.code).toBe(full.plan.targets.length);
      expect(review.plan.tasks.length, plan.code).toBe(full.plan.tasks.length);
    }
  });
  it("never leaves a backup file half written when the backup or the server is killed", {
    timeout: 600_000,
  }, async () => {
    if (!server) throw new Error("the first test starts the server");
    const stamp = Date.now();
    const backup = (n: number) => {
      const out = path.join(place.env.DTPLAN_DATA_DIR, `backup-${stamp}-${n}.tar`);
      return { ...runDtplan(["backup", "--out", out], place.env), out };
    };
    // The backup process itself killed: no file under the final name.
    const first = backup(1);
    await sleep(400);
    first.child.kill("SIGKILL");
    await first.exit;
    expect(existsSync(first.out), first.output()).toBe(false);
    // The server killed while a backup runs: the backup fails, still no file; after a
    // restart a backup completes.
    const second = backup(2);
    await sleep(300);
    await server.kill9();
    const code = await second.exit;
    process.stdout.write(`[reliability ${kind}] backup during server kill -9: exit ${code}\n`);
    if (code !== 0) expect(existsSync(second.out), second.output()).toBe(false);
    server = await startServer(place.env);
    const third = backup(3);
    expect(await third.exit, third.output()).toBe(0);
    expect(existsSync(third.out)).toBe(true);
    const again = await signIn(server.url, "admin");
    expect((await again.call("GET", `/api/plans/${PLAN}/periods`)).status).toBe(200);
  });
});
