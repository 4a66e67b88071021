import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import vi from "zod/v4/locales/vi.js";
import { ZLoginRequest } from "./auth.ts";
import { schemaMessageEnglish } from "./messages.en.ts";
import { FIELD_LABELS, fieldIssue, vietnameseIssue } from "./messages.ts";

z.config(vi());
z.config({ customError: vietnameseIssue });

describe("validation messages", () => {
  it("names the fields of an empty sign-in in Vietnamese", () => {
    const issues = ZLoginRequest.safeParse({}).error?.issues ?? [];
    expect(issues.map((i) => i.message)).toEqual(["Nhập tên đăng nhập", "Nhập mật khẩu"]);
  });

  it("never shows “Invalid UUID”: a unit not chosen from the list says so", () => {
    const schema = z.object({ grants: z.array(z.object({ unitId: z.uuid(), role: z.enum(["leader"]) })) });
    const issues = schema.safeParse({ grants: [{ unitId: "abc", role: "x" }] }).error?.issues ?? [];
    expect(issues.map((i) => i.message)).toEqual([
      "Chưa chọn đơn vị hợp lệ: hãy chọn lại từ danh sách",
      "Vai trò: hãy chọn một giá trị trong danh sách",
    ]);
    for (const issue of issues) expect(issue.message).not.toMatch(/invalid|uuid/i);
  });

  it("keeps a message written in the schema", () => {
    const schema = z.object({ code: z.string().regex(/^[a-z]+$/, "Mã chỉ gồm chữ không dấu") });
    expect(schema.safeParse({ code: "Ả" }).error?.issues[0].message).toBe("Mã chỉ gồm chữ không dấu");
  });

  it("names in words every field a form or request of the shared schemas asks for", async () => {
    const contracts = await import("./index.ts");
    const { FIELD_LABELS } = await import("./messages.ts");
    // Keys no person types (item ids, positions, the shape of a bulk request): never shown as a field.
    const technical = new Set([
      "type",
      "ids",
      "at",
      "id",
      "afterId",
      "columns",
      "preview",
      "items",
      "action",
      "key",
      // Lists whose own fields are named (a report's tasks and values, a plan's target links).
      "tasks",
      "values",
      "links",
      "lastUpdateId",
    ]);
    const asked = /^Z(Create|Update|Set|Amend|Save|Open|Adjust|Login|Change|Reset|Merge|Split|Remap|Confirm)/;
    const missing: string[] = [];
    for (const [name, schema] of Object.entries(contracts)) {
      if (!asked.test(name) || /Result$|Preview$/.test(name)) continue;
      const def = (schema as { shape?: object; _zod?: { def?: { in?: { shape?: object } } } }) ?? {};
      const shape = def.shape ?? def._zod?.def?.in?.shape;
      for (const key of Object.keys(shape ?? {})) {
        if (!FIELD_LABELS[key] && !technical.has(key)) missing.push(`${name}.${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("says the same in English for a person reading in English, field by field", () => {
    const issues = ZLoginRequest.safeParse({}).error?.issues ?? [];
    const english = (issue: (typeof issues)[number]) =>
      fieldIssue({ ...issue, input: undefined } as never, "en");
    expect(issues.map(english)).toEqual(["Enter the username", "Enter the password"]);
    // Every field sentence the server writes in Vietnamese reads back as the English one.
    const kinds = [
      { code: "invalid_type", expected: "string", input: undefined },
      { code: "invalid_type", expected: "number", input: "x" },
      { code: "invalid_format", format: "uuid", input: "x" },
      { code: "invalid_format", format: "email", input: "x" },
      { code: "invalid_format", format: "date", input: "x" },
      { code: "invalid_format", format: "regex", input: "x" },
      { code: "too_small", origin: "string", minimum: 1, input: "" },
      { code: "invalid_value", values: ["a"], input: "x" },
    ];
    const wrong: string[] = [];
    for (const key of [...Object.keys(FIELD_LABELS), "khongCoTen"])
      for (const kind of kinds) {
        const issue = { ...kind, path: ["body", key], message: "" } as never;
        const [inVi, inEn] = [fieldIssue(issue, "vi"), fieldIssue(issue, "en")];
        if (inVi === undefined) continue;
        if (schemaMessageEnglish(inVi) !== inEn)
          wrong.push(`${inVi} → ${schemaMessageEnglish(inVi)} ≠ ${inEn}`);
      }
    expect(wrong).toEqual([]);
  });

  it("has English for every message a shared schema writes", () => {
    const dir = import.meta.dirname;
    const written = new Set<string>();
    const patterns = [
      /\bmessage: "([^"]+)"/g,
      /\.(?:min|max|length|regex|refine|int)\([^()]*(?:\([^()]*\)[^()]*)*,\s*"([^"]+)"\s*,?\s*\)/g,
      /\.int\("([^"]+)"\)/g,
      /z\.\w+\("([^"]+)"\)/g,
      /longText\("([^"]+)"\)/g,
    ];
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
      if (file === "messages.en.ts") continue;
      const text = readFileSync(path.join(dir, file), "utf8");
      for (const pattern of patterns) for (const m of text.matchAll(pattern)) written.add(m[1]);
    }
    const vietnamese = [...written].filter((m) => /[ạảãàáâậầấẩẫăắằặẳẵêếềệểễôốồộổỗơớờợởỡưứừựửữđ]/i.test(m));
    expect(vietnamese.length).toBeGreaterThan(60);
    expect(vietnamese.filter((m) => schemaMessageEnglish(m) === null)).toEqual([]);
    expect(schemaMessageEnglish("Mật khẩu tối thiểu 12 ký tự")).toBe("A password has at least 12 characters");
    expect(schemaMessageEnglish("Đoạn mở đầu tối đa 20.000 ký tự")).toBe(
      "The opening is at most 20,000 characters",
    );
  });
});
