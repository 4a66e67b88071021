import { existsSync } from "node:fs";
import { isIP } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { passwordProblem } from "@dtplan/domain/access/password-rules.ts";
import { z } from "zod";
import { isCommonPassword } from "./modules/auth/password.ts";

/** The repository root, so defaults do not depend on where a command is started. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export type DatabaseConfig =
  | { kind: "postgres"; url: string }
  /** `dataDir: null` is an in-memory database (tests). */
  | { kind: "pglite"; dataDir: string | null };

/** Where evidence files live: a directory on local disk, or an S3-compatible bucket. */
export type EvidenceStoreConfig =
  | { kind: "local"; dir: string }
  | {
      kind: "s3";
      /** e.g. https://s3.amazonaws.com or http://minio:9000; objects are addressed path-style. */
      endpoint: string;
      bucket: string;
      accessKey: string;
      secretKey: string;
      region: string;
    };

export interface EvidenceConfig {
  store: EvidenceStoreConfig;
  /** Largest accepted evidence file, in bytes. */
  maxBytes: number;
}

/** Everything the server needs to know about its environment, read once at start-up. */
export interface AppConfig {
  host: string;
  port: number;
  database: DatabaseConfig;
  /** Password of the demo accounts; only used when demo data is loaded. */
  demoPassword: string;
  cookieSecure: boolean;
  /** Built web app to serve, when it exists. */
  webDist: string | null;
  /** Failed sign-ins allowed within the window: per address and account, per account, per address. */
  signIn: SignInLimits;
  /**
   * Which proxies to believe about the client's address (X-Forwarded-For), as Fastify's
   * `trustProxy`: false, a hop count, or addresses/CIDR ranges. Sign-in limits and the
   * public page's rate limit count by that address.
   */
  trustProxy: boolean | number | string[];
  /** A session ends after this long without a request. */
  sessionIdleMs: number;
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
  /** Log requests (off in tests). */
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "silent";
  evidence: EvidenceConfig;
  /** Đạt / gần đạt: a figure reaching `nearThreshold` of its target is "near" (default 0.9). */
  attainment: { nearThreshold: number };
  reminders: RemindersConfig;
  backup: BackupConfig;
  /** Outgoing mail; `null` without DTPLAN_SMTP_HOST (e-mails wait in the outbox). */
  smtp: SmtpConfig | null;
  /**
   * Trang công khai: how long a public answer is reused while nothing published
   * changed (0: never), and how long one public request may run before a 503.
   */
  publicPages: { cacheSeconds: number; timeoutMs: number };
  /**
   * Reuse what requests read — grants, access paths, reporting scopes, the answers of
   * cacheable reads (the leaders' dashboard) — while the database shows the same data
   * (data-snapshot.ts, read-cache.ts); on by default.
   */
  readCache: boolean;
  /**
   * Also check the answers of routes that production sends without their schema check
   * (`config.trustedResponse`, response-check.ts) and fail when one differs from what its
   * schema lets through: on in tests (testConfig), off when serving.
   */
  checkTrustedResponses: boolean;
}

/**
 * How many failed sign-ins a window allows: one address on one account, one account from
 * anywhere, one address across all usernames (password spraying).
 */
export interface SignInLimits {
  windowMs: number;
  perAccountAndAddress: number;
  perAccount: number;
  perAddress: number;
}

/** Nhắc nộp báo cáo: when reminders go out and how often the scheduler looks. */
export interface RemindersConfig {
  /** Remind this many days before the due date (default 3). */
  daysBefore: number;
  /** After the due date, remind again every N days (default 3). */
  overdueEveryDays: number;
  /** Scheduler tick; 0 turns the in-process scheduler off (tests). */
  intervalMs: number;
  /** Address of the web app, for links in e-mails (default http://HOST:PORT). */
  publicUrl: string;
}

/** Sao lưu định kỳ: where the server writes its backups, how often, how many it keeps. */
export interface BackupConfig {
  /** Scheduled and administrator-started backups go here (default DTPLAN_DATA_DIR/backups). */
  dir: string;
  /** Hours between scheduled backups; 0 turns the schedule off (the administrator can still start one). */
  everyHours: number;
  /** Scheduled backups kept; older ones are deleted after each new one. */
  keep: number;
}

export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
}

/** Password of the demo accounts unless DTPLAN_DEMO_PASSWORD says otherwise (printed in the README). */
export const DEMO_PASSWORD = "dtplan-demo-2025";

const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  windowMs: 15 * 60_000,
  perAccountAndAddress: 10,
  perAccount: 50,
  perAddress: 100,
};

/**
 * DTPLAN_TRUST_PROXY: unset or empty → trust no proxy; `1`, `2` … → that many hops
 * (nginx in front: 1); `127.0.0.1,10.0.0.0/8` → those addresses. Null when malformed.
 */
