/**
 * The consolidated report in a real browser against the real server with the demo
 * data: the focal officer of Vĩnh Long opens "Báo cáo tổng hợp", chooses the province's plan and
 * its second quarter, checks the tables, edits the report's number and difficulties,
 * saves, and finds them kept after a reload. Screenshot: test-artifacts/consolidated-report.png.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot, signIn, useDtplanInChromium } from "./browser.ts";

const DIFFICULTIES = "Hạ tầng mạng tại các xã vùng sâu còn yếu; thiếu nhân lực chuyên trách.";

async function choose(page: Page, testId: string, option: RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator(".ant-select-item-option").filter({ hasText: option }).first().click();
}

describe("consolidated report in Chromium", () => {
  const app = useDtplanInChromium({ viewport: { width: 1600, height: 1000 } });

  it("the focal officer checks the Q2 figures, edits the text, saves, and it stays", async () => {
    const page = await app.context.newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, app.url, "vinhlong.daumoi");
    await page.getByRole("menuitem", { name: "Báo cáo tổng hợp" }).click();
    await page.getByRole("heading", { name: "Báo cáo tổng hợp" }).waitFor();

    // The plan is offered by its title and document number, not its code.
    await choose(page, "consolidated-plan", /Vĩnh Long năm 2026 \(285\/KH-UBND\)/);
    await choose(page, "consolidated-period", /Quý II năm 2026/);
    await page.waitForURL(/\/reports\/vinh-long-2026\/2026-Q2$/);
    const summary = page.getByTestId("consolidated-summary");
    await summary
      .getByText(/quý II năm 2026/)
      .first()
      .waitFor();
    // The tables come from the data: targets with attainment, tasks with their lead unit.
    await page
      .getByTestId("consolidated-targets")
      .getByText(/Đạt|Gần đạt|Chưa đạt/)
      .first()
      .waitFor();
    await page
      .getByTestId("consolidated-tasks")
      .getByText("Sở Khoa học và Công nghệ tỉnh Vĩnh Long")
      .first()
      .waitFor();
    for (const name of ["Tải Word (.docx)", "Tải Excel (.xlsx)", "Tải PDF"]) {
      const href = await page.getByRole("link", { name }).getAttribute("href");
      expect(href).toMatch(/^\/api\/plans\/vinh-long-2026\/periods\/2026-Q2\/consolidated\.(docx|xlsx|pdf)$/);
    }
    const docx = await page.request.get(
      `${app.url}/api/plans/vinh-long-2026/periods/2026-Q2/consolidated.docx`,
    );
    expect(docx.status()).toBe(200);

    const narrative = page.getByTestId("consolidated-narrative");
    await expect
      .poll(() => narrative.getByLabel("II. Khó khăn, vướng mắc").inputValue())
      .toContain("kinh phí");
    // A recipient line too long for the list: the error names the line, under the box.
    const recipients = narrative.getByLabel("Nơi nhận (mỗi dòng một nơi)");
    const kept = await recipients.inputValue();
    await recipients.fill(`UBND tỉnh Vĩnh Long (b/c)\n${"x".repeat(301)}`);
    await page.getByTestId("consolidated-save").click();
    await narrative.getByText("Dòng 2: Nơi nhận tối đa 300 ký tự").waitFor();
    await recipients.fill(kept);
    await narrative.getByLabel("Số văn bản").fill("125");
    await narrative.getByLabel("II. Khó khăn, vướng mắc").fill(DIFFICULTIES);
    await page.getByTestId("consolidated-save").click();
    await page.getByText("Đã lưu nội dung báo cáo tổng hợp").waitFor();
    await page
      .getByTestId("consolidated-saved-status")
      .getByText(/Đã lưu lúc .* bởi/)
      .waitFor();

    await page.reload();
    await expect.poll(() => narrative.getByLabel("II. Khó khăn, vướng mắc").inputValue()).toBe(DIFFICULTIES);
    expect(await narrative.getByLabel("Số văn bản").inputValue()).toBe("125");
    await screenshot(page, "consolidated-report");
  }, 120_000);

  it("in English, names the period and attainment in English, and each target and task row opens its panel", async () => {
    const page = await app.context.newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, app.url, "vinhlong.daumoi");
    await page.evaluate(() => localStorage.setItem("dtplan.lang", "en"));
    await page.goto(`${app.url}/reports/vinh-long-2026/2026-Q2`);
    await page.getByTestId("consolidated-summary").getByText("Q2 2026").first().waitFor();
    const targets = page.getByTestId("consolidated-targets");
    await targets
      .getByText(/^(Achieved|Nearly achieved|Not achieved)$/)
      .first()
      .waitFor();
    await targets.locator("tr.ant-table-row").first().click();
    const targetPanel = page.getByTestId("target-drawer");
    await targetPanel.getByText("Result for Q2 2026").waitFor();
    await targetPanel.getByText("Figures by unit").waitFor();
    await screenshot(page, "consolidated-target-panel-en");
    await page.keyboard.press("Escape");
    await targetPanel.waitFor({ state: "hidden" });
    // A task row opens the one task panel, directions counted with the comments.
    await page.getByTestId("consolidated-tasks").locator("tr.ant-table-row").first().click();
    await page
      .getByTestId("task-drawer")
      .getByRole("tab", { name: /^Comments \(\d+\)$/ })
      .waitFor();
    // The home page's to-do names its reports' periods in English too.
    await page.goto(`${app.url}/`);
    await page
      .getByTestId("todo-link")
      .filter({ hasText: /^Q\d \d{4} — / })
      .first()
      .waitFor();
    await page.close();
  }, 60_000);
});
