/**
 * A throwaway PostgreSQL 15 in a temporary directory, listening on 127.0.0.1 only:
 * for benchmarks that must measure the real server (the test suite's global set-up
 * starts its own the same way). As root, initdb and pg_ctl run as `postgres`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export const POSTGRES_15_BIN = "/usr/lib/postgresql/15/bin";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function runAsPostgres(args: string[]): void {
  const [cmd, ...rest] = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--", ...args] : args;
  const result = spawnSync(cmd, rest, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
}

export interface ThrowawayPostgres {
  /** Connection string of the `postgres` database (trust authentication, loopback). */
  url: string;
  stop(): void;
}

/** Starts the server; `settings` are extra `-c name=value` options (e.g. shared_buffers). */
export async function startThrowawayPostgres(settings: string[] = []): Promise<ThrowawayPostgres> {
  if (!existsSync(path.join(POSTGRES_15_BIN, "initdb"))) {
    throw new Error(
      `PostgreSQL 15 is missing (${POSTGRES_15_BIN}/initdb): apt-get install -y postgresql-15 (npm test installs it).`,
    );
  }
  const dir = mkdtempSync(path.join(tmpdir(), "dtplan-pg-"));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  const port = await freePort();
  runAsPostgres([
    `${POSTGRES_15_BIN}/initdb`,
    ...["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
  ]);
  const options = [
    `-p ${port}`,
    "-h 127.0.0.1",
    `-k ${dir}`,
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=200",
    ...settings.map((s) => `-c ${s}`),
  ].join(" ");
  runAsPostgres([
    `${POSTGRES_15_BIN}/pg_ctl`,
    "-D",
    data,
    "-o",
    options,
    "-l",
    path.join(dir, "log"),
    "-w",
    "start",
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        runAsPostgres([`${POSTGRES_15_BIN}/pg_ctl`, "-D", data, "-m", "fast", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