export function parseTrustProxy(value: string | undefined): boolean | number | string[] | null {
  const v = (value ?? "").trim();
  if (v === "" || v === "false" || v === "0") return false;
  if (/^\d+$/.test(v)) return Number(v) <= 20 ? Number(v) : null;
  const entries = v.split(",").map((s) => s.trim());
  const valid = entries.every((entry) => {
    const [address, prefix, extra] = entry.split("/");
    const family = isIP(address ?? "");
    if (!family || extra !== undefined) return false;
    if (prefix === undefined) return true;
    return /^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
  });
  return valid ? entries : null;
}

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .optional()
  .transform((v) => v === "true" || v === "1" || v === "yes");

const ZEnv = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL phải là chuỗi kết nối postgres://…")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    DTPLAN_DATA_DIR: z.string().min(1).default("./data"),
    DTPLAN_TRUST_PROXY: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const parsed = parseTrustProxy(v);
        if (parsed === null) {
          ctx.addIssue({
            code: "custom",
            message:
              "DTPLAN_TRUST_PROXY phải là số bước proxy (1, 2 …) hoặc danh sách địa chỉ/CIDR cách nhau bởi dấu phẩy",
          });
          return z.NEVER;
        }
        return parsed;
      }),
    // The demo accounts follow the same password rules as any other account.
    DTPLAN_DEMO_PASSWORD: z
      .string()
      .default(DEMO_PASSWORD)
      .superRefine((v, ctx) => {
        const problem = passwordProblem(v, "", isCommonPassword);
        if (problem) ctx.addIssue({ code: "custom", message: `DTPLAN_DEMO_PASSWORD: ${problem.vi}` });
      }),
    DTPLAN_COOKIE_SECURE: booleanFlag,
    DTPLAN_WEB_DIST: z.string().min(1).optional(),
    DTPLAN_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "silent"]).default("warn"),
    DTPLAN_EVIDENCE_DIR: z.string().min(1).optional(),
    DTPLAN_EVIDENCE_MAX_MB: z.coerce.number().positive().max(1024).default(20),
    DTPLAN_S3_ENDPOINT: z.url("DTPLAN_S3_ENDPOINT phải là địa chỉ http(s)://…").optional(),
    DTPLAN_S3_BUCKET: z.string().min(1).optional(),
    DTPLAN_S3_ACCESS_KEY: z.string().min(1).optional(),
    DTPLAN_S3_SECRET_KEY: z.string().min(1).optional(),
    DTPLAN_S3_REGION: z.string().min(1).default("us-east-1"),
    DTPLAN_ATTAINMENT_NEAR: z.coerce
      .number()
      .gt(0, "DTPLAN_ATTAINMENT_NEAR phải trong khoảng (0, 1]")
      .max(1, "DTPLAN_ATTAINMENT_NEAR phải trong khoảng (0, 1]")
      .default(0.9),
    DTPLAN_REMINDER_DAYS_BEFORE: z.coerce.number().int().min(0).max(60).default(3),
    DTPLAN_REMINDER_OVERDUE_EVERY_DAYS: z.coerce.number().int().min(1).max(60).default(3),
    DTPLAN_REMINDER_INTERVAL_MS: z.coerce
      .number()
      .int()
      .min(0)
      .default(15 * 60_000),
    DTPLAN_PUBLIC_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(300),
    DTPLAN_READ_CACHE: z.enum(["on", "off"]).default("on"),
    DTPLAN_PUBLIC_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
    DTPLAN_BACKUP_DIR: z.string().min(1).optional(),
    DTPLAN_BACKUP_EVERY_HOURS: z.coerce
      .number()
      .min(0, "DTPLAN_BACKUP_EVERY_HOURS phải ≥ 0 (0 là tắt)")
      .max(24 * 366)
      .default(24),
    DTPLAN_BACKUP_KEEP: z.coerce.number().int().min(1, "DTPLAN_BACKUP_KEEP phải ≥ 1").max(10_000).default(7),
    DTPLAN_PUBLIC_URL: z.url("DTPLAN_PUBLIC_URL phải là địa chỉ http(s)://…").optional(),
    DTPLAN_SMTP_HOST: z.string().min(1).optional(),
    DTPLAN_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    DTPLAN_SMTP_SECURE: booleanFlag,
    DTPLAN_SMTP_USER: z.string().min(1).optional(),
    DTPLAN_SMTP_PASSWORD: z.string().min(1).optional(),
    DTPLAN_SMTP_FROM: z.string().min(3).default("dtplan <no-reply@dtplan.local>"),
  })
  .superRefine((e, ctx) => {
    if (!e.DTPLAN_S3_ENDPOINT) return;
    for (const name of ["DTPLAN_S3_BUCKET", "DTPLAN_S3_ACCESS_KEY", "DTPLAN_S3_SECRET_KEY"] as const) {
      if (!e[name])
        ctx.addIssue({ code: "custom", path: [name], message: `cần ${name} khi có DTPLAN_S3_ENDPOINT` });
    }
  });

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads and validates the environment; throws a `ConfigError` naming every bad variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): AppConfig {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ (invalid configuration):\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const webDist = e.DTPLAN_WEB_DIST
    ? path.resolve(cwd, e.DTPLAN_WEB_DIST)
    : path.join(REPO_ROOT, "packages/web/dist");
  return {
    host: e.HOST,
    port: e.PORT,
    database: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL }
      : { kind: "pglite", dataDir: path.resolve(cwd, e.DTPLAN_DATA_DIR) },
    demoPassword: e.DTPLAN_DEMO_PASSWORD,
    cookieSecure: e.DTPLAN_COOKIE_SECURE,
    webDist: existsSync(path.join(webDist, "index.html")) ? webDist : null,
    signIn: DEFAULT_SIGN_IN_LIMITS,
    trustProxy: e.DTPLAN_TRUST_PROXY,
    sessionIdleMs: 8 * 60 * 60_000,
    bodyLimit: 1024 * 1024,
    logLevel: e.DTPLAN_LOG_LEVEL,
    attainment: { nearThreshold: e.DTPLAN_ATTAINMENT_NEAR },
    publicPages: { cacheSeconds: e.DTPLAN_PUBLIC_CACHE_SECONDS, timeoutMs: e.DTPLAN_PUBLIC_TIMEOUT_MS },
    readCache: e.DTPLAN_READ_CACHE === "on",
    checkTrustedResponses: false,
    reminders: {
      daysBefore: e.DTPLAN_REMINDER_DAYS_BEFORE,
      overdueEveryDays: e.DTPLAN_REMINDER_OVERDUE_EVERY_DAYS,
      intervalMs: e.DTPLAN_REMINDER_INTERVAL_MS,
      publicUrl: (e.DTPLAN_PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/+$/, ""),
    },
    backup: {
      dir: path.resolve(cwd, e.DTPLAN_BACKUP_DIR ?? path.join(e.DTPLAN_DATA_DIR, "backups")),
      everyHours: e.DTPLAN_BACKUP_EVERY_HOURS,
      keep: e.DTPLAN_BACKUP_KEEP,
    },
    smtp: e.DTPLAN_SMTP_HOST
      ? {
          host: e.DTPLAN_SMTP_HOST,
          port: e.DTPLAN_SMTP_PORT,
          secure: e.DTPLAN_SMTP_SECURE,
          user: e.DTPLAN_SMTP_USER ?? null,
          password: e.DTPLAN_SMTP_PASSWORD ?? null,
          from: e.DTPLAN_SMTP_FROM,
        }
      : null,
    evidence: {
      maxBytes: Math.round(e.DTPLAN_EVIDENCE_MAX_MB * 1024 * 1024),
      store: e.DTPLAN_S3_ENDPOINT
        ? {
            kind: "s3",
            endpoint: e.DTPLAN_S3_ENDPOINT,
            bucket: e.DTPLAN_S3_BUCKET as string,
            accessKey: e.DTPLAN_S3_ACCESS_KEY as string,
            secretKey: e.DTPLAN_S3_SECRET_KEY as string,
            region: e.DTPLAN_S3_REGION,
          }
        : {
            kind: "local",
            dir: path.resolve(cwd, e.DTPLAN_EVIDENCE_DIR ?? path.join(e.DTPLAN_DATA_DIR, "evidence")),
          },
    },
  };
}

