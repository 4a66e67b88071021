import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Command } from "../main.ts";

const FORMATS = ["docx", "xlsx", "pdf"] as const;
type Format = (typeof FORMATS)[number];

const USAGE = [
  "Usage: dtplan report --plan CODE --period KEY --format docx|xlsx|pdf --out FILE",
  "",
  "Writes the consolidated report (báo cáo tổng hợp) of one period of a published plan:",
  "Word in the Decree 30/2020/NĐ-CP layout, its tables as Excel, or PDF (through",
  "LibreOffice). The tables come from the current data; the narrative as saved in the",
  "web app (or its defaults). Uses the configured database (DATABASE_URL, or PGlite under",
  "DTPLAN_DATA_DIR) and refuses while a dtplan server holds the PGlite data directory.",
  "",
  "Example: dtplan report --plan chau-thanh-2025 --period 2025-Q2 --format docx --out bao-cao.docx",
].join("\n");

const fail = (message: string) => {
  process.stderr.write(`dtplan report: ${message}\n`);
  return 2;
};

export const command: Command = {
  summary: "báo cáo tổng hợp của một kỳ (DOCX, XLSX, PDF) — the consolidated report",
  usage: USAGE,
  async run(argv) {
    let values: { plan?: string; period?: string; format?: string; out?: string };
    try {
      ({ values } = parseArgs({
        args: argv,
        options: {
          plan: { type: "string" },
          period: { type: "string" },
          format: { type: "string" },
          out: { type: "string" },
        },
        strict: true,
        allowPositionals: false,
      }));
    } catch (error) {
      return fail(`tuỳ chọn không hợp lệ — ${(error as Error).message}\n${USAGE}`);
    }
    const missing = (["plan", "period", "format", "out"] as const).filter((k) => !values[k]?.trim());
    if (missing.length) return fail(`thiếu ${missing.map((m) => `--${m}`).join(", ")}.\n${USAGE}`);
    const format = values.format as Format;
    if (!FORMATS.includes(format)) {
      return fail(`định dạng "${values.format}" không hỗ trợ; chọn docx, xlsx hoặc pdf.`);
    }
    const out = path.resolve(values.out as string);

    const server = await import("@dtplan/server");
    const { consolidatedReport, publishedPlanByCode } = await import(
      "@dtplan/server/modules/consolidated/consolidated-report.ts"
    );
    const { renderConsolidated } = await import("@dtplan/server/modules/consolidated/render-consolidated.ts");
    const { PdfUnavailableError } = await import("@dtplan/server/modules/consolidated/render-pdf.ts");
    const config = server.readConfig();
    let db: Awaited<ReturnType<typeof server.openDatabase>>;
    try {
      db = await server.openDatabase(config.database);
    } catch (error) {
      if (error instanceof server.DataDirLockedError) {
        process.stderr.write(`dtplan report: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
    try {
      const status = await server.migrationStatus(db);
      if (!status.upToDate) {
        return fail(
          `cơ sở dữ liệu chưa ở phiên bản mới nhất (${status.current ?? "trống"}); chạy \`dtplan migrate\` trước.`,
        );
      }
      const plan = await publishedPlanByCode(db, values.plan as string);
      const { listPeriods } = await import("@dtplan/server/modules/reporting/reporting.repository.ts");
      const periods = await listPeriods(db, plan);
      if (!periods.some((p) => p.key === values.period)) {
        return fail(
          `kế hoạch ${plan.code} không có kỳ báo cáo "${values.period}". Các kỳ: ${periods.map((p) => `${p.key} (${p.label})`).join(", ") || "chưa có"}.`,
        );
      }
      const report = await consolidatedReport(db, {
        plan,
        canEdit: false,
        periodKey: values.period as string,
        nearThreshold: config.attainment.nearThreshold,
      });
      const file = await renderConsolidated(report, format);
      await writeFile(out, file.bytes);
      process.stdout.write(
        `Đã ghi báo cáo tổng hợp ${report.plan.code} — ${report.period.label} (${format.toUpperCase()}, ${file.bytes.length.toLocaleString("vi-VN")} byte) vào ${out}\n`,
      );
      return 0;
    } catch (error) {
      // Unknown plan or period: the server's Vietnamese message, and exit 2 like a bad argument.
      if (error instanceof server.AppError && (error.code === "not_found" || error.code === "conflict")) {
        return fail(error.message);
      }
      if (error instanceof PdfUnavailableError) {
        process.stderr.write(`dtplan report: ${error.message}\n`);
        return 1;
      }
      throw error;
    } finally {
      await server.closeDatabase(db);
    }
  },
};
