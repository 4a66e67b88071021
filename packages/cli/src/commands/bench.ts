// `dtplan bench` (npm run bench): how long read + extract takes per dev plan and
// format, and throughput on a synthetic ≈1 MB plan. Medians, so one slow run
// (GC, a cold cache) does not decide the figure.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { extractPlan } from "@dtplan/domain/extract/index.ts";
import { type DocumentFormat, readPlanDocument } from "@dtplan/domain/extract/read/index.ts";
import { buildSyntheticPlan, buildSyntheticTablePlan } from "@dtplan/domain/extract/read/synthetic.ts";
import type { Command } from "../main.ts";
import type { Scale } from "./bench-scale.ts";

const USAGE = `Usage: dtplan bench [--runs N] [--dir DIR] [--synthetic-mb MB] [--no-reports]
       dtplan bench --serve [--runs N] [--load-seconds S]
       dtplan bench --scale province|national [--runs N] [--load-seconds S] [--minutes M]

Đo thời gian đọc + trích xuất kế hoạch, rồi thời gian tạo báo cáo tổng hợp, bảng điều
hành, toàn tỉnh, trang công khai trên dữ liệu mẫu (measures read + extract, then the
reports and dashboards through the API on the demo data):
  --runs N           số lần chạy mỗi tệp, lấy trung vị (runs per file, median; default 15;
                     --scale: tối đa 100, at most 100)
  --dir DIR          thư mục kế hoạch mẫu (dev plans; default fixtures/plan-extract/dev
                     and dev-layouts beside it)
  --synthetic-mb MB  cỡ kế hoạch tổng hợp (synthetic plan size; default 1)
  --no-reports       chỉ đo trích xuất (extraction only)
  --scale S          đo ở quy mô tỉnh hoặc cả nước trên PostgreSQL 15 (province | national:
                     1 → 5 → 10 → 20 → 34 tỉnh): danh sách công khai, rồi bảng điều hành, toàn
                     tỉnh, trang công khai, báo cáo tổng hợp, xuất số liệu, phiếu báo
                     cáo, nộp báo cáo — so với SQL viết tay; tải 2 × 20 giây (không và có bộ
                     nhớ đệm); RSS đỉnh
  --serve            chạy chính \`dtplan serve --demo\` (PGlite) trên thư mục dữ liệu mới: thời gian
                     khởi động lần đầu, bảng điều hành từng yêu cầu và dưới tải 50 kết nối,
                     có và không có bộ nhớ đệm, RSS đỉnh của máy chủ (first start, dashboard
                     latency and load, the server's peak RSS)
  --load-seconds S   thời gian tải, tối đa 60 (load duration, default 20)
  --minutes M        quy mô cả nước: ngừng sinh thêm tỉnh sau M phút và đo cỡ đã đạt
                     (national: stop adding provinces after M minutes, measure the size reached;
                     default 30)`;

const FORMATS: DocumentFormat[] = ["txt", "docx", "pdf"];

function findDevDir(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const start of [process.cwd(), here]) {
    let dir = start;
    for (let i = 0; i < 8; i++) {
      for (const candidate of [
        path.join(dir, "fixtures/plan-extract/dev"),
        path.join(dir, "shared/plan-extract/dev"),
      ])
        if (existsSync(candidate)) return candidate;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return null;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function timeRuns(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return times;
}

function table(rows: string[][], rightAligned: Set<number>): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const fmt = (r: string[]) =>
    r
      .map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join("  ")
      .trimEnd();
  return [fmt(rows[0]), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(fmt)].join("\n");
}

const ms = (x: number) => x.toFixed(1);

function parseArgs(argv: string[]): {
  runs: number;
  dir: string | null;
  syntheticMb: number;
  reports: boolean;
  scale: Scale | null;
  serve: boolean;
  loadSeconds: number | null;
  minutes: number;
} {
  let runs = 15;
  let dir: string | null = null;
  let syntheticMb = 1;
  let reports = true;
  let scale: Scale | null = null;
  let serve = false;
  let loadSeconds: number | null = null;
  let minutes = 30;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--runs") runs = Math.max(1, Math.floor(Number(argv[++i])) || 15);
    else if (a === "--dir") dir = argv[++i] ?? null;
    else if (a === "--synthetic-mb") syntheticMb = Math.max(0.01, Number(argv[++i]) || 1);
    else if (a === "--no-reports") reports = false;
    else if (a === "--serve") serve = true;
    else if (a === "--load-seconds") {
      const v = Math.floor(Number(argv[++i]));
      if (!(v >= 1 && v <= 60)) throw new Error("--load-seconds nhận từ 1 đến 60 (seconds, 1–60)");
      loadSeconds = v;
    } else if (a === "--minutes") {
      const v = Number(argv[++i]);
      if (!(v > 0 && v <= 240)) throw new Error("--minutes nhận từ 1 đến 240 (minutes, 1–240)");
      minutes = v;
    } else if (a === "--scale") {
      const v = argv[++i];
      if (v !== "province" && v !== "national")
        throw new Error(`--scale nhận province hoặc national, không phải "${v}"`);
      scale = v;
    } else throw new Error(`tùy chọn không hợp lệ "${a}" (unknown option)`);
  }
  return { runs, dir, syntheticMb, reports, scale, serve, loadSeconds, minutes };
}

