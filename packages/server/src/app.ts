import { existsSync } from "node:fs";
import path from "node:path";
import { vietnameseIssue } from "@dtplan/contracts/messages.ts";
import fastifyCookie from "@fastify/cookie";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import helmet from "helmet";
import { z } from "zod";
import { registerInputCleaning } from "./clean-input.ts";
import type { AppConfig } from "./config.ts";
import { isCitusCoordinator } from "./db/citus.ts";
import { SnapshotCache } from "./db/data-snapshot.ts";
import { closeDatabase, type Database, openDatabase } from "./db/database.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { registerErrorHandling } from "./errors.ts";
import { accessPlugin } from "./modules/access/access.ts";
import { auditRoutes } from "./modules/audit/audit.routes.ts";
import { authRoutes } from "./modules/auth/auth.routes.ts";
import { loadActorAt, parseSessionCookie, SESSION_COOKIE } from "./modules/auth/session.repository.ts";
import { backupRoutes } from "./modules/backup/backup.routes.ts";
import { budgetRoutes } from "./modules/budget/budget.routes.ts";
import { cascadeRoutes } from "./modules/cascade/cascade.routes.ts";
import { consolidatedRoutes } from "./modules/consolidated/consolidated.routes.ts";
import { reportDocumentRoutes } from "./modules/consolidated/report-document.routes.ts";
import { dashboardRoutes } from "./modules/dashboard/dashboard.routes.ts";
import { dtiRoutes } from "./modules/dti/dti.routes.ts";
import { dtiEvidenceOwner } from "./modules/dti/dti-evidence.ts";
import { dtiPublicRoutes } from "./modules/dti/dti-public.routes.ts";
import { evidenceRoutes } from "./modules/evidence/evidence.routes.ts";
import { createEvidenceStore } from "./modules/evidence/evidence-store.ts";
import { exportsRoutes } from "./modules/exports/exports.routes.ts";
import { healthRoutes } from "./modules/health/health.routes.ts";
import { indicatorsRoutes } from "./modules/indicators/indicators.routes.ts";
import { myWorkRoutes } from "./modules/my-work/my-work.routes.ts";
import { orgRoutes } from "./modules/org/org.routes.ts";
import { ExtractPool } from "./modules/plans/extract-pool.ts";
import { plansRoutes } from "./modules/plans/plans.routes.ts";
import { targetUnitsRoutes } from "./modules/plans/target-units.routes.ts";
import { provinceRoutes } from "./modules/province/province.routes.ts";
import { publicRoutes } from "./modules/public/public.routes.ts";
import { reassignRoutes } from "./modules/reassign/reassign.routes.ts";
import { remindersRoutes } from "./modules/reminders/reminders.routes.ts";
import { reportScopeById } from "./modules/reporting/get-report.ts";
import { reportEvidenceRoutes } from "./modules/reporting/report-evidence.routes.ts";
import { reportExcelRoutes } from "./modules/reporting/report-excel.routes.ts";
import { reportingRoutes } from "./modules/reporting/reporting.routes.ts";
import { searchRoutes } from "./modules/search/search.routes.ts";
import { readableTaskByKey } from "./modules/tasks/task-access.ts";
import { tasksRoutes } from "./modules/tasks/tasks.routes.ts";
import { usersRoutes } from "./modules/users/users.routes.ts";
import { registerReadCache } from "./read-cache.ts";
import { registerResponseChecks } from "./response-check.ts";
import { SERVER_VERSION } from "./version.ts";

// Validation messages reach the user: Vietnamese first, naming the field ("Nhập tên đăng
// nhập", never "Invalid input"), the same messages the web's forms show (contracts/messages.ts);
// i18n/error-text.ts answers their English.
z.config(z.locales.vi());
z.config({ customError: vietnameseIssue });

/** Memory for reused answers and grants (read-cache.ts), across the last few snapshots. */
const READ_CACHE_BYTES = 24 * 1024 * 1024;

