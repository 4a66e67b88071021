import { describe, expect, it } from "vitest";
import { auditSubject, diffAudit, formatAuditValue, type ValueContext } from "./audit-diff.ts";

const UNIT_A = "11111111-1111-4111-8111-111111111111";
const UNIT_B = "22222222-2222-4222-8222-222222222222";
const ctx: ValueContext = {
  lang: "vi",
  names: new Map([
    [UNIT_A, "Tỉnh Đồng Tháp"],
    [UNIT_B, "Xã An Bình"],
  ]),
  yes: "Có",
  no: "Không",
};

describe("diffAudit", () => {
  it("lists only the fields that changed", () => {
    const { shape, changes } = diffAudit(
      { name: "Phòng Văn hóa", code: "VH", validTo: null },
      { name: "Phòng Văn hóa và Thông tin", code: "VH", validTo: null },
    );
    expect(shape).toBe("changed");
    expect(changes).toEqual([
      { field: "name", before: "Phòng Văn hóa", after: "Phòng Văn hóa và Thông tin" },
    ]);
  });

  it("shows what a creation set, skipping empty fields", () => {
    const { shape, changes } = diffAudit(null, { name: "Xã Mới", shortName: null });
    expect(shape).toBe("created");
    expect(changes.map((c) => c.field)).toEqual(["name"]);
  });

  it("recognises events without data", () => {
    expect(diffAudit(null, null).shape).toBe("event");
  });
});

describe("formatAuditValue", () => {
  it("shows dates as dd/mm/yyyy and ids as unit names", () => {
    expect(formatAuditValue("validTo", "2025-06-30", ctx)).toBe("30/06/2025");
    expect(formatAuditValue("parentId", UNIT_B, ctx)).toBe("Xã An Bình");
  });

  it("labels unit kinds, roles and grants in Vietnamese", () => {
    expect(formatAuditValue("kind", "commune", ctx)).toBe("Xã");
    expect(formatAuditValue("grants", [{ unitId: UNIT_A, role: "leader" }], ctx)).toBe(
      "Lãnh đạo — Tỉnh Đồng Tháp",
    );
  });

  it("labels the fields of nested objects", () => {
    const label = (f: string) =>
      ({ effectiveDate: "Ngày hiệu lực", sourceIds: "Đơn vị được sáp nhập" })[f] ?? f;
    expect(
      formatAuditValue("merge", { sourceIds: [UNIT_B], effectiveDate: "2027-01-01" }, { ...ctx, label }),
    ).toBe("Đơn vị được sáp nhập: Xã An Bình; Ngày hiệu lực: 01/01/2027");
  });

  it("writes booleans and missing values plainly", () => {
    expect(formatAuditValue("active", false, ctx)).toBe("Không");
    expect(formatAuditValue("validTo", null, ctx)).toBe("—");
  });
});

describe("auditSubject", () => {
  it("names the unit or user an entry is about", () => {
    expect(auditSubject({ name: "Cũ" }, { name: "Mới" })).toBe("Mới");
    expect(auditSubject({ fullName: "Nguyễn Văn A" }, null)).toBe("Nguyễn Văn A");
    expect(auditSubject(null, { ip: "127.0.0.1" })).toBeNull();
  });
});
