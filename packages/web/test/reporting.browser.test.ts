/**
 * Reporting in a real browser against the real server with the demo data: the
 * reporter of Sở Nội vụ (Vĩnh Long's 2026 plan) fills the quarterly report
 * and submits; the focal officer returns it with a comment; the reporter reads the
 * comment, fixes and resubmits; the officer approves; the chase screen shows the
 * unit approved. Screenshots go to test-artifacts/reporting-*.png.
 */
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { screenshot, signIn, skipAutosaveDelay, useDtplanInChromium } from "./browser.ts";

const PLAN = "vinh-long-2026";
const PERIOD_LABEL = "Báo cáo đột xuất 6 tháng đầu năm 2026";
const RETURN_COMMENT = "Đề nghị bổ sung số liệu hồ sơ trực tuyến và nêu rõ kết quả nhiệm vụ.";

/** Types into an antd InputNumber, replacing what it held, and leaves the field. */
async function typeNumber(input: Locator, value: string): Promise<void> {
  await input.click();
  await input.press("ControlOrMeta+a");
  await input.fill(value);
  await input.press("Tab");
}

async function waitSaved(page: Page): Promise<void> {
  await skipAutosaveDelay(page);
  await page
    .getByTestId("save-status")
    .filter({ hasText: /Đã lưu lúc \d{2}:\d{2}/ })
    .waitFor({ timeout: 15_000 });
}

/** Fills every required figure of the form so it can be submitted. */
async function fillRequired(page: Page): Promise<void> {
  const tasks = page.getByTestId("report-task");
  for (let i = 0; i < (await tasks.count()); i++) {
    const progress = tasks.nth(i).getByLabel("Tiến độ (%)", { exact: true });
    if ((await progress.count()) > 0 && (await progress.inputValue()) === "")
      await typeNumber(progress, "50");
  }
  const values = page.getByTestId("report-value");
  for (let i = 0; i < (await values.count()); i++) {
    const row = values.nth(i);
    for (const [label, figure] of [
      ["Mẫu số", "40"],
      ["Tử số", "30"],
      ["Số liệu", "1"],
    ] as const) {
      const input = row.getByLabel(label, { exact: true });
      if ((await input.count()) > 0 && (await input.inputValue()) === "") await typeNumber(input, figure);
    }
    const yes = row.getByRole("radio", { name: "Có" });
    if ((await yes.count()) > 0 && !(await yes.isChecked())) await yes.check();
  }
}

