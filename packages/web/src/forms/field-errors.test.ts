import { ZCreateOrgUnit } from "@dtplan/contracts/org.ts";
import { ZCreateUser } from "@dtplan/contracts/users.ts";
import { describe, expect, it } from "vitest";
import { issuesToFieldErrors, parseServerPath, serverDetailsToFieldErrors } from "./field-errors.ts";

describe("issuesToFieldErrors", () => {
  it("puts the contract's Vietnamese messages under the right fields", () => {
    const result = ZCreateOrgUnit.safeParse({ parentId: null, code: "mã có dấu", name: " ", kind: "" });
    expect(result.success).toBe(false);
    const { fields } = issuesToFieldErrors(result.error?.issues ?? []);
    const byName = Object.fromEntries(fields.map((f) => [f.name.join("."), f.errors]));
    expect(byName.code).toEqual(["Mã đơn vị chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang"]);
    expect(byName.name).toEqual(["Nhập tên đơn vị"]);
    expect(byName.kind?.[0]).toBe("Chọn loại đơn vị");
  });

  it("addresses nested list fields by index", () => {
    const result = ZCreateUser.safeParse({
      username: "nguyen.van.a",
      fullName: "Nguyễn Văn A",
      password: "mot-mat-khau-dai",
      grants: [{ unitId: "not-a-uuid", role: "leader" }],
    });
    const { fields } = issuesToFieldErrors(result.error?.issues ?? []);
    expect(fields.map((f) => f.name)).toEqual([["grants", 0, "unitId"]]);
  });

  it("returns path-less messages as whole-form errors", () => {
    const { fields, formErrors } = issuesToFieldErrors([{ path: [], message: "Không có thay đổi nào" }]);
    expect(fields).toEqual([]);
    expect(formErrors).toEqual(["Không có thay đổi nào"]);
  });
});

describe("parseServerPath", () => {
  it("reads the path notations a server may use", () => {
    expect(parseServerPath("name")).toEqual(["name"]);
    expect(parseServerPath("body.grants.0.unitId")).toEqual(["grants", 0, "unitId"]);
    expect(parseServerPath("/grants/0/unitId")).toEqual(["grants", 0, "unitId"]);
    expect(parseServerPath("grants[1].role")).toEqual(["grants", 1, "role"]);
  });

  it("maps server details to fields", () => {
    const { fields } = serverDetailsToFieldErrors([{ path: "code", message: "Mã đơn vị đã tồn tại" }]);
    expect(fields).toEqual([{ name: ["code"], errors: ["Mã đơn vị đã tồn tại"] }]);
  });
});