declare module "fastify" {
  interface FastifyInstance {
    db: Database;
    appConfig: AppConfig;
    extractPool: ExtractPool;
  }
}

/**
 * Security headers on every response. The Content-Security-Policy allows only dtplan's
 * own scripts (the built index.html has no inline script) and no eval; styles allow
 * 'unsafe-inline' because Ant Design's CSS-in-JS injects <style> elements at run time
 * (a nonce would have to be threaded into a static index.html per request); an inline
 * style cannot run code. HSTS only when the cookie is HTTPS-only, i.e. dtplan is behind TLS.
 */
function securityHeaders(config: AppConfig) {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: config.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    frameguard: { action: "deny" as const },
    referrerPolicy: { policy: "same-origin" as const },
    crossOriginEmbedderPolicy: false,
  };
}

/**
 * The security headers as helmet writes them, worked out once: they depend on the
 * configuration alone (no nonce, no per-request directive), while @fastify/helmet built
 * helmet's middleware — parsing the policy — anew on every request.
 */
function securityHeaderValues(config: AppConfig): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(securityHeaders(config))(
    {} as Parameters<ReturnType<typeof helmet>>[0],
    response as unknown as Parameters<ReturnType<typeof helmet>>[1],
    (error?: unknown) => {
      if (error) throw error;
    },
  );
  return headers;
}

/**
 * The server's spine: plugins (cookies, rate limit, OpenAPI, sessions and access)
 * → domain modules under `/api` → static web app → one error handler. Without
 * `opts.db` it opens the configured database, migrates it to latest (or throws)
 * and closes it with the app.
 */
