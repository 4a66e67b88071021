/**
 * `dtplan` two ways for tests: spawned as users and the scorer run it (end-to-end, a
 * new Node with tsx each time, seconds apiece), or its main function called in this
 * process with stdout and stderr captured (milliseconds) — for argument and input
 * errors, whose handling is the same code either way.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { runMain } from "../src/main.ts";

export const ROOT = path.resolve(import.meta.dirname, "../../..");
export const BIN = path.join(ROOT, "packages/cli/bin/dtplan.js");

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real binary in a child process. */
export function spawnDtplan(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 120_000,
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env, encoding: "utf8", timeout: timeoutMs, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * The binary's main function in this process, its output captured. Runs one at a time
 * (they share process.stdout/stderr); `env` is set for the run and restored after.
 */
export function dtplanInProcess(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const run = queue.then(async () => {
    const out: string[] = [];
    const err: string[] = [];
    const { write: writeOut } = process.stdout;
    const { write: writeErr } = process.stderr;
    const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
    const capture =
      (into: string[]) =>
      (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
        into.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
        const done = rest.find((r) => typeof r === "function") as (() => void) | undefined;
        done?.();
        return true;
      };
    process.stdout.write = capture(out) as typeof process.stdout.write;
    process.stderr.write = capture(err) as typeof process.stderr.write;
    Object.assign(process.env, env);
    try {
      const code = await runMain(args);
      return { code, stdout: out.join(""), stderr: err.join("") };
    } finally {
      process.stdout.write = writeOut;
      process.stderr.write = writeErr;
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
  queue = run.catch(() => {});
  return run;
}
