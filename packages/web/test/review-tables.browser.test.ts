/**
 * The review screen with a plan whose tasks are in a table (Gia Lai 2026, appendix task
 * table): the table shows as a table in the source pane, a task's row is highlighted when
 * the task is selected, and remapping a column once makes every row follow.
 * Screenshots at 1366 and 390 px go to test-artifacts/review-tables-*.png.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, screenshot, signIn, useDtplanInChromium } from "./browser.ts";

const PLAN_FILE = path.resolve(REPO_ROOT, "fixtures/plan-extract/dev-layouts/gia-lai-2026.docx");
const ROW_TASK = "Sản xuất, phát sóng chuyên mục";
const ROW_LEAD = "Báo và Phát thanh, Truyền hình Gia Lai";

let workDir: string;

describe("review of a plan with a task table, in Chromium", () => {
  const app = useDtplanInChromium({ viewport: { width: 1366, height: 768 } });

  beforeAll(() => {
    workDir = mkdtempSync(path.join(tmpdir(), "dtplan-review-tables-"));
    copyFileSync(PLAN_FILE, path.join(workDir, "gia-lai-2026.docx"));
  });
  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("highlights a task's table row and follows a remapped column in every row", async () => {
    const page = await app.context.newPage();
    await signIn(page, app.url, "vinhlong.daumoi");
    await page.getByRole("menuitem", { name: "Kế hoạch" }).click();
    await page.waitForURL(/\/plans$/);
    await page.getByRole("button", { name: "Nhập kế hoạch" }).click();
    const importDialog = page.getByTestId("import-modal");
    await importDialog.locator("input[type=file]").setInputFiles(path.join(workDir, "gia-lai-2026.docx"));
    await importDialog.getByText("gia-lai-2026.docx").waitFor();
    await page.getByRole("button", { name: "Tải lên và trích xuất" }).click();
    await page.waitForURL(/\/plans\/[a-z0-9-]+\/review$/, { timeout: 60_000 });
    await page.getByTestId("review-page").waitFor();

    // The appendix task table is a table in the source pane, its columns with their roles.
    const table = page.getByTestId("source-table-tbl-1");
    await table.waitFor();
    expect(await table.locator("tbody tr").count()).toBeGreaterThan(20);
    const leadColumn = page.getByTestId("column-role-tbl-1-3");
    await expect.poll(() => leadColumn.textContent()).toContain("Đơn vị chủ trì");

    // Selecting a task read from the table highlights its row, and the task cell in it.
    const card = page.getByTestId("review-item-task").filter({ hasText: ROW_TASK });
    await card.click();
    const row = page.getByTestId("source-row-highlight");
    await row.waitFor();
    expect(await row.textContent()).toContain("52 chương trình/năm");
    expect(await row.getByTestId("source-highlight").textContent()).toContain(ROW_TASK);
    expect(await card.textContent()).toContain(`Theo văn bản: “${ROW_LEAD}”`);
    // The source pane brought the row into view by itself.
    const rowInPane = () =>
      row.evaluate((el) => {
        const pane = el.closest(".dt-source")?.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return Boolean(pane && r.top >= pane.top && r.top < pane.bottom);
      });
    await expect.poll(rowInPane).toBe(true);
    await screenshot(page, "review-tables-01-row-1366");

    // "This column is not the lead, it coordinates": once, and every row follows.
    await leadColumn.click();
    await page.locator(".ant-select-dropdown:visible").getByTitle("Đơn vị phối hợp", { exact: true }).click();
    const confirm = page.getByRole("dialog").filter({ hasText: "Đổi vai trò cột" });
    await confirm.waitFor();
    await screenshot(page, "review-tables-02-remap-confirm");
    await confirm.getByRole("button", { name: "Xác nhận" }).click();
    await page.getByText(/Đã đổi vai trò cột; \d+ mục của bảng đã theo/).waitFor();
    await expect.poll(() => leadColumn.textContent()).toContain("Đơn vị phối hợp");
    await expect.poll(() => card.textContent()).not.toContain("Theo văn bản");
    expect(await card.textContent()).toContain(ROW_LEAD);
    // Every task of the table lost its lead: none of them shows a lead "as written" any more.
    const tableTasks = page.getByTestId("review-item-task").filter({ hasText: "Theo văn bản" });
    expect(await tableTasks.count()).toBeLessThan(7);
    await card.click();
    await row.waitFor();
    await expect.poll(rowInPane).toBe(true);
    // Picking the role scrolled the table sideways: back to its first column for the picture.
    await table.evaluate((el) => el.parentElement?.scrollTo({ left: 0 }));
    await screenshot(page, "review-tables-03-remapped-1366");

    // A phone: the source pane above the items, the table scrolls sideways inside it.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId("review-item-task").filter({ hasText: "Rà soát, tham mưu sửa đổi" }).click();
    await expect.poll(() => row.textContent()).toContain("Sở Tư pháp");
    await expect.poll(rowInPane).toBe(true);
    // The page scrolls to the source pane; the table back to its first column.
    await row.evaluate((el) => el.closest(".dt-pane")?.scrollIntoView());
    await table.evaluate((el) => el.parentElement?.scrollTo({ left: 0 }));
    await screenshot(page, "review-tables-04-row-390");
    await page.close();
  });
});