export async function buildApp(config: AppConfig, opts: { db?: Database } = {}): Promise<FastifyInstance> {
  const ownsDb = !opts.db;
  const db = opts.db ?? (await openDatabase(config.database));
  try {
    if (ownsDb) await migrateToLatest(db);
  } catch (error) {
    await closeDatabase(db);
    throw error;
  }

  const app = Fastify({
    logger: config.logLevel === "silent" ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    // Fastify 5 refuses a bare hop count (it cannot check the peer); DTPLAN_TRUST_PROXY=N
    // means "the server is reachable only through N proxies", so trust the N nearest hops.
    trustProxy:
      typeof config.trustProxy === "number"
        ? (
            (hops: number) => (_address: string, hop: number) =>
              hop < hops
          )(config.trustProxy)
        : config.trustProxy,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Before any route, so every encapsulated module inherits them.
  const webDist = config.webDist;
  registerErrorHandling(app, {
    webIndex: webDist ? () => existsSync(path.join(webDist, "index.html")) : null,
  });
  registerInputCleaning(app);
  registerResponseChecks(app, { checkTrusted: config.checkTrustedResponses });
  app.decorate("db", db);
  app.decorate("appConfig", config);
  if (ownsDb) app.addHook("onClose", async () => closeDatabase(db));

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "dtplan API",
        description:
          "API của dtplan — quản lý kế hoạch chuyển đổi số. Xác thực bằng cookie phiên `dtplan_session`; mọi yêu cầu thay đổi dữ liệu gửi kèm header `x-csrf-token`.",
        version: SERVER_VERSION,
      },
      components: {
        securitySchemes: { session: { type: "apiKey", in: "cookie", name: "dtplan_session" } },
      },
    },
    transform: jsonSchemaTransform,
  });
  // Cacheable answers are reused while the database shows the same data (data-snapshot.ts);
  // not on Citus, whose coordinator's snapshot does not see the workers'. The session, grants
  // and their reach are read by one statement per request (loadActorAt), never kept.
  const citus = await isCitusCoordinator(db);
  const readCache = config.readCache && !citus ? new SnapshotCache(READ_CACHE_BYTES) : null;
  await app.register(accessPlugin, {
    db,
    actorOf: async (request) => {
      const cookie = parseSessionCookie(request.cookies[SESSION_COOKIE]);
      const found = cookie
        ? await loadActorAt(db, cookie, config.sessionIdleMs, { cache: readCache, citus })
        : null;
      request.dataSnapshot = found?.snapshot ?? null;
      return found?.actor ?? null;
    },
  });
  // After the access plugin: a cached answer is given only once the route's check passed.
  registerReadCache(app, db, readCache);

  const security = securityHeaderValues(config);
  app.addHook("onRequest", (_request, reply, done) => {
    reply.headers(security);
    done();
  });
  app.addHook("onSend", async (request, reply) => {
    if (request.url.startsWith("/api")) reply.header("cache-control", "no-store");
  });

  // One evidence store for the modules that keep files (tasks, reports, downloads).
  // One pool of worker threads that read and extract imported plans off the event loop.
  const extractPool = new ExtractPool();
  app.decorate("extractPool", extractPool);
  app.addHook("onClose", async () => extractPool.close());
  const modules = { db, config, evidence: createEvidenceStore(config.evidence.store), extractPool };
  await app.register(healthRoutes, { prefix: "/api", ...modules });
  await app.register(authRoutes, { prefix: "/api", ...modules });
  await app.register(usersRoutes, { prefix: "/api", ...modules });
  await app.register(orgRoutes, { prefix: "/api", ...modules });
  await app.register(reassignRoutes, { prefix: "/api", ...modules });
  await app.register(auditRoutes, { prefix: "/api", ...modules });
  await app.register(plansRoutes, { prefix: "/api", ...modules });
  await app.register(targetUnitsRoutes, { prefix: "/api", ...modules });
  await app.register(indicatorsRoutes, { prefix: "/api", ...modules });
  await app.register(tasksRoutes, { prefix: "/api", ...modules });
  // A file is read by whoever reads its owner; the owning modules say who that is.
  await app.register(evidenceRoutes, {
    prefix: "/api",
    ...modules,
    owners: { task: readableTaskByKey, report: reportScopeById, dti: dtiEvidenceOwner },
  });
  await app.register(budgetRoutes, { prefix: "/api", ...modules });
  await app.register(myWorkRoutes, { prefix: "/api", ...modules });
  await app.register(searchRoutes, { prefix: "/api", ...modules });
  await app.register(reportingRoutes, { prefix: "/api", ...modules });
  await app.register(reportExcelRoutes, { prefix: "/api", ...modules });
  await app.register(reportEvidenceRoutes, { prefix: "/api", ...modules });
  await app.register(remindersRoutes, { prefix: "/api", ...modules });
  await app.register(consolidatedRoutes, { prefix: "/api", ...modules });
  await app.register(reportDocumentRoutes, { prefix: "/api", ...modules });
  await app.register(dashboardRoutes, { prefix: "/api", ...modules });
  await app.register(provinceRoutes, { prefix: "/api", ...modules });
  await app.register(cascadeRoutes, { prefix: "/api", ...modules });
  await app.register(exportsRoutes, { prefix: "/api", ...modules });
  await app.register(publicRoutes, { prefix: "/api", ...modules });
  await app.register(dtiRoutes, { prefix: "/api", ...modules });
  await app.register(dtiPublicRoutes, { prefix: "/api", ...modules });
  await app.register(backupRoutes, { prefix: "/api", ...modules });

  app
    .withTypeProvider<ZodTypeProvider>()
    .get("/api/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () =>
      app.swagger(),
    );

  if (webDist) {
    // The build writes .br and .gz beside each asset (vite.config.ts); files under
    // assets/ have content hashes in their names, so they never change: a year, immutable.
    // Everything else (index.html) is checked again on every visit.
    const assets = path.join(webDist, "assets") + path.sep;
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: "/",
      wildcard: true,
      index: ["index.html"],
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        reply.header(
          "cache-control",
          filePath.startsWith(assets) ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    });
  }
  await app.ready();
  return app;
}
