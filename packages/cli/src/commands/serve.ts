import { setFlagsFromString } from "node:v8";
import type { Command } from "../main.ts";

function printAccounts(demo: {
  loaded: boolean;
  accounts: { username: string; fullName: string; role: string }[];
  password: string;
}): void {
  if (demo.accounts.length === 0) {
    process.stdout.write("Cơ sở dữ liệu đã có dữ liệu không phải dữ liệu mẫu; không nạp dữ liệu mẫu.\n");
    return;
  }
  const lines = [
    demo.loaded ? "Đã nạp dữ liệu mẫu (demo data loaded)." : "Dữ liệu mẫu đã có sẵn (demo data present).",
    `Tài khoản mẫu — mật khẩu chung: ${demo.password}`,
    ...demo.accounts.map((a) => `  ${a.username.padEnd(18)} ${a.fullName} — ${a.role}`),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

export const command: Command = {
  summary: "chạy máy chủ dtplan (ứng dụng web + API) — serve the app and API",
  usage: [
    "Usage: dtplan serve [--demo]",
    "",
    "Opens the database (PGlite under DTPLAN_DATA_DIR, or DATABASE_URL), applies the",
    "migrations, and serves the web app and the API on http://HOST:PORT",
    "(default http://127.0.0.1:3000).",
    "",
    "  --demo   load the demo provinces and accounts when the database is empty",
    "           and print the demo accounts (password: DTPLAN_DEMO_PASSWORD,",
    "           default dtplan-demo-2025)",
  ].join("\n"),
  async run(argv) {
    const unknown = argv.filter((a) => a !== "--demo");
    if (unknown.length) {
      process.stderr.write(`dtplan serve: tuỳ chọn không hợp lệ ${unknown.join(" ")}\n`);
      return 2;
    }
    const { hasAnyAccount, readConfig, startServer } = await import("@dtplan/server");
    const config = readConfig();
    if (config.database.kind === "pglite") {
      // The embedded database (PGlite's ~140 MB of WebAssembly memory) lives in this process
      // beside the JavaScript heap, which under load grew by 60–100 MB of young generation
      // and garbage not yet collected: V8 is told to favour size (a smaller young generation,
      // slower heap growth). `dtplan bench --serve` (demo, 50 connections, load average 10–14):
      // peak RSS 401–441 MB before, 298–344 MB after; the cached dashboard 177–288 requests/s.
      setFlagsFromString("--optimize-for-size");
    }
    const server = await startServer(config, { demo: argv.includes("--demo") });
    const where =
      config.database.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `PGlite ${config.database.dataDir}`;
    process.stdout.write(`dtplan đang chạy tại ${server.url}  (cơ sở dữ liệu: ${where})\n`);
    if (!config.webDist) {
      process.stdout.write("Chưa có bản dựng ứng dụng web (npm run build:web); chỉ phục vụ API tại /api.\n");
    }
    if (server.demo) printAccounts(server.demo);
    else if (!(await hasAnyAccount(server.db))) {
      process.stdout.write(
        "Chưa có tài khoản nào. Tạo quản trị viên đầu tiên: dtplan create-admin --help (hoặc chạy với --demo).\n",
      );
    }
    return new Promise<number>((resolve) => {
      const stop = (signal: string) => {
        process.stdout.write(`\nNhận ${signal}, đang dừng máy chủ…\n`);
        server.close().then(
          () => resolve(0),
          (error) => {
            process.stderr.write(
              `dtplan: lỗi khi dừng: ${error instanceof Error ? error.message : String(error)}\n`,
            );
            resolve(1);
          },
        );
      };
      process.once("SIGINT", () => stop("SIGINT"));
      process.once("SIGTERM", () => stop("SIGTERM"));
    });
  },
};
