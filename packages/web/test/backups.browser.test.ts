/**
 * The superadministrator's backups page in a real browser, and the Content-Security-Policy
 * holding on the pages that use the most (antd's injected styles, ECharts): no violation
 * is reported. Screenshots: test-artifacts/backups-1366.png and backups-390.png.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot, signIn, useDtplanInChromium } from "./browser.ts";

/** Console messages and securitypolicyviolation events that name the CSP. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) seen.push(msg.text());
  });
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Refused to load (CSP ${e.violatedDirective}): ${e.blockedURI}`),
    );
  });
  return seen;
}

describe("backups page and CSP in Chromium", () => {
  const app = useDtplanInChromium({ viewport: { width: 1366, height: 860 } });

  it("lets the superadministrator back up now, see the backup listed and download it, with no CSP violation on the way", async () => {
    const page = await app.context.newPage();
    page.setDefaultTimeout(30_000);
    const violations = cspViolations(page);
    await signIn(page, app.url, "admin");
    const response = await page.goto(`${app.url}/dashboard/chau-thanh-2025`);
    expect(response?.headers()["content-security-policy"]).toContain("default-src 'self'");
    // The charts draw (ECharts under the policy); a failure says which violations came first.
    await page
      .getByTestId("chart-trend")
      .locator("svg")
      .first()
      .waitFor()
      .catch((error: Error) => {
        throw new Error(`${error.message}\nCSP: ${violations.join("\n")}`);
      });

    await page.getByRole("menuitem", { name: "Sao lưu" }).click();
    await page.waitForURL(/\/admin\/backups/);
    await page.getByText("Chưa có bản sao lưu nào.").waitFor();
    await page.getByRole("button", { name: "Sao lưu ngay" }).click();
    const row = page.locator(".ant-table-row").first();
    await row.waitFor({ timeout: 60_000 });
    await expect.poll(() => row.textContent()).toMatch(/bảng · [\d.]+ dòng · \d+ tệp minh chứng/);
    const link = row.getByRole("link", { name: /Tải về/ });
    expect(await link.getAttribute("href")).toMatch(
      /^\/api\/admin\/backups\/dtplan-backup-\d{8}T\d{6}Z\.tar$/,
    );
    const download = await page.request.get(`${app.url}${await link.getAttribute("href")}`);
    expect(download.status()).toBe(200);
    expect((await download.body()).subarray(257, 262).toString()).toBe("ustar");
    await screenshot(page, "backups-1366", { fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "backups-390", { fullPage: true });
    expect(violations).toEqual([]);
    await page.close();
  });

  it("does not offer backups to anyone but a superadministrator (a leader sees the change log, not backups)", async () => {
    const page = await app.context.newPage();
    await signIn(page, app.url, "vinhlong.lanhdao");
    await page.getByRole("menuitem", { name: "Nhật ký thay đổi" }).waitFor();
    expect(await page.getByRole("menuitem", { name: "Sao lưu" }).count()).toBe(0);
    await page.close();
  });
});
