import { afterEach, describe, expect, it } from "vitest";
import { chooseLanguage } from "../i18n/i18n.tsx";
import { api } from "./client.ts";
import { forgetPlanProvinces, rememberPlanProvince, withPlanProvince } from "./plan-province.ts";

const PROVINCE_A = "0c8e6b1e-5a7c-4c38-9d0a-1f1f3b0a0001";
const PROVINCE_B = "0c8e6b1e-5a7c-4c38-9d0a-1f1f3b0a0002";

/** The headers of each call the client makes, answered with an empty 200. */
function recordCalls(): { url: string; headers: Record<string, string> }[] {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  globalThis.fetch = (async (url: string, init?: RequestInit) => {
    calls.push({ url, headers: { ...(init?.headers as Record<string, string>) } });
    return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  return calls;
}

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  chooseLanguage("vi");
  forgetPlanProvinces();
});

describe("the web API client", () => {
  it("asks for the server's messages in the language the user chose", async () => {
    const calls = recordCalls();
    await api.get("/plans");
    chooseLanguage("en");
    await api.post("/auth/login", { username: "a", password: "b" });
    expect(calls.map((c) => c.headers["accept-language"])).toEqual(["vi", "en"]);
  });

  it("names the province a plan was opened in on every call about that plan, and only then", async () => {
    const calls = recordCalls();
    rememberPlanProvince("kh-chuyen-doi-so-2025", PROVINCE_A);
    rememberPlanProvince("kh-khac", PROVINCE_B);
    await api.get("/plans/kh-chuyen-doi-so-2025");
    await api.get("/plans/kh-chuyen-doi-so-2025/periods/2025-Q1/reports/x");
    await api.get("/plans/kh-khac/dashboard", { period: "2025-Q1" });
    await api.get("/plans/chua-mo/budget");
    await api.get("/plans", { q: "kh-chuyen-doi-so-2025" });
    expect(calls.map((c) => [c.url, c.headers["x-dtplan-province"]])).toEqual([
      ["/api/plans/kh-chuyen-doi-so-2025", PROVINCE_A],
      ["/api/plans/kh-chuyen-doi-so-2025/periods/2025-Q1/reports/x", PROVINCE_A],
      ["/api/plans/kh-khac/dashboard?period=2025-Q1", PROVINCE_B],
      ["/api/plans/chua-mo/budget", undefined],
      ["/api/plans?q=kh-chuyen-doi-so-2025", undefined],
    ]);
  });

  it("follows the latest choice and forgets every choice on sign-out", async () => {
    const calls = recordCalls();
    rememberPlanProvince("kh", PROVINCE_A);
    rememberPlanProvince("kh", PROVINCE_B);
    await api.get("/plans/kh");
    forgetPlanProvinces();
    await api.get("/plans/kh");
    expect(calls.map((c) => c.headers["x-dtplan-province"])).toEqual([PROVINCE_B, undefined]);
  });

  it("puts the plan's province on its download links, which carry no headers", () => {
    rememberPlanProvince("kh", PROVINCE_A);
    expect(withPlanProvince("/api/plans/kh/periods/2025-Q1/consolidated.docx")).toBe(
      `/api/plans/kh/periods/2025-Q1/consolidated.docx?province=${PROVINCE_A}`,
    );
    expect(withPlanProvince("/api/plans/kh/exports/targets?format=csv")).toBe(
      `/api/plans/kh/exports/targets?format=csv&province=${PROVINCE_A}`,
    );
    expect(withPlanProvince("/api/plans/khac/exports/targets?format=csv")).toBe(
      "/api/plans/khac/exports/targets?format=csv",
    );
  });
});
