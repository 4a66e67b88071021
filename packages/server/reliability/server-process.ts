// A dtplan server in its own process (as in production), for the reliability suite:
// started with `dtplan serve --demo`, killed with SIGKILL, restarted on the same data.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { REPO_ROOT } from "../src/config.ts";

const BIN = path.join(REPO_ROOT, "packages/cli/bin/dtplan.js");
export const DEMO_PASSWORD = "dtplan-demo-2025";

export type Kind = "pglite" | "postgres";

/** Where a server keeps its data: a PGlite directory or a fresh PostgreSQL database. */
export async function dataPlace(kind: Kind): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), "dtplan-reliability-"));
  const base = { DTPLAN_DATA_DIR: dir, DTPLAN_WEB_DIST: dir, DATABASE_URL: "" };
  if (kind === "pglite") {
    return { env: base, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const adminUrl = inject("postgresUrl");
  const name = `dtplan_rel_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { ...base, DATABASE_URL: url.toString() },
    async drop() {
      rmSync(dir, { recursive: true, force: true });
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** Runs the dtplan command in its own process, its stdout and stderr gathered as one text. */
export function runDtplan(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (c) => {
    output += c;
  });
  child.stderr?.on("data", (c) => {
    output += c;
  });
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exit, output: () => output };
}

/** Starts `dtplan serve --demo` and resolves once it listens (with the demo loaded). */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const {
    child,
    exit: exited,
    output,
  } = runDtplan(["serve", "--demo"], {
    PORT: "0",
    DTPLAN_DEMO_PASSWORD: DEMO_PASSWORD,
    DTPLAN_LOG_LEVEL: "error",
    DTPLAN_REMINDER_INTERVAL_MS: "0",
    ...env,
  });
  const url = await new Promise<string>((resolve, reject) => {
    const check = setInterval(() => {
      const match = /đang chạy tại (http:\/\/\S+)/.exec(output());
      if (match) {
        clearInterval(check);
        resolve(match[1]);
      }
    }, 50);
    child.once("exit", (code) => {
      clearInterval(check);
      reject(new Error(`dtplan serve exited ${code}: ${output()}`));
    });
  });
  return {
    url,
    child,
    output,
    async kill9() {
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** A signed-in client of a running server (cookie + CSRF token), through real HTTP. */
export async function signIn(url: string, username: string, password = DEMO_PASSWORD) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const headers = { cookie, "x-csrf-token": csrfToken };
  return {
    headers,
    // biome-ignore lint/suspicious/noExplicitAny: answers of many routes, read field by field in the checks
    async call(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
      const r = await fetch(`${url}${path}`, {
        method,
        headers: body === undefined ? headers : { ...headers, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = text;
      }
      return { status: r.status, json };
    },
  };
}
