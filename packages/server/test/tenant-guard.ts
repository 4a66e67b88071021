// The Citus rule "every statement on a tenant table filters by tenant_id", held by the
// PostgreSQL side of the data-layer tests: before each SELECT / INSERT / UPDATE / DELETE /
// WITH a test's pool sends, the same statement (same parameters, same connection, so the
// same transaction) is explained by PostgreSQL 15 and every scan of a tenant table in the
// plan must be restricted by that table's own tenant_id — in its scan condition (index
// condition, recheck condition or filter: PostgreSQL's planner has already carried
// `a.tenant_id = $1 AND b.tenant_id = a.tenant_id` over to both tables), or by a join
// condition equating its tenant_id with a table that is. Recursive CTEs are plans too: the
// recursive term's scan is checked like any other, so it must carry the filter itself.
//
// A statement that reads every province on purpose (the public list without a province,
// the outbox claim, a migration's backfill …) says so in a comment — `/* all tenants: why */`
// — and is let through; DISTRIBUTED.md lists them.
import type pg from "pg";

/** The statements the guard refused in this process, for the suite's afterAll. */
export const tenantGuardViolations: string[] = [];

/** Tables that are tenant tables although `users` also carries tenant_id: it is a reference table. */
const NOT_TENANT_TABLES = new Set(["users"]);
export const ALL_TENANTS_MARK = /\/\*\s*all tenants\b/i;

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Alias?: string;
  Filter?: string;
  "Index Cond"?: string;
  "Recheck Cond"?: string;
  "Hash Cond"?: string;
  "Merge Cond"?: string;
  "Join Filter"?: string;
  "TID Cond"?: string;
  Plans?: PlanNode[];
}

interface Scan {
  table: string;
  alias: string;
  /** Restricted by its own tenant_id (scan condition). */
  own: boolean;
  /** Join conditions above it that mention its alias's tenant_id. */
  joined: boolean;
  /** Equated with another table's tenant_id in the statement's text (a correlated subquery). */
  correlated: boolean;
}

