import type { DemoStep } from "@dtplan/server";
import type { Command } from "../main.ts";

/** What `dtplan demo` says as each part of the load begins. */
const STEPS: Record<DemoStep, string> = {
  accounts: "tỉnh, đơn vị và tài khoản (provinces, units, accounts)",
  plans: "kế hoạch (plans)",
  reports: "báo cáo và minh chứng (reports, evidence)",
  dti: "đánh giá DTI (DTI assessments)",
};

export const command: Command = {
  summary: "nạp dữ liệu mẫu (ba tỉnh, đơn vị, tài khoản) — load the demo data",
  usage: [
    "Usage: dtplan demo",
    "",
    "Applies migrations, then loads the demo provinces (Vĩnh Long, Đồng Tháp, Quảng Ngãi),",
    "their units, merges and accounts into the configured database, and prints the",
    "accounts. Does nothing if the demo data is already there. The accounts' password is",
    "DTPLAN_DEMO_PASSWORD (default dtplan-demo-2025).",
  ].join("\n"),
  async run(argv) {
    if (argv.length) {
      process.stderr.write(`dtplan demo: tuỳ chọn không hợp lệ ${argv.join(" ")}\n`);
      return 2;
    }
    const { closeDatabase, createEvidenceStore, migrateToLatest, openDatabase, readConfig, seedDemo } =
      await import("@dtplan/server");
    const config = readConfig();
    const db = await openDatabase(config.database);
    try {
      await migrateToLatest(db);
      process.stdout.write(
        "Đang nạp dữ liệu mẫu (một giao dịch; nếu bị ngắt, lần chạy sau nạp lại từ đầu)…\n",
      );
      const { created, accounts } = await seedDemo(db, {
        password: config.demoPassword,
        evidence: createEvidenceStore(config.evidence.store),
        onStep: (step) => process.stdout.write(`  ${STEPS[step]}…\n`),
      });
      process.stdout.write(created ? "Đã nạp dữ liệu mẫu.\n" : "Dữ liệu mẫu đã có sẵn; không thay đổi gì.\n");
      process.stdout.write(`Tài khoản mẫu — mật khẩu chung: ${config.demoPassword}\n`);
      for (const a of accounts)
        process.stdout.write(`  ${a.username.padEnd(18)} ${a.fullName} — ${a.role}\n`);
      return 0;
    } finally {
      await closeDatabase(db);
    }
  },
};
