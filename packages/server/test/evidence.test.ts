import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { ZEvidenceFile, ZTaskDetail, ZUnitReport } from "@dtplan/contracts";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, evidenceFiles, type PlanTaskRow } from "../src/db/schema.ts";
import { LocalDiskStore } from "../src/modules/evidence/evidence-store.ts";
import { S3Store, signV4 } from "../src/modules/evidence/s3-store.ts";
import { attachEvidence } from "../src/modules/tasks/attach-evidence.ts";
import { readableTask } from "../src/modules/tasks/task-access.ts";
import {
  buildPublishedPlan,
  buildReportingPlan,
  buildTenant,
  buildUser,
  describeBothDatabases,
  multipart,
  type SignedIn,
  signInAs,
} from "./helpers.ts";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const MAX = 64 * 1024;

describeBothDatabases(
  "evidence files: upload limits and safe download",
  (ctx) => {
    let reporter: SignedIn;
    let outsider: SignedIn;
    let stranger: SignedIn;
    let task: PlanTaskRow;
    let tenant: Awaited<ReturnType<typeof buildTenant>>;
    const dir = () => (ctx.config.evidence.store as { dir: string }).dir;
    const files = () => {
      try {
        return readdirSync(dir(), { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).length;
      } catch {
        return 0;
      }
    };
    const upload = (session: SignedIn, fileName: string, bytes: Uint8Array | string) => {
      const body = multipart({}, { name: "file", fileName, bytes, contentType: "text/html" });
      return ctx.app.inject({
        method: "POST",
        url: `/api/tasks/${task.id}/evidence`,
        payload: body.payload,
        headers: { ...body.headers, ...session.headers },
      });
    };

    beforeAll(async () => {
      tenant = await buildTenant(ctx.db);
      ({
        tasks: [task],
      } = await buildPublishedPlan(ctx.db, tenant.district, { tasks: [{ leadUnitId: tenant.communeA.id }] }));
      reporter = await signInAs(ctx, tenant.communeA, "unit_reporter");
      outsider = await signInAs(ctx, tenant.communeB, "unit_reporter");
      stranger = await signInAs(ctx, (await buildTenant(ctx.db)).province, "administrator");
    });

    it("stores an upload under a random key and serves it back as an attachment with nosniff", async () => {
      const response = await upload(reporter, "Báo cáo tiến độ.pdf", PDF);
      expect(response.statusCode, response.body).toBe(201);
      const file = ZEvidenceFile.parse(response.json());
      expect(file).toMatchObject({
        name: "Báo cáo tiến độ.pdf",
        contentType: "application/pdf",
        size: PDF.length,
      });
      const stored = readdirSync(dir(), { recursive: true }).map(String);
      expect(stored.some((f) => f.includes("Báo") || f.endsWith(".pdf"))).toBe(false);

      const download = await ctx.app.inject({ method: "GET", url: file.url, headers: reporter.headers });
      expect(download.statusCode).toBe(200);
      expect(download.headers["content-type"]).toBe("application/pdf");
      expect(download.headers["content-disposition"]).toBe(
        `attachment; filename="Bao cao tien do.pdf"; filename*=UTF-8''${encodeURIComponent("Báo cáo tiến độ.pdf")}`,
      );
      expect(download.headers["x-content-type-options"]).toBe("nosniff");
      expect(download.rawPayload.equals(PDF)).toBe(true);

      const detail = ZTaskDetail.parse(
        (
          await ctx.app.inject({ method: "GET", url: `/api/tasks/${task.id}`, headers: reporter.headers })
        ).json(),
      );
      expect(detail.evidence.map((e) => e.id)).toEqual([file.id]);
      expect(
        (await ctx.app.inject({ method: "GET", url: file.url, headers: stranger.headers })).statusCode,
      ).toBe(404);
    });

    it("refuses HTML whatever it is called, files whose bytes do not match the extension, and other units", async () => {
      const before = files();
      for (const [name, bytes] of [
        ["trang.html", "<html><script>alert(1)</script></html>"],
        ["ghi-chu.txt", "<!doctype html><script>alert(1)</script>"],
        ["gia.pdf", "<html>not a pdf</html>"],
        ["bang.xlsx", PDF],
        ["chay.exe", "MZ"],
      ] as const) {
        const response = await upload(reporter, name, bytes);
        expect(response.statusCode, name).toBe(415);
        expect(response.json().error.message, name).toMatch(/tệp/i);
      }
      expect((await upload(outsider, "bao-cao.pdf", PDF)).statusCode).toBe(403);
      expect(files()).toBe(before);
    });

    it("never serves a stored file as HTML, even if its recorded type says so", async () => {
      const store = new LocalDiskStore(dir());
      const key = `${task.tenantId}/${randomUUID()}`;
      await store.put(key, Buffer.from("<script>alert(1)</script>"));
      const [row] = await ctx.db
        .insert(evidenceFiles)
        .values({
          tenantId: task.tenantId,
          ownerType: "task",
          ownerKey: task.key,
          planId: task.planId,
          originalName: "x.html",
          storageKey: key,
          contentType: "text/html",
          sizeBytes: 25,
          sha256: "0",
        })
        .returning();
      const response = await ctx.app.inject({
        method: "GET",
        url: `/api/evidence/${row.id}`,
        headers: reporter.headers,
      });
      expect(response.headers["content-type"]).toBe("application/octet-stream");
      expect(response.headers["content-disposition"]).toMatch(/^attachment;/);
    });

    it("refuses a file over the size limit with a Vietnamese 400", async () => {
      const big = Buffer.concat([PDF, Buffer.alloc(MAX + 10, 0x20)]);
      const response = await upload(reporter, "lon.pdf", big);
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: "payload_too_large" });
      expect(response.json().error.message).toMatch(/quá lớn/);
    });

    it("leaves no file behind when the row cannot be inserted", async () => {
      const before = files();
      const user = await buildUser(ctx.db, { grants: [{ unit: tenant.communeA, role: "unit_reporter" }] });
      const taskCtx = await readableTask(
        ctx.db,
        {
          id: user.id,
          tenantId: user.tenantId,
          username: user.username,
          fullName: user.fullName,
          email: null,
          isSuperadmin: false,
          grants: [
            {
              unitId: tenant.communeA.id,
              role: "unit_reporter",
              tenantId: user.tenantId,
              unitName: "",
              unitValidTo: null,
            },
          ],
          session: { id: "", tenantId: user.tenantId, csrfToken: "" },
        },
        task.id,
      );
      // An uploader that is not a user: the insert fails on its foreign key after the file is written.
      await expect(
        attachEvidence(ctx.db, new LocalDiskStore(dir()), {
          actor: { id: randomUUID() },
          ctx: taskCtx,
          file: { fileName: "bao-cao.pdf", bytes: PDF },
        }),
      ).rejects.toThrow();
      expect(files()).toBe(before);
    });
  },
  { evidenceMaxBytes: MAX },
);

