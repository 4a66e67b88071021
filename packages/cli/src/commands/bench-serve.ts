// `dtplan bench --serve`: `dtplan serve --demo` itself, as a separate process on a fresh
// data directory (embedded PGlite, like `npm start` after its web build): how long the
// first start takes until it listens with the demo loaded, the leaders' dashboard of the
// province plan timed one request at a time and under a bounded load (50 connections over
// loopback), with the read cache and without it (a restart with DTPLAN_READ_CACHE=off),
// and the server's resident memory (VmHWM, VmRSS from /proc) at each step.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { timed } from "./bench-requests.ts";

const CLI = fileURLToPath(new URL("../../bin/dtplan.js", import.meta.url));
const DASHBOARD = "/api/plans/vinh-long-2026/dashboard";

interface Served {
  child: ChildProcess;
  url: string;
  seconds: number;
}

/** Starts `dtplan serve --demo` on the data directory; resolves once it prints its address. */
function serve(dataDir: string, env: Record<string, string>): Promise<Served> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [CLI, "serve", "--demo"], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DTPLAN_DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stderr?.on("data", (d) => {
      err += d;
    });
    child.stdout?.on("data", (d) => {
      out += d;
      const m = /https?:\/\/[^\s]+:\d+/.exec(out);
      if (m) {
        child.stdout?.removeAllListeners("data");
        child.stdout?.resume();
        resolve({ child, url: m[0], seconds: Number(process.hrtime.bigint() - started) / 1e9 });
      }
    });
    child.on("exit", (code) => reject(new Error(`dtplan serve exited (${code}): ${err.slice(-400)}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** Resident memory of a process in MB: now (VmRSS) and its peak so far (VmHWM). */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      username: "vinhlong.lanhdao",
      password: process.env.DTPLAN_DEMO_PASSWORD || "dtplan-demo-2025",
    }),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function measure(
  served: Served,
  runs: number,
  loadSeconds: number,
  label: string,
  out: (line: string) => void,
): Promise<void> {
  const cookie = await signIn(served.url);
  const once = async () => {
    const res = await fetch(`${served.url}${DASHBOARD}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${DASHBOARD}: ${res.status}`);
    return (await res.arrayBuffer()).byteLength;
  };
  const bytes = await once();
  const one = await timed(runs, once);
  out(
    `${label}: dashboard of vinh-long-2026 (${(bytes / 1024).toFixed(0)} KB), one at a time: median ${one.median.toFixed(1)} ms, p95 ${one.p95.toFixed(1)} ms (${runs} runs)`,
  );
  const autocannon = (await import("autocannon")).default;
  const result = await autocannon({
    url: `${served.url}${DASHBOARD}`,
    connections: 50,
    duration: loadSeconds,
    headers: { cookie },
  });
  out(
    `${label}: load, 50 connections, ${loadSeconds} s over loopback: ${result.requests.average.toFixed(0)} requests/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
  );
}

export async function benchServe(
  runs: number,
  loadSeconds: number,
  out: (line: string) => void,
): Promise<void> {
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "dtplan-bench-serve-")), "data");
  const load = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  try {
    out(`dtplan bench --serve — dtplan serve --demo (embedded PGlite) on a fresh data directory`);
    out(`load average before: ${load()}`);
    const first = await serve(dataDir, {});
    try {
      const m = memory(first.child.pid as number);
      out(
        `first start (migrations + demo data) until listening: ${first.seconds.toFixed(1)} s; RSS then ${m.rss.toFixed(0)} MB, peak so far ${m.peak.toFixed(0)} MB`,
      );
      await measure(first, runs, loadSeconds, "read cache on ", out);
      const after = memory(first.child.pid as number);
      out(`RSS after the load ${after.rss.toFixed(0)} MB, peak of the first run ${after.peak.toFixed(0)} MB`);
    } finally {
      await stop(first.child);
    }
    const again = await serve(dataDir, { DTPLAN_READ_CACHE: "off" });
    try {
      out(`restart on the same data directory until listening: ${again.seconds.toFixed(1)} s`);
      await measure(again, runs, loadSeconds, "read cache off", out);
      const m = memory(again.child.pid as number);
      out(`RSS after the load ${m.rss.toFixed(0)} MB, peak of the restarted server ${m.peak.toFixed(0)} MB`);
    } finally {
      await stop(again.child);
    }
    out(`load average after: ${load()}`);
  } finally {
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  }
}
