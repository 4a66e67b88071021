import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { englishIssue, englishText, requestLang } from "./error-text.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "demo" ? [] : sources(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

// Messages written as one plain string where an error is made: `notFound("…")`,
// `forbidden("…")`, `new AppError(code, "…")`, a detail's `message: "…"`, and the
// messages of the shared zod schemas (`.min(3, "…")`, `z.email("…")`).
const THROWN = [
  /\b(?:notFound|forbidden|conflict)\(\s*"([^"]+)"/g,
  /new AppError\(\s*"\w+",\s*"([^"]+)"/g,
  /\bmessage: "([^"]+)"/g,
];
const SCHEMA = [
  /\.(?:min|max|length|regex|refine)\([^()]*(?:\([^()]*\)[^()]*)*,\s*"([^"]+)"\s*,?\s*\)/g,
  /z\.\w+\("([^"]+)"\)/g,
];

function messagesIn(files: string[], patterns: RegExp[]): string[] {
  const found = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.add(m[1]);
  }
  return [...found];
}

describe("server messages in English", () => {
  it("has English text for every plain message the server and the shared schemas write", () => {
    const server = messagesIn(sources(path.join(root, "packages/server/src")), THROWN);
    const schemas = messagesIn(sources(path.join(root, "packages/contracts/src")), [...THROWN, ...SCHEMA]);
    expect(server.length).toBeGreaterThan(80);
    expect(schemas.length).toBeGreaterThan(40);
    // A new message needs its English in i18n/errors.en.ts (or a pattern there, for one with values).
    const missing = [...server, ...schemas].filter((m) => englishText(m) === null);
    expect(missing).toEqual([]);
    expect(englishText("Không tìm thấy đơn vị cần chuyển công việc.")).not.toMatch(/^Unit /);
  });

  it("fills in the parts of a message written with values", () => {
    expect(englishText("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.")).toBe(
      "Too many failed sign-ins. Please try again in 15 minutes.",
    );
    expect(englishText("Dữ liệu gửi lên không hợp lệ — body.username: Tên đăng nhập tối thiểu 3 ký tự")).toBe(
      "The data sent is not valid — body.username: A username has at least 3 characters",
    );
    expect(
      englishText(
        "Hạng mục kinh phí này đã được Nguyễn Văn A lưu lúc 14:05 ngày 03/12/2026; hãy tải lại trước khi lưu.",
      ),
    ).toBe("This budget item was saved by Nguyễn Văn A at 14:05 on 03/12/2026; reload it before saving.");
    // A part without English leaves the whole message without it (the caller then uses the code's default).
    expect(englishText("Báo cáo chưa hợp lệ — một câu chưa dịch")).toBeNull();
  });

  it("turns zod's own Vietnamese into zod's English, keeps schema messages to the dictionary", () => {
    expect(
      englishIssue({
        keyword: "too_big",
        message: "Quá lớn: mong đợi number <=200",
        params: { origin: "number", maximum: 200, inclusive: true },
      }),
    ).toBe("Too big: expected number to be <=200");
    expect(englishIssue({ keyword: "custom", message: "Tử số không được lớn hơn mẫu số", params: {} })).toBe(
      "The numerator cannot be larger than the denominator",
    );
  });

  it("answers in English only when the caller's first choice is English", () => {
    const lang = (value?: string) => requestLang({ headers: value ? { "accept-language": value } : {} });
    expect(lang()).toBe("vi");
    expect(lang("vi")).toBe("vi");
    expect(lang("vi-VN,vi;q=0.9,en;q=0.8")).toBe("vi");
    expect(lang("en")).toBe("en");
    expect(lang("en-US,en;q=0.9,vi;q=0.8")).toBe("en");
    expect(lang("vi;q=0.5, en;q=0.9")).toBe("en");
    expect(lang("fr")).toBe("vi");
  });
});
