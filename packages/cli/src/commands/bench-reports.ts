// The second half of `dtplan bench`: what leaders, the province and the public wait for,
// measured through the real API (routing, access checks, queries, rendering) on the demo
// data in an in-memory embedded database. Medians, like the extraction bench.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Database } from "@dtplan/server";

type InjectApp = {
  inject(opts: {
    method: "GET" | "POST";
    url: string;
    payload?: object;
    headers?: Record<string, string>;
  }): Promise<{
    statusCode: number;
    body: string;
    rawPayload: Buffer;
    cookies: { name: string; value: string }[];
  }>;
  close(): Promise<void>;
};

export interface ReportBenchRow {
  what: string;
  runs: number;
  times: number[];
  bytes: number;
}

async function signIn(app: InjectApp, username: string, password: string): Promise<Record<string, string>> {
  const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  const session = res.cookies.find((c) => c.name === "dtplan_session");
  if (res.statusCode !== 200 || !session) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return { cookie: `dtplan_session=${session.value}` };
}

/**
 * Seeds the demo into `db` (a migrated, empty database: bench.ts's in-memory one) and
 * times each request `runs` times (PDF fewer: it starts LibreOffice).
 */
export async function benchReports(
  db: Database,
  runs: number,
  timeRuns: (n: number, fn: () => Promise<unknown>) => Promise<number[]>,
): Promise<ReportBenchRow[]> {
  const { buildApp, createEvidenceStore, seedDemo, testConfig } = await import("@dtplan/server");
  const evidenceDir = mkdtempSync(path.join(tmpdir(), "dtplan-bench-evidence-"));
  const config = testConfig({
    evidence: { maxBytes: 20 * 1024 * 1024, store: { kind: "local", dir: evidenceDir } },
    signIn: { windowMs: 60_000, perAccountAndAddress: 1000, perAccount: 1000, perAddress: 1000 },
  });
  try {
    await seedDemo(db, {
      password: config.demoPassword,
      evidence: createEvidenceStore(config.evidence.store),
    });
    const app = (await buildApp(config, { db })) as unknown as InjectApp;
    try {
      const officer = await signIn(app, "vinhlong.daumoi", config.demoPassword);
      const province = await signIn(app, "vinhlong.tinh", config.demoPassword);
      const report = "/api/plans/chau-thanh-2025/periods/2025-Q2/consolidated";
      const cases: { what: string; url: string; headers?: Record<string, string>; runs?: number }[] = [
        { what: "consolidated report (JSON)", url: report, headers: officer },
        { what: "consolidated report .docx", url: `${report}.docx`, headers: officer },
        { what: "consolidated report .xlsx", url: `${report}.xlsx`, headers: officer },
        { what: "consolidated report .pdf", url: `${report}.pdf`, headers: officer, runs: Math.min(3, runs) },
        { what: "leader dashboard", url: "/api/plans/chau-thanh-2025/dashboard", headers: officer },
        { what: "province view", url: "/api/province", headers: province },
        { what: "province view .xlsx", url: "/api/province/export?format=xlsx", headers: province },
        { what: "public plan page", url: "/api/public/plans/vlg/chau-thanh-2025" },
        {
          what: "tasks export .csv",
          url: "/api/exports/tasks?planCode=chau-thanh-2025&format=csv",
          headers: officer,
        },
      ];
      const rows: ReportBenchRow[] = [];
      for (const c of cases) {
        const once = async () => {
          const res = await app.inject({ method: "GET", url: c.url, headers: c.headers });
          if (res.statusCode !== 200)
            throw new Error(`${c.what}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          return res.rawPayload.length;
        };
        const bytes = await once(); // warm-up
        const n = c.runs ?? runs;
        rows.push({ what: c.what, runs: n, times: await timeRuns(n, once), bytes });
      }
      return rows;
    } finally {
      await app.close();
    }
  } finally {
    rmSync(evidenceDir, { recursive: true, force: true });
  }
}