describeBothDatabases("evidence files of a unit report", (ctx) => {
  let setup: Awaited<ReturnType<typeof buildReportingPlan>>;
  let reporterA: SignedIn;
  let reporterB: SignedIn;
  let officer: SignedIn;
  const reportUrl = (unitId: string) => `/api/plans/${setup.plan.code}/periods/2025-Q1/reports/${unitId}`;
  const upload = (session: SignedIn, unitId: string, fileName = "Số liệu quý I.pdf") => {
    const body = multipart({}, { name: "file", fileName, bytes: PDF, contentType: "application/pdf" });
    return ctx.app.inject({
      method: "POST",
      url: `${reportUrl(unitId)}/evidence`,
      payload: body.payload,
      headers: { ...body.headers, ...session.headers },
    });
  };
  const { call } = ctx;

  beforeAll(async () => {
    setup = await buildReportingPlan(ctx.db);
    reporterA = await signInAs(ctx, setup.communeA, "unit_reporter");
    reporterB = await signInAs(ctx, setup.communeB, "unit_reporter");
    officer = await signInAs(ctx, setup.district, "focal_officer");
  });

  it("lets the unit's reporter upload a file to its report, cite it on a figure and download it", async () => {
    const response = await upload(reporterA, setup.communeA.id);
    expect(response.statusCode, response.body).toBe(201);
    const file = ZEvidenceFile.parse(response.json());
    expect(file).toMatchObject({
      name: "Số liệu quý I.pdf",
      contentType: "application/pdf",
      size: PDF.length,
    });

    const form = ZUnitReport.parse((await call(reporterA, "GET", reportUrl(setup.communeA.id))).json());
    const [row] = await ctx.db.select().from(evidenceFiles).where(eq(evidenceFiles.id, file.id));
    expect(row).toMatchObject({ ownerType: "report", ownerKey: form.id, uploadedBy: expect.any(String) });

    const saved = await call(reporterA, "PUT", reportUrl(setup.communeA.id), {
      version: form.version,
      values: [{ targetKey: setup.targetKey, numerator: 45, denominator: 50, evidenceFileIds: [file.id] }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const value = ZUnitReport.parse(saved.json()).values.find((v) => v.targetKey === setup.targetKey);
    expect(value?.evidence.map((e) => e.id)).toEqual([file.id]);

    for (const session of [reporterA, officer]) {
      const download = await ctx.app.inject({ method: "GET", url: file.url, headers: session.headers });
      expect(download.statusCode, download.body).toBe(200);
      expect(download.headers["content-type"]).toBe("application/pdf");
      expect(download.headers["content-disposition"]).toMatch(/^attachment; filename="So lieu quy I.pdf"/);
      expect(download.headers["x-content-type-options"]).toBe("nosniff");
      expect(download.headers["content-security-policy"]).toBe("default-src 'none'; sandbox");
      expect(download.rawPayload.equals(PDF)).toBe(true);
    }

    const audit = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "report.evidence.add"), eq(auditLog.entityId, form.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: "unit_report", unitId: setup.communeA.id });
    expect(audit[0].after).toMatchObject({ id: file.id, sha256: file.sha256, period: "2025-Q1" });
  });

  it("refuses another unit's reporter on upload, download and citing the file", async () => {
    const own = ZEvidenceFile.parse((await upload(reporterA, setup.communeA.id, "rieng.pdf")).json());
    expect((await upload(reporterB, setup.communeA.id)).statusCode).toBe(403);
    const download = await ctx.app.inject({ method: "GET", url: own.url, headers: reporterB.headers });
    expect(download.statusCode).toBe(403);
    expect(download.headers["content-disposition"]).toBeUndefined();

    const formB = ZUnitReport.parse((await call(reporterB, "GET", reportUrl(setup.communeB.id))).json());
    const cite = await call(reporterB, "PUT", reportUrl(setup.communeB.id), {
      version: formB.version,
      values: [{ targetKey: setup.targetKey, numerator: 1, denominator: 2, evidenceFileIds: [own.id] }],
    });
    expect(cite.statusCode).toBe(400);
    expect(cite.json().error.details[0].path).toBe("body.values.0.evidenceFileIds");
  });

  it("refuses an upload once the report is approved, leaving no file behind", async () => {
    const url = reportUrl(setup.communeA.id);
    const form = ZUnitReport.parse((await call(reporterA, "GET", url)).json());
    const saved = await call(reporterA, "PUT", url, {
      version: form.version,
      tasks: form.tasks.map((t) => ({ key: t.key, progress: 60 })),
      values: [{ targetKey: setup.targetKey, numerator: 45, denominator: 50 }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await call(reporterA, "POST", `${url}/submit`, { version: saved.json().version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((await upload(reporterA, setup.communeA.id)).statusCode).toBe(409);
    expect((await call(officer, "POST", `${url}/approve`, {})).statusCode).toBe(200);

    const before = await ctx.db.select().from(evidenceFiles).where(eq(evidenceFiles.ownerKey, form.id));
    const refused = await upload(reporterA, setup.communeA.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/duyệt/);
    const after = await ctx.db.select().from(evidenceFiles).where(eq(evidenceFiles.ownerKey, form.id));
    expect(after).toHaveLength(before.length);
  });
});

describe("S3 store", () => {
  it("signs the AWS SigV4 'GET object' example exactly", () => {
    const headers = signV4(
      {
        method: "GET",
        url: new URL("https://examplebucket.s3.amazonaws.com/test.txt"),
        headers: { range: "bytes=0-9" },
        payloadHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      },
      {
        accessKey: "AKIAIOSFODNN7EXAMPLE",
        secretKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        region: "us-east-1",
      },
      new Date("2013-05-24T00:00:00Z"),
    );
    expect(headers["x-amz-date"]).toBe("20130524T000000Z");
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
  });

  it("puts, gets and deletes path-style with signed requests (no network)", async () => {
    const objects = new Map<string, Buffer>();
    const seen: string[] = [];
    const fakeFetch = (async (input: URL | string, init?: RequestInit) => {
      const url = new URL(String(input));
      const auth = new Headers(init?.headers).get("authorization") ?? "";
      seen.push(
        `${init?.method} ${url.pathname} ${auth.startsWith("AWS4-HMAC-SHA256 Credential=minio/") ? "signed" : "unsigned"}`,
      );
      if (init?.method === "PUT") objects.set(url.pathname, Buffer.from(init.body as Buffer));
      if (init?.method === "DELETE") objects.delete(url.pathname);
      if (init?.method === "GET") {
        const body = objects.get(url.pathname);
        return body ? new Response(body) : new Response("", { status: 404 });
      }
      return new Response("", { status: 200 });
    }) as typeof fetch;
    const store = new S3Store(
      {
        endpoint: "http://minio:9000/",
        bucket: "dtplan",
        accessKey: "minio",
        secretKey: "secret",
        region: "us-east-1",
      },
      fakeFetch,
    );
    await store.put("t1/abc", PDF);
    expect(Buffer.from((await store.get("t1/abc")) ?? []).equals(PDF)).toBe(true);
    await store.delete("t1/abc");
    expect(await store.get("t1/abc")).toBeNull();
    expect(seen).toEqual([
      "PUT /dtplan/t1/abc signed",
      "GET /dtplan/t1/abc signed",
      "DELETE /dtplan/t1/abc signed",
      "GET /dtplan/t1/abc signed",
    ]);
    await expect(store.put("../etc/passwd", PDF)).rejects.toThrow(/Unsafe/);
  });
});
