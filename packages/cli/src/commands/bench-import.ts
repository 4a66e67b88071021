// The import part of `dtplan bench`: how long GET /api/health takes while a large plan
// is read and extracted — on the event loop (as the import route did before the worker
// pool) and in the worker pool (as it does now), both measured in the same run.
import { performance } from "node:perf_hooks";
import type { Database } from "@dtplan/server";

export interface ImportBenchResult {
  mb: number;
  idle: number[];
  onEventLoop: { latencies: number[]; extractMs: number };
  inWorkerPool: { latencies: number[]; extractMs: number };
}

type HealthApp = {
  inject(opts: { method: "GET"; url: string }): Promise<{ statusCode: number }>;
  close(): Promise<void>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Health checks arrive every `everyMs` while `work` runs; each one's latency counts
 * from when it arrived, so a check that arrived while the event loop was blocked
 * waits for the block, as a user's request would.
 */
async function healthLatencies(app: HealthApp, work: () => Promise<unknown>, everyMs = 100) {
  const latencies: number[] = [];
  const inflight: Promise<void>[] = [];
  let done = false;
  const start = performance.now();
  const running = sleep(everyMs / 2)
    .then(work)
    .finally(() => {
      done = true;
    });
  for (let k = 0; ; ) {
    const now = performance.now();
    for (; start + k * everyMs <= now; k++) {
      const arrived = start + k * everyMs;
      inflight.push(
        app.inject({ method: "GET", url: "/api/health" }).then((res) => {
          if (res.statusCode !== 200) throw new Error(`health: ${res.statusCode}`);
          latencies.push(performance.now() - arrived);
        }),
      );
    }
    if (done) break;
    await sleep(everyMs);
  }
  await Promise.all([running, ...inflight]);
  return { latencies, extractMs: performance.now() - start - everyMs / 2 };
}

/**
 * Builds an app on `db` (bench.ts's in-memory database; the health check reads only its
 * schema version) and times health checks around a `text` import.
 */
export async function benchImport(db: Database, text: string): Promise<ImportBenchResult> {
  const { buildApp, testConfig } = await import("@dtplan/server");
  const { runExtractJob } = await import("@dtplan/server/modules/plans/extract-job.ts");
  const app = await buildApp(testConfig(), { db });
  try {
    const bytes = new TextEncoder().encode(text);
    const job = { bytes, fileName: "synthetic.txt" };
    // Warm-up: the pool's worker starts and both paths load their modules once.
    await app.extractPool.run(job);
    await runExtractJob(job);
    const idle = (await healthLatencies(app, () => sleep(2000))).latencies;
    const onEventLoop = await healthLatencies(app, () => runExtractJob(job));
    const inWorkerPool = await healthLatencies(app, () => app.extractPool.run(job));
    return { mb: bytes.length / (1024 * 1024), idle, onEventLoop, inWorkerPool };
  } finally {
    await app.close();
  }
}

/** The bench's table rows: health-check latency idle, with the extraction on the event loop, in the pool. */
export function importRows(r: ImportBenchResult, median: (values: number[]) => number): string[][] {
  const ms = (x: number) => x.toFixed(1);
  const row = (what: string, latencies: number[], extractMs: number | null) => [
    what,
    String(latencies.length),
    ms(median(latencies)),
    ms(Math.max(...latencies)),
    extractMs === null ? "" : ms(extractMs),
  ];
  return [
    [
      `GET /api/health while a ${r.mb.toFixed(2)} MB plan is imported`,
      "checks",
      "median ms",
      "max ms",
      "extract ms",
    ],
    row("idle (no import)", r.idle, null),
    row("before: read + extract on the event loop", r.onEventLoop.latencies, r.onEventLoop.extractMs),
    row("after: read + extract in the worker pool", r.inWorkerPool.latencies, r.inWorkerPool.extractMs),
  ];
}
