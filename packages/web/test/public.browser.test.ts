/**
 * The public transparency page in a real browser with the demo data, without signing
 * in: the list of published plans, the Châu Thành 2025 plan on a desktop and on a
 * phone, and no demo person's name anywhere on the page. Screenshots go to
 * test-artifacts/public-page*.png.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_TENANTS } from "../../server/src/modules/demo/demo-data.ts";
import { screenshot, useDtplanInChromium } from "./browser.ts";

const PLAN = "chau-thanh-2025";
/** Every demo person's full name and username: none may appear on the public page. */
const PEOPLE = DEMO_TENANTS.flatMap((t) => t.users.flatMap((u) => [u.fullName, u.username]));

async function expectNoPeople(page: Page): Promise<void> {
  const text = await page.locator("body").innerText();
  for (const name of PEOPLE) expect(text, name).not.toContain(name);
}

describe("public transparency page in Chromium", () => {
  // A visitor whose system asks for no less motion: the animations most users see stay on.
  const app = useDtplanInChromium({ reducedMotion: "no-preference" });

  it("shows the published plans and a plan's targets and progress to a visitor who is not signed in", async () => {
    expect(PEOPLE).toContain("Nguyễn Thị Lan");
    const page = await app.context.newPage();
    page.setDefaultTimeout(15_000);

    // From the login page, the link officials' visitors follow.
    await page.goto(`${app.url}/login`);
    await page.getByTestId("public-link").waitFor();
    await screenshot(page, "public-login-link");
    await page.getByTestId("public-link").filter({ hasText: "Xem thông tin công khai" }).click();
    await page.getByRole("heading", { name: "Kế hoạch chuyển đổi số đã ban hành" }).waitFor();
    await page.getByText("Công khai kế hoạch chuyển đổi số").waitFor();
    // A province first: every province with published plans, as tiles with their counts.
    const provinces = page.getByTestId("public-province");
    await provinces.first().waitFor();
    for (const province of ["Tỉnh Vĩnh Long", "Tỉnh Đồng Tháp", "Tỉnh Quảng Ngãi"]) {
      expect(await provinces.filter({ hasText: province }).count(), province).toBe(1);
    }
    expect(await page.getByRole("link", { name: "Đăng nhập" }).count()).toBe(1);
    await expectNoPeople(page);
    await screenshot(page, "public-provinces", { fullPage: true });

    // Then its plans, a page at a time, and its issuing units to narrow them.
    await provinces.filter({ hasText: "Tỉnh Vĩnh Long" }).click();
    await page.waitForURL("**/cong-khai?tinh=vlg");
    const cards = page.getByTestId("public-plan-card");
    await cards.first().waitFor();
    expect(await cards.filter({ hasNotText: "Tỉnh Vĩnh Long" }).count()).toBe(0);
    await expect
      .poll(() => page.getByTestId("public-count").innerText())
      .toMatch(/^Tỉnh Vĩnh Long · \d+ kế hoạch$/);
    await screenshot(page, "public-list", { fullPage: true });

    // Search folds Vietnamese: "chau thanh" finds "Châu Thành", on the server.
    await page.getByLabel("Tìm theo tên kế hoạch, đơn vị, số văn bản").fill("chau thanh");
    await page.waitForURL("**/cong-khai?tinh=vlg&q=chau+thanh");
    await expect.poll(() => cards.count()).toBe(1);
    await cards.first().getByRole("link", { name: "Xem chi tiết" }).click();

    await page.waitForURL(`**/cong-khai/vlg/${PLAN}`);
    await page.getByTestId("public-plan-title").waitFor();
    await page.getByText("Tiến độ thực hiện nhiệm vụ theo trụ cột").waitFor();
    await page.getByTestId("public-pillar-targets").first().waitFor();
    expect(await page.getByText("Huyện Châu Thành").count()).toBeGreaterThan(0);
    // Demo Q1 is approved, Q2 only half: the figures come from Q2's approved reports or Q1.
    await page.getByText(/Kết quả chỉ tiêu lấy từ các báo cáo đã được duyệt của/).waitFor();
    // The targets' table loads with its own chunk after the page: wait for its first tag.
    await page.getByTestId("attainment-tag").first().waitFor();
    // A pillar opens onto its tasks: lead units (organisations), deadlines, status, progress.
    await page.getByTestId("public-pillar-row").first().click();
    await page.getByRole("columnheader", { name: "Đơn vị chủ trì" }).waitFor();
    await expectNoPeople(page);
    await screenshot(page, "public-page", { fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId("public-pillar-targets").first().waitFor();
    await expectNoPeople(page);
    await screenshot(page, "public-page-mobile");
    await page.getByTestId("public-pillar-targets").first().scrollIntoViewIfNeeded();
    await screenshot(page, "public-page-mobile-targets");

    // The list on a phone: the province's plans stack in one column, nothing wider than the screen.
    await page.goto(`${app.url}/cong-khai?tinh=vlg`);
    await cards.first().waitFor();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await screenshot(page, "public-list-mobile");
    await page.goto(`${app.url}/cong-khai/vlg/${PLAN}`);
    await page.getByTestId("public-pillar-targets").first().waitFor();

    // The language switch works without a session.
    await page.getByText("EN", { exact: true }).click();
    await page.getByText("Task progress by pillar").waitFor();
    await page.getByText("VI", { exact: true }).click();
    await page.getByText("Tiến độ thực hiện nhiệm vụ theo trụ cột").waitFor();
    await page.close();
  });
});