describe("reporting in Chromium", () => {
  const app = useDtplanInChromium({ controlledClock: true });

  beforeAll(async () => {
    await app.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
  });

  it("a unit's quarterly report goes draft → submitted → returned → resubmitted → approved", async () => {
    const page = await app.context.newPage();
    page.setDefaultTimeout(15_000);

    // Việc của tôi: the reporter opens a task and records progress from its drawer.
    await signIn(page, app.url, "vinhlong.sonv");
    await page.getByRole("menuitem", { name: "Nhiệm vụ của tôi" }).click();
    const myTable = page.getByTestId("my-tasks-table");
    await myTable
      .locator("tr")
      .filter({ hasText: "Chủ trì" })
      .first()
      .getByRole("button", { name: "Chi tiết" })
      .click();
    const drawer = page.getByTestId("task-drawer");
    await drawer.getByText("Chi tiết nhiệm vụ").waitFor();
    const taskProgress = drawer.getByLabel("Tiến độ mới (%)");
    await typeNumber(taskProgress, "35");
    await drawer.getByLabel("Kết quả thực hiện, ghi chú").fill("Đã họp triển khai với các đơn vị.");
    await drawer.getByRole("button", { name: "Lưu tiến độ" }).click();
    await drawer.getByText("Đã họp triển khai với các đơn vị.").first().waitFor();
    await screenshot(page, "reporting-00-task-drawer");
    await drawer
      .getByRole("button", { name: "Close" })
      .or(drawer.getByRole("button", { name: "Đóng" }))
      .first()
      .click();

    // The demo leaves the province's quarters reported (Q1, Q2 approved or awaiting review,
    // Q3 in), so the focal officer opens an ad hoc period over the first half year, due in
    // ten days.
    await page.getByRole("menuitem", { name: "Kỳ báo cáo" }).click();
    await page.waitForURL(/\/periods/);
    await page.goto(`${app.url}/periods?plan=${PLAN}`);
    await page
      .getByTestId("periods-table")
      .getByText(/Quý I năm 2026/)
      .first()
      .waitFor();
    await screenshot(page, "reporting-01-periods-reporter");

    await signIn(page, app.url, "vinhlong.daumoi", { at: `/periods?plan=${PLAN}` });
    await page.getByRole("button", { name: "Mở kỳ báo cáo đột xuất" }).click();
    const periodDialog = page.getByTestId("period-modal");
    await periodDialog.getByLabel("Tên kỳ báo cáo").fill(PERIOD_LABEL);
    const due = new Date(Date.now() + 10 * 86_400_000);
    const dueText = `${String(due.getDate()).padStart(2, "0")}/${String(due.getMonth() + 1).padStart(2, "0")}/${due.getFullYear()}`;
    for (const [label, text] of [
      ["Số liệu từ ngày", "01/01/2026"],
      ["Đến ngày", "30/06/2026"],
      ["Hạn nộp báo cáo", dueText],
    ] as const) {
      const input = periodDialog.getByLabel(label);
      await input.click();
      await input.fill(text);
      await input.press("Enter");
    }
    await screenshot(page, "reporting-01b-adhoc-period");
    await periodDialog.getByRole("button", { name: "Lưu" }).click();
    await page.getByTestId("periods-table").getByText(PERIOD_LABEL).waitFor();

    // The reporter opens the unit's report for that period.
    await signIn(page, app.url, "vinhlong.sonv", { at: `/periods?plan=${PLAN}` });
    const openRow = page.getByTestId("periods-table").locator("tr").filter({ hasText: PERIOD_LABEL });
    await openRow.getByTestId("open-my-report").click();
    await page.waitForURL(/\/periods\/[^/]+\/[^/]+\/units\/[0-9a-f-]+$/);
    const reportUrl = page.url();
    const periodKey = reportUrl.split("/")[5];
    await page.getByTestId("report-page").waitFor();
    await page.getByRole("heading", { name: /Báo cáo của đơn vị: Sở Nội vụ tỉnh Vĩnh Long/ }).waitFor();

    // Wrong figures are explained under the field and never saved.
    const firstTask = page
      .getByTestId("report-task")
      .filter({ has: page.getByLabel("Tiến độ (%)", { exact: true }) })
      .first();
    const progress = firstTask.getByLabel("Tiến độ (%)", { exact: true });
    await typeNumber(progress, "150");
    await firstTask.getByText("Tiến độ phải từ 0 đến 100%").waitFor();
    const ratio = page
      .getByTestId("report-value")
      .filter({ has: page.getByLabel("Tử số", { exact: true }) })
      .first();
    const hasRatio = (await ratio.count()) > 0;
    if (hasRatio) {
      await typeNumber(ratio.getByLabel("Mẫu số", { exact: true }), "60");
      await typeNumber(ratio.getByLabel("Tử số", { exact: true }), "70");
      await ratio.getByText("Tử số không được lớn hơn mẫu số").waitFor();
    }
    await screenshot(page, "reporting-02-validation");

    // Right figures autosave.
    await typeNumber(progress, "60");
    await firstTask
      .getByLabel("Kết quả thực hiện")
      .fill("Đã trình ban hành bộ tiêu chí chuyển đổi số năm 2026.");
    if (hasRatio) {
      await typeNumber(ratio.getByLabel("Tử số", { exact: true }), "45");
      await ratio.getByTestId("computed-ratio").filter({ hasText: "75%" }).waitFor();
    }
    await waitSaved(page);
    await fillRequired(page);
    await page.getByLabel("Khó khăn, vướng mắc").fill("Thiếu cán bộ chuyên trách công nghệ thông tin.");
    await waitSaved(page);
    await screenshot(page, "reporting-03-form-saved");

    // The draft survives a reload (it was saved, not only shown).
    await page.reload();
    await page.getByTestId("report-page").waitFor();
    expect(
      await page.getByTestId("report-task").first().getByLabel("Tiến độ (%)", { exact: true }).inputValue(),
    ).toBe("60");

    // Submit, with confirmation.
    await page.getByRole("button", { name: "Nộp báo cáo" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Nộp báo cáo" }).click();
    await page.getByTestId("report-status").filter({ hasText: "Đã nộp, chờ duyệt" }).waitFor();
    await screenshot(page, "reporting-04-submitted");

    // The focal officer chases the period, opens the unit's report and returns it with a comment.
    await signIn(page, app.url, "vinhlong.daumoi", { at: `/periods/${PLAN}/${periodKey}` });
    const chase = page.getByTestId("chase-table");
    const unitRow = chase.locator("tr").filter({ hasText: "Sở Nội vụ tỉnh Vĩnh Long" }).first();
    await unitRow.getByText("Đã nộp, chờ duyệt").waitFor();
    await page.getByText(/^Chờ duyệt/).click();
    await screenshot(page, "reporting-05-chase");
    await page.getByRole("button", { name: /Sao chép nội dung nhắc nộp/ }).click();
    await page.getByTestId("reminder-text").waitFor();
    await page.getByText(/^Tất cả/).click();
    await unitRow.getByRole("button", { name: "Xem báo cáo" }).click();
    await page.getByTestId("report-page").waitFor();
    await page.getByRole("button", { name: "Trả lại" }).click();
    const returnDialog = page.getByRole("dialog").filter({ hasText: "Trả lại báo cáo cho đơn vị" });
    await returnDialog.getByRole("button", { name: "Trả lại" }).click();
    await returnDialog.getByText("Nhập lý do trả lại báo cáo").waitFor();
    await returnDialog.getByRole("textbox").fill(RETURN_COMMENT);
    await screenshot(page, "reporting-06-return");
    await returnDialog.getByRole("button", { name: "Trả lại" }).click();
    await page.getByTestId("report-status").filter({ hasText: "Bị trả lại" }).waitFor();

    // The reporter sees why, fixes, resubmits.
    await signIn(page, app.url, "vinhlong.sonv", { at: new URL(reportUrl).pathname });
    await page.getByTestId("return-comment").filter({ hasText: RETURN_COMMENT }).waitFor();
    await screenshot(page, "reporting-07-returned-reporter");
    const again = page.getByTestId("report-task").first().getByLabel("Tiến độ (%)", { exact: true });
    await typeNumber(again, "80");
    await waitSaved(page);
    await page.getByRole("button", { name: "Nộp báo cáo" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Nộp báo cáo" }).click();
    await page.getByTestId("report-status").filter({ hasText: "Đã nộp, chờ duyệt" }).waitFor();

    // The officer approves: the report locks; the chase screen shows the unit approved.
    await signIn(page, app.url, "vinhlong.daumoi", { at: new URL(reportUrl).pathname });
    await page.getByRole("button", { name: "Phê duyệt" }).click();
    // The server's answer to the approval is checked itself, so a refusal says why rather than
    // only that the locked banner never came (one clean-clone run met that once).
    const approval = page.waitForResponse(
      (r) => r.request().method() === "POST" && r.url().endsWith("/approve"),
    );
    await page.getByRole("dialog").getByRole("button", { name: "Phê duyệt" }).click();
    const answer = await approval;
    expect(answer.status(), await answer.text()).toBe(200);
    await page.getByTestId("report-locked").waitFor();
    await page.getByTestId("report-history").getByText(RETURN_COMMENT).first().waitFor();
    await screenshot(page, "reporting-08-approved", { fullPage: true });
    await page.goto(`${app.url}/periods/${PLAN}/${periodKey}`);
    await chase
      .locator("tr")
      .filter({ hasText: "Sở Nội vụ tỉnh Vĩnh Long" })
      .first()
      .getByText("Đã duyệt")
      .waitFor();
    await screenshot(page, "reporting-09-chase-approved");

    // Nhập thay: a unit without a reporting account — the officer opens its form and is told whose report it fills.
    const enter = chase.getByRole("button", { name: "Nhập thay" }).first();
    await enter.click();
    await page.getByTestId("report-on-behalf-editing").waitFor();
    await screenshot(page, "reporting-09b-on-behalf");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId("report-on-behalf-editing").scrollIntoViewIfNeeded();
    await screenshot(page, "reporting-09c-on-behalf-390");
    await page.setViewportSize({ width: 1440, height: 900 });

    // The periods page counts it, with the attainment of the plan's targets below.
    await page.goto(`${app.url}/periods?plan=${PLAN}`);
    await page.getByTestId("attainment").waitFor();
    await screenshot(page, "reporting-10-periods-officer", { fullPage: true });
  }, 240_000);
});