export const command: Command = {
  summary: "đo tốc độ trích xuất, báo cáo và bảng điều hành (benchmarks: extraction, reports, dashboards)",
  usage: USAGE,
  async run(argv: string[]): Promise<number> {
    let args: ReturnType<typeof parseArgs>;
    try {
      args = parseArgs(argv);
    } catch (error) {
      process.stderr.write(`dtplan bench: ${(error as Error).message}\n${USAGE}\n`);
      return 2;
    }
    if (args.serve) {
      const { benchServe } = await import("./bench-serve.ts");
      await benchServe(Math.min(args.runs, 50), args.loadSeconds ?? 20, (line) =>
        process.stdout.write(`${line}\n`),
      );
      return 0;
    }
    if (args.scale) {
      // Loaded only here: the scale bench needs PostgreSQL 15 and the server's modules.
      const { benchScale } = await import("./bench-scale.ts");
      await benchScale(
        args.scale,
        // At most 100; the submissions are as many as the province's drafts allow (one each).
        Math.min(args.runs, 100),
        (line) => process.stdout.write(`${line}\n`),
        args.loadSeconds ?? 20,
        args.minutes,
      );
      return 0;
    }
    const dir = args.dir ?? findDevDir();
    if (!dir || !existsSync(dir)) {
      process.stderr.write(
        "dtplan bench: không tìm thấy thư mục kế hoạch mẫu, dùng --dir (dev plans not found)\n",
      );
      return 2;
    }
    // The dev plans and, beside them, the post-2025 layouts (tables, attribute lines).
    const layouts = path.join(path.dirname(dir), "dev-layouts");
    const sets = args.dir || !existsSync(layouts) ? [dir] : [dir, layouts];
    const namesIn = (d: string) =>
      readdirSync(d)
        .filter((f) => f.endsWith(".txt"))
        .map((f) => f.slice(0, -4))
        .sort();
    const names = namesIn(dir);

    const cpus = os.cpus();
    process.stdout.write(
      [
        "dtplan bench — read + extract, median of runs",
        `machine: ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM`,
        `node ${process.version} (${process.platform} ${process.arch}), runs per file: ${args.runs}`,
        `plans: ${sets.join(", ")}`,
        "",
      ].join("\n"),
    );

    const rows: string[][] = [
      ["set", "plan", "format", "KB", "median ms", "min ms", "max ms", "targets", "tasks"],
    ];
    const summary: string[][] = [["set", "format", "plans", "median of medians ms", "slowest median ms"]];
    for (const set of sets) {
      const setName = path.basename(set);
      const perFormat = new Map<DocumentFormat, number[]>();
      for (const name of namesIn(set)) {
        for (const format of FORMATS) {
          const file = path.join(set, `${name}.${format}`);
          if (!existsSync(file)) continue;
          const bytes = new Uint8Array(readFileSync(file));
          const once = async () =>
            extractPlan((await readPlanDocument({ bytes, fileName: `${name}.${format}` })).text);
          const plan = await once(); // warm-up: module loading and JIT are not what we measure
          const times = await timeRuns(args.runs, once);
          perFormat.set(format, [...(perFormat.get(format) ?? []), median(times)]);
          rows.push([
            setName,
            name,
            format,
            (bytes.length / 1024).toFixed(0),
            ms(median(times)),
            ms(Math.min(...times)),
            ms(Math.max(...times)),
            String(plan.targets.length),
            String(plan.tasks.length),
          ]);
        }
      }
      for (const [format, medians] of perFormat)
        summary.push([
          setName,
          format,
          String(medians.length),
          ms(median(medians)),
          ms(Math.max(...medians)),
        ]);
    }
    process.stdout.write(`${table(rows, new Set([3, 4, 5, 6, 7, 8]))}\n\n`);
    process.stdout.write(`${table(summary, new Set([2, 3, 4]))}\n\n`);

    // Synthetic large plan: the dev plans' sections repeated and renumbered.
    const texts = names.map((n) => readFileSync(path.join(dir, `${n}.txt`), "utf8").normalize("NFC"));
    // Sized in UTF-8 bytes (Vietnamese letters take 2–3), so ask for characters accordingly.
    const charsPerByte = texts.join("").length / Buffer.byteLength(texts.join(""), "utf8");
    const synthetic = buildSyntheticPlan(texts, Math.round(args.syntheticMb * 1024 * 1024 * charsPerByte));
    const bytes = new TextEncoder().encode(synthetic);
    const mb = bytes.length / (1024 * 1024);
    const once = async () => extractPlan((await readPlanDocument({ bytes, fileName: "synthetic.txt" })).text);
    const plan = await once();
    const runs = Math.max(3, Math.min(args.runs, 7));
    const times = await timeRuns(runs, once);
    const m = median(times);
    const synthRows = [
      ["synthetic plan", "MB", "runs", "median ms", "min ms", "max ms", "MB/s", "targets", "tasks"],
      [
        "txt, dev sections repeated",
        mb.toFixed(2),
        String(runs),
        ms(m),
        ms(Math.min(...times)),
        ms(Math.max(...times)),
        (mb / (m / 1000)).toFixed(2),
        String(plan.targets.length),
        String(plan.tasks.length),
      ],
    ];
    process.stdout.write(`${table(synthRows, new Set([1, 2, 3, 4, 5, 6, 7, 8]))}\n\n`);

    // Growth: the same shapes at 1× and 4× their length. Linear work gives a ratio
    // near 4, quadratic near 16 — measured here, never asserted in a test.
    const quarter = buildSyntheticPlan(texts, Math.round(synthetic.length / 4));
    const growthRows = [
      ["extraction growth (4× the input)", "small ms", "4× ms", "ratio", "linear ≈ 4, quadratic ≈ 16"],
    ];
    for (const [label, small, large] of [
      ["narrative plan, dev sections repeated", quarter, synthetic],
      ["tables of 100 → 400 rows", buildSyntheticTablePlan(100), buildSyntheticTablePlan(400)],
    ] as const) {
      extractPlan(small); // warm-up (JIT)
      const a = median(await timeRuns(5, async () => extractPlan(small)));
      const b = median(await timeRuns(3, async () => extractPlan(large)));
      growthRows.push([label, ms(a), ms(b), (b / Math.max(0.01, a)).toFixed(1), ""]);
    }
    process.stdout.write(`${table(growthRows, new Set([1, 2, 3]))}\n\n`);

    const extractionPeakMb = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(`peak RSS after extraction: ${extractionPeakMb.toFixed(0)} MB\n\n`);

    if (args.reports) {
      // Loaded only here: extraction above never pays for the server's modules. One
      // in-memory database for the API on the demo data, then the import beside it (a new
      // PGlite's initdb costs seconds).
      const { closeDatabase, migrateToLatest, openDatabase } = await import("@dtplan/server");
      const { benchReports } = await import("./bench-reports.ts");
      const { benchImport, importRows } = await import("./bench-import.ts");
      const db = await openDatabase({ kind: "pglite", dataDir: null });
      try {
        await migrateToLatest(db);
        const reportRows = await benchReports(db, Math.min(args.runs, 10), timeRuns);
        const out = [
          ["API on the demo data (chau-thanh-2025, 2025-Q2)", "KB", "runs", "median ms", "min ms", "max ms"],
        ];
        for (const r of reportRows) {
          out.push([
            r.what,
            (r.bytes / 1024).toFixed(0),
            String(r.runs),
            ms(median(r.times)),
            ms(Math.min(...r.times)),
            ms(Math.max(...r.times)),
          ]);
        }
        process.stdout.write(`${table(out, new Set([1, 2, 3, 4, 5]))}\n\n`);
        // Whether an import stalls other users: health checks during the synthetic plan's import.
        const rows = importRows(await benchImport(db, synthetic), median);
        process.stdout.write(`${table(rows, new Set([1, 2, 3, 4]))}\n\n`);
      } finally {
        await closeDatabase(db);
      }
    }
    const peakMb = process.resourceUsage().maxRSS / 1024;
    if (args.reports)
      process.stdout.write(`peak RSS with the embedded database and demo data: ${peakMb.toFixed(0)} MB\n`);
    return 0;
  },
};
