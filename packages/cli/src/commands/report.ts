import type { Command } from "../main.ts";

// dtplan report — the consolidated report of a period (to come).
export const command: Command = {
  summary: "báo cáo tổng hợp của một kỳ (DOCX, XLSX, PDF) — the consolidated report",
  usage: "Usage: dtplan report --plan CODE --period KEY --format docx|xlsx|pdf --out FILE",
  async run() {
    process.stderr.write("dtplan report: chưa có (not yet available)\n");
    return 2;
  },
};
