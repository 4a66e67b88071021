import { parseArgs } from "node:util";
import type { Command } from "../main.ts";

const usage = [
  'Usage: dtplan create-admin --username NAME --full-name "Họ và tên" --unit-code CODE --unit-name "Tỉnh …" --password-stdin',
  "",
  "Creates the first account of an installation without demo data: a superadministrator",
  "holding the administrator role on a new top-level unit (the province or city dtplan",
  "serves). Refused once a superadministrator exists. The password (at least 10",
  "characters) is read from the first line of standard input, never from the command line:",
  "",
  '  printf \'%s\\n\' "$PASSWORD" | dtplan create-admin --username quantri --full-name "Nguyễn Văn A" \\',
  '      --unit-code VLG --unit-name "Tỉnh Vĩnh Long" --password-stdin',
].join("\n");

async function readFirstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) {
    text += String(chunk);
    if (text.includes("\n")) break;
  }
  return text.split(/\r?\n/)[0] ?? "";
}

export const command: Command = {
  summary: "tạo quản trị viên đầu tiên — create the first administrator (no demo data)",
  usage,
  async run(argv) {
    let values: Record<string, string | boolean | undefined>;
    try {
      ({ values } = parseArgs({
        args: argv,
        options: {
          username: { type: "string" },
          "full-name": { type: "string" },
          "unit-code": { type: "string" },
          "unit-name": { type: "string" },
          "unit-kind": { type: "string" },
          "password-stdin": { type: "boolean" },
        },
        strict: true,
      }));
    } catch (error) {
      process.stderr.write(`dtplan create-admin: ${(error as Error).message}\n\n${usage}\n`);
      return 2;
    }
    const missing = ["username", "full-name", "unit-code", "unit-name"].filter((k) => !values[k]);
    if (missing.length || !values["password-stdin"]) {
      const what = [
        ...missing.map((m) => `--${m}`),
        ...(values["password-stdin"] ? [] : ["--password-stdin"]),
      ];
      process.stderr.write(`dtplan create-admin: thiếu ${what.join(", ")}\n\n${usage}\n`);
      return 2;
    }
    const password = await readFirstLine(process.stdin);
    const { closeDatabase, createFirstAdministrator, migrateToLatest, openDatabase, readConfig } =
      await import("@dtplan/server");
    const config = readConfig();
    const db = await openDatabase(config.database);
    try {
      await migrateToLatest(db);
      await createFirstAdministrator(db, {
        username: String(values.username),
        fullName: String(values["full-name"]),
        password,
        unit: {
          code: String(values["unit-code"]),
          name: String(values["unit-name"]),
          kind: values["unit-kind"] ? String(values["unit-kind"]) : undefined,
        },
      });
      process.stdout.write(
        `Đã tạo quản trị viên "${values.username}" cho ${values["unit-name"]}. Đăng nhập rồi tạo cơ cấu tổ chức và tài khoản.\n`,
      );
      return 0;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "conflict" || code === "validation_failed") {
        process.stderr.write(`dtplan create-admin: ${(error as Error).message}\n`);
        return 2;
      }
      throw error;
    } finally {
      await closeDatabase(db);
    }
  },
};