/** A configuration for tests and embedding: in-memory PGlite, no web app, quiet. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  // Backups of a test server on a data directory go beside it (and go with it).
  const dataDir = overrides.database?.kind === "pglite" ? overrides.database.dataDir : null;
  return {
    host: "127.0.0.1",
    port: 0,
    database: { kind: "pglite", dataDir: null },
    demoPassword: DEMO_PASSWORD,
    cookieSecure: false,
    webDist: null,
    signIn: DEFAULT_SIGN_IN_LIMITS,
    trustProxy: false,
    sessionIdleMs: 8 * 60 * 60_000,
    bodyLimit: 1024 * 1024,
    logLevel: "silent",
    attainment: { nearThreshold: 0.9 },
    publicPages: { cacheSeconds: 300, timeoutMs: 5000 },
    readCache: true,
    checkTrustedResponses: true,
    reminders: { daysBefore: 3, overdueEveryDays: 3, intervalMs: 0, publicUrl: "http://127.0.0.1:3000" },
    backup: {
      dir: dataDir
        ? path.join(dataDir, "backups")
        : path.join(tmpdir(), `dtplan-backups-test-${process.pid}`),
      everyHours: 0,
      keep: 7,
    },
    smtp: null,
    evidence: {
      maxBytes: 20 * 1024 * 1024,
      store: { kind: "local", dir: path.join(tmpdir(), "dtplan-evidence-test") },
    },
    ...overrides,
  };
}
