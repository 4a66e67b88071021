import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { type PGlite, protocol } from "@electric-sql/pglite";
import { pgDump } from "@electric-sql/pglite-tools/pg_dump";
import type pg from "pg";
import { type Database, databaseDriver } from "../../db/database.ts";
import { BackupError } from "./archive.ts";

/** The database at one instant: its SQL and the facts the manifest records about it. */
export interface DatabaseSnapshot {
  sql: string;
  tables: Record<string, number>;
  migrations: string[];
  evidence: { key: string; sha256: string; bytes: number }[];
}

/**
 * Both sources are dumped as plain SQL with multi-row INSERTs, no owners and no
 * privileges: the one format that restores into PGlite (which has no pg_restore) and
 * into PostgreSQL alike, with no client program on the restoring machine; the archive
 * compresses it. (pg_dump's custom format would need pg_restore and a server.)
 */
const DUMP_ARGS = ["--no-owner", "--no-privileges", "--rows-per-insert=200"];

type Run = (text: string) => Promise<unknown>;

/** Tables, their row counts, migrations and evidence files, read in the dump's snapshot. */
export async function snapshotFacts(run: Run): Promise<Omit<DatabaseSnapshot, "sql">> {
  const names = (await run(
    "SELECT coalesce(json_agg(tablename ORDER BY tablename), '[]'::json) FROM pg_tables WHERE schemaname = 'public'",
  )) as string[];
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const counts = names.map((n) => `'${n.replace(/'/g, "''")}', (SELECT count(*) FROM public.${quote(n)})`);
  // A backup reads every province: the one statement here that is not per tenant.
  const facts = (await run(`SELECT /* all tenants: a backup holds every province */ json_build_object(
      'tables', json_build_object(${counts.join(", ") || ""}),
      'migrations', (SELECT coalesce(json_agg(version ORDER BY version), '[]'::json) FROM public.schema_migrations),
      'evidence', (SELECT coalesce(json_agg(json_build_object('key', storage_key, 'sha256', sha256, 'bytes', size_bytes)
                   ORDER BY storage_key), '[]'::json) FROM public.evidence_files))`)) as Omit<
    DatabaseSnapshot,
    "sql"
  >;
  return facts;
}

/**
 * pglite-tools removes every line of the dump that starts with `\restrict` or
 * `\unrestrict` (meant for pg_dump's own wrapper lines) — also a line inside a text
 * value. Rather than make a backup that silently differs, refuse it and say where.
 */
async function assertNoRestrictLines(run: Run): Promise<void> {
  const columns =
    (await run(`SELECT coalesce(json_agg(json_build_object('t', table_name, 'c', column_name)), '[]'::json)
      FROM information_schema.columns WHERE table_schema = 'public'
      AND data_type IN ('text', 'character varying', 'character')`)) as { t: string; c: string }[];
  if (!columns.length) return;
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
  const checks = columns.map(
    ({ t, c }) =>
      `SELECT ${literal(`${t}.${c}`)} AS at WHERE EXISTS (SELECT 1 FROM public.${quote(t)} WHERE ${quote(c)} ~* '\n\\\\(un)?restrict')`,
  );
  const found = (await run(
    `SELECT coalesce(json_agg(at), '[]'::json) FROM (${checks.join(" UNION ALL ")}) x`,
  )) as string[];
  if (found.length) {
    throw new BackupError(
      `Không sao lưu được: cột ${found.join(", ")} có dòng văn bản bắt đầu bằng "\\restrict" hoặc "\\unrestrict", ` +
        "mà công cụ sao lưu của PGlite sẽ làm mất. Sửa nội dung đó (thêm một ký tự trước dấu \\) rồi sao lưu lại.",
    );
  }
}

/** The first column of the first row of a simple query sent as raw protocol, parsed as JSON. */
async function rawJson(client: PGlite, text: string): Promise<unknown> {
  const { messages } = await client.execProtocol(protocol.serialize.query(text));
  const row = messages.find((m) => m.name === "dataRow") as { fields: (string | null)[] } | undefined;
  return JSON.parse(row?.fields[0] ?? "null");
}