/** The unqualified column in a scan's own condition is the scanned table's. */
const OWN_TENANT = /(^|[^.\w"])"?tenant_id"?\b/;

function ownConditions(node: PlanNode): string {
  const parts = [node.Filter, node["Index Cond"], node["Recheck Cond"], node["TID Cond"]];
  // A bitmap heap scan's index conditions sit on its Bitmap Index Scan children.
  for (const child of node.Plans ?? []) {
    if (child["Node Type"].startsWith("Bitmap")) parts.push(ownConditions(child));
  }
  return parts.filter(Boolean).join(" ");
}

function collectScans(
  node: PlanNode,
  text: string,
  tenantTables: Set<string>,
  joinConds: string[],
  out: Scan[],
  recursive = false,
): void {
  const table = node["Relation Name"];
  const isScan = table && node["Node Type"] !== "ModifyTable";
  if (isScan && tenantTables.has(table)) {
    const alias = node.Alias ?? table;
    const qualified = new RegExp(
      `(^|[^\\w])"?${alias}"?\\."?tenant_id"?\\s*=|=\\s*"?${alias}"?\\."?tenant_id\\b`,
    );
    out.push({
      table,
      alias,
      own: OWN_TENANT.test(ownConditions(node)),
      // A correlated subquery the planner hashed (`hashed SubPlan`) shows no condition of
      // its own: its `alias.tenant_id = outer.tenant_id` stands in the statement's text.
      correlated: !recursive && new RegExp(`\\b${alias}\\.tenant_id\\s*=\\s*\\w+\\.tenant_id\\b`).test(text),
      // Citus plans a recursive CTE on one shard only when each of its terms filters by tenant_id itself.
      joined: !recursive && joinConds.some((c) => qualified.test(c)),
    });
  }
  const here = [node["Hash Cond"], node["Merge Cond"], node["Join Filter"]].filter((c): c is string => !!c);
  const inRecursive = recursive || node["Node Type"] === "Recursive Union";
  for (const child of node.Plans ?? [])
    collectScans(child, text, tenantTables, [...joinConds, ...here], out, inRecursive);
}

/** Why a plan breaks the rule, or null when it keeps it. */
export function tenantPlanViolation(plan: PlanNode, text: string, tenantTables: Set<string>): string | null {
  const scans: Scan[] = [];
  collectScans(plan, text, tenantTables, [], scans);
  if (!scans.length) return null;
  const loose = scans.filter((s) => !s.own && !s.joined && !s.correlated);
  if (loose.length) return `không lọc tenant_id: ${loose.map((s) => `${s.table} (${s.alias})`).join(", ")}`;
  if (!scans.some((s) => s.own)) return "chỉ nối theo tenant_id, không có bảng nào lọc theo tenant_id";
  return null;
}

const CHECKED = /^(select|insert|update|delete|with)\b/i;
const REFERENCE_WRITE = /^(insert\s+into|update|delete\s+from)\s+"?users"?[\s(]/i;

/**
 * Per connection: whether the open transaction has run a statement across provinces
 * (marked all tenants) and whether it asked Citus for one connection per worker — a write
 * to the reference table `users` after the first needs the second.
 */
interface TransactionState {
  open: boolean;
  multiShard: boolean;
  sequential: boolean;
}

function referenceWriteViolation(state: TransactionState, text: string, body: string): string | null {
  if (/^begin\b/i.test(body)) Object.assign(state, { open: true, multiShard: false, sequential: false });
  else if (/^(commit|rollback)\b/i.test(body))
    Object.assign(state, { open: false, multiShard: false, sequential: false });
  else if (/citus\.multi_shard_modify_mode/i.test(body)) state.sequential = true;
  else if (state.open && ALL_TENANTS_MARK.test(text)) state.multiShard = true;
  else if (state.open && state.multiShard && !state.sequential && REFERENCE_WRITE.test(body)) {
    return "ghi bảng tham chiếu users sau một câu lệnh trên nhiều tỉnh trong cùng giao dịch (cần oneConnectionPerWorker)";
  }
  return null;
}

function statementText(sqlText: string): string {
  return sqlText.replace(/^\s*(--[^\n]*\n\s*)*/, "").trimStart();
}

/** Records a refused statement; whether to fail it (DTPLAN_TENANT_GUARD_LOG=all reports and carries on). */
function refuse(message: string): boolean {
  tenantGuardViolations.push(message);
  if (process.env.DTPLAN_TENANT_GUARD_LOG) console.error(message);
  return process.env.DTPLAN_TENANT_GUARD_LOG !== "all";
}

/**
 * Makes every client of `pool` explain and check each data statement before running it
 * (register after wrapPgPool, whose connect listener queues the client's queries).
 */
export function guardTenantStatements(pool: pg.Pool): void {
  let tenantTables: Promise<Set<string>> | null = null;
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
    let tail: Promise<unknown> = Promise.resolve();
    const state: TransactionState = { open: false, multiShard: false, sequential: false };
    (client as { query: unknown }).query = (...all: unknown[]) => {
      // pg.Pool#query calls the client with a callback: check that form too, then answer it.
      const callback =
        typeof all[all.length - 1] === "function"
          ? (all[all.length - 1] as (error: unknown, result?: unknown) => void)
          : null;
      const args = callback ? all.slice(0, -1) : all;
      const first = args[0] as string | { text?: string; values?: unknown[]; submit?: unknown };
      if (typeof first === "object" && first.submit) return query(...all);
      const answer = (result: Promise<unknown>) => {
        if (!callback) return result;
        result.then(
          (r) => callback(null, r),
          (e) => callback(e),
        );
        return undefined;
      };
      const text = typeof first === "string" ? first : (first.text ?? "");
      const values = (args[1] ?? (typeof first === "string" ? undefined : first.values)) as
        | unknown[]
        | undefined;
      const body = statementText(text);
      const referenceProblem = referenceWriteViolation(state, text, body);
      if (referenceProblem && refuse(`Citus: ${referenceProblem}\n${text}`)) {
        return answer(Promise.reject(new Error(`Citus: ${referenceProblem}\n${text}`)));
      }
      if (!CHECKED.test(body) || ALL_TENANTS_MARK.test(text) || body.includes("information_schema"))
        return answer(query(...args));
      const run = tail.then(async () => {
        tenantTables ??= (
          query(
            `SELECT table_name FROM information_schema.columns
              WHERE table_schema = 'public' AND column_name = 'tenant_id'`,
          ) as Promise<{ rows: { table_name: string }[] }>
        ).then((r) => new Set(r.rows.map((x) => x.table_name).filter((t) => !NOT_TENANT_TABLES.has(t))));
        const tables = await tenantTables;
        // An empty database (a migration test) learns its tables once they exist.
        if (!tables.size) tenantTables = null;
        const explained = (await query(`EXPLAIN (FORMAT JSON) ${body}`, values ?? [])) as {
          rows: { "QUERY PLAN": { Plan: PlanNode }[] }[];
        };
        const problem = tenantPlanViolation(explained.rows[0]["QUERY PLAN"][0].Plan, text, tables);
        const message = `Citus: câu lệnh trên bảng tenant ${problem}\n${text}`;
        if (problem && refuse(message)) throw new Error(message);
        return query(...args);
      });
      tail = run.catch(() => undefined);
      return answer(run);
    };
  });
}
