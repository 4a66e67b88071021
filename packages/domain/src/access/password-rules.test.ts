import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-rules.ts";

const COMMON = new Set(["1234567890", "password1234", "qwertyuiop12"]);
const isCommon = (p: string) => COMMON.has(p);

describe("password rules", () => {
  it("refuses short, repetitive, common passwords and the username", () => {
    expect(passwordProblem("dtplan-demo", "admin", isCommon)?.vi).toMatch(/tối thiểu 12/);
    expect(passwordProblem("          ab", "admin", isCommon)?.vi).toMatch(/đơn giản/);
    expect(passwordProblem("            ", "admin", isCommon)?.vi).toMatch(/đơn giản/);
    expect(passwordProblem("121212121212", "admin", isCommon)?.vi).toMatch(/đơn giản/);
    expect(passwordProblem("Password1234", "admin", isCommon)?.vi).toMatch(/phổ biến/);
    expect(passwordProblem("chauthanh.daumoi", "ChauThanh.DauMoi", isCommon)?.vi).toMatch(/tên đăng nhập/);
    expect(passwordProblem("x".repeat(201), "admin", isCommon)?.vi).toMatch(/tối đa 200/);
  });

  it("accepts a long passphrase, counting characters rather than UTF-16 units", () => {
    expect(passwordProblem("dtplan-demo-2025", "admin", isCommon)).toBeNull();
    expect(passwordProblem("mùa xuân về", "admin", isCommon)?.vi).toMatch(/tối thiểu 12/);
    expect(passwordProblem("mùa xuân về rồi", "admin", isCommon)).toBeNull();
  });
});