/**
 * PGlite: pg_dump compiled to WebAssembly runs on the server's own connection, inside
 * the connection's transaction lock, so no request's transaction is open around it
 * and none starts until it ends (PGlite is one connection: requests wait, as they do
 * for any long statement). The facts are read in pg_dump's own snapshot first.
 */
async function dumpPglite(client: PGlite): Promise<DatabaseSnapshot> {
  const searchPath = (await client.query<{ search_path: string }>("SHOW search_path")).rows[0].search_path;
  const raw = (text: string) => client.execProtocol(protocol.serialize.query(text));
  return client._runExclusiveTransaction(async () => {
    try {
      await raw("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const facts = await snapshotFacts((text) => rawJson(client, text));
      await assertNoRestrictLines((text) => rawJson(client, text));
      await raw("ROLLBACK");
      // pgDump's own queries would wait for the lock we hold: answer them on the raw connection.
      const connection = {
        query: async () => ({ rows: [{ search_path: searchPath }] }),
        exec: async (text: string) => {
          await raw(text);
          return [];
        },
        execProtocolRawStream: client.execProtocolRawStream.bind(client),
      };
      const file = await pgDump({ pg: connection as unknown as PGlite, args: DUMP_ARGS });
      return { ...facts, sql: await file.text() };
    } finally {
      // pg_dump leaves its read-only transaction open and its settings changed.
      await raw("ROLLBACK").catch(() => {});
      await raw("DISCARD ALL").catch(() => {});
    }
  });
}

/** The newest pg_dump on the machine: Debian's versioned directories, then PATH. */
export function findPgBinary(name: "pg_dump"): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && existsSync(path.join(root, v, "bin", name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions.length ? path.join(root, versions[0], "bin", name) : name;
}

function pgDumpProcess(url: string, snapshot: string): Promise<string> {
  const target = new URL(url);
  const password = decodeURIComponent(target.password);
  target.password = "";
  // The password goes through the environment, never on the command line (ps shows it).
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  const binary = findPgBinary("pg_dump");
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...DUMP_ARGS, `--snapshot=${snapshot}`, `--dbname=${target.toString()}`], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk;
    });
    child.on("error", (error) =>
      reject(
        new BackupError(
          `Không chạy được pg_dump (${binary}): ${error.message}. Cài gói postgresql-client cùng phiên bản với máy chủ.`,
        ),
      ),
    );
    child.on("close", (code) =>
      code === 0
        ? resolve(Buffer.concat(out).toString("utf8"))
        : reject(new BackupError(`pg_dump (${binary}) thất bại (mã ${code}): ${err.trim()}`)),
    );
  });
}

/**
 * PostgreSQL: a repeatable-read transaction exports its snapshot; the facts are read
 * in it and pg_dump dumps exactly that snapshot (`--snapshot`), while the server runs.
 */
async function dumpPostgres(pool: pg.Pool): Promise<DatabaseSnapshot> {
  const url = (pool.options as { connectionString?: string }).connectionString;
  if (!url) throw new BackupError("Không biết chuỗi kết nối PostgreSQL để chạy pg_dump.");
  const client = await pool.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows } = await client.query<{ snapshot: string }>("SELECT pg_export_snapshot() AS snapshot");
    const facts = await snapshotFacts(async (text) => {
      const result = await client.query({ text, rowMode: "array" });
      return result.rows[0]?.[0];
    });
    const sql = await pgDumpProcess(url, rows[0].snapshot);
    await client.query("COMMIT");
    return { ...facts, sql };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** The whole database as plain SQL, with its row counts and evidence list from the same instant. */
export async function dumpDatabase(db: Database): Promise<DatabaseSnapshot> {
  const driver = databaseDriver(db);
  return driver.kind === "pglite" ? dumpPglite(driver.client) : dumpPostgres(driver.pool);
}
