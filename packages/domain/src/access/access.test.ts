import { describe, expect, it } from "vitest";
import { grantRoots, isAllowed, wholeProvinces } from "./access.ts";

describe("isAllowed", () => {
  const path = ["commune-1", "district-1", "province-1"];

  it("lets a role granted on an ancestor act on the unit below it", () => {
    expect(isAllowed([{ unitId: "province-1", role: "administrator" }], "org.manage", path)).toBe(true);
  });

  it("refuses a role granted on a sibling unit", () => {
    expect(isAllowed([{ unitId: "commune-2", role: "administrator" }], "org.read", path)).toBe(false);
  });

  it("refuses a permission the role does not carry, even on the right unit", () => {
    expect(isAllowed([{ unitId: "commune-1", role: "unit_reporter" }], "users.manage", path)).toBe(false);
    expect(isAllowed([{ unitId: "commune-1", role: "unit_reporter" }], "reports.submit", path)).toBe(true);
  });

  it("lists each unit a permission reaches down from once", () => {
    const grants = [
      { unitId: "a", role: "leader" as const },
      { unitId: "a", role: "focal_officer" as const },
      { unitId: "b", role: "unit_reporter" as const },
    ];
    expect(grantRoots(grants, "reports.review")).toEqual(["a"]);
  });
});

describe("wholeProvinces", () => {
  it("offers the whole province only to a role that reads figures on the province's own top unit", () => {
    const grants = [
      { unitId: "province-1", tenantId: "province-1", role: "province_viewer" as const },
      { unitId: "province-2", tenantId: "province-2", role: "unit_reporter" as const },
      { unitId: "commune-3", tenantId: "province-3", role: "leader" as const },
    ];
    expect([...wholeProvinces(grants, "dashboard.read")]).toEqual(["province-1"]);
  });
});
