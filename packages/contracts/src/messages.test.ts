import { describe, expect, it } from "vitest";
import { z } from "zod";
import vi from "zod/v4/locales/vi.js";
import { ZLoginRequest } from "./auth.ts";
import { vietnameseIssue } from "./messages.ts";

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
});
