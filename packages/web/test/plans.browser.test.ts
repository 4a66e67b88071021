/**
 * The plan workspace in a real browser against the real server: the commune's focal
 * officer imports Xã Long Hồ's signed 2026 plan (a Word file with "+ Cơ quan chủ trì"
 * lines) through the upload form, reviews it beside the source, fixes an item,
 * publishes; the commune's reporter then finds the task in "Nhiệm vụ của tôi".
 * Screenshots go to test-artifacts/plans-*.png.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planDocx } from "../../server/src/modules/demo/plan-docx.ts";
import { chooseUntilShown, screenshot, signIn, useDtplanInChromium } from "./browser.ts";

/** The demo's text of the commune's plan, as the Word file the commune signed. */
const PLAN_TEXT = new URL("../../server/src/modules/demo/plans/xa-long-ho-2026.txt", import.meta.url);
const PLAN_FILE = "ke-hoach-cds-xa-long-ho-2026.docx";
/** The same plan under another number: the demo holds the first one already. */
const OTHER_PLAN_FILE = "ke-hoach-cds-xa-long-ho-2026-so-13.docx";

let workDir: string;

describe("plan workspace in Chromium", () => {
  const app = useDtplanInChromium();

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), "dtplan-plans-"));
    const text = readFileSync(PLAN_TEXT, "utf8");
    writeFileSync(path.join(workDir, PLAN_FILE), await planDocx(text));
    writeFileSync(
      path.join(workDir, OTHER_PLAN_FILE),
      await planDocx(text.replace("Số: 12/KH-UBND", "Số: 13/KH-UBND")),
    );
  });

  afterAll(async () => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("imports the commune's plan, fixes an item, publishes, and the lead unit finds its task", async () => {
    const page = await app.context.newPage();
    await signIn(page, app.url, "longho.daumoi");

    // Kế hoạch → Nhập kế hoạch: the issuing unit is preselected, the file goes through the drop zone.
    await page.getByRole("menuitem", { name: "Kế hoạch" }).click();
    await page.waitForURL(/\/plans$/);
    await page.getByRole("button", { name: "Nhập kế hoạch" }).click();
    const importDialog = page.getByTestId("import-modal");
    await importDialog.getByText("Kéo thả tệp vào đây hoặc bấm để chọn tệp").waitFor();
    // A file that is not a plan: the server's Vietnamese explanation shows above the form.
    writeFileSync(path.join(workDir, "thu-moi-hop.txt"), "Kính mời các đồng chí dự họp giao ban tuần.\n");
    await importDialog.locator("input[type=file]").setInputFiles(path.join(workDir, "thu-moi-hop.txt"));
    await page.getByRole("button", { name: "Tải lên và trích xuất" }).click();
    await importDialog.getByTestId("import-error").getByText("Không nhập được kế hoạch").waitFor();
    await screenshot(page, "plans-00-import-error");
    await importDialog.locator("input[type=file]").setInputFiles(path.join(workDir, PLAN_FILE));
    await importDialog.getByText(PLAN_FILE).waitFor();
    await importDialog.getByText("Xã Long Hồ").first().waitFor();
    await screenshot(page, "plans-01-import");
    await page.getByRole("button", { name: "Tải lên và trích xuất" }).click();
    // The demo imported this very document (number and date): said so, with the choice to open it.
    const repeated = importDialog.getByTestId("import-repeated");
    await repeated.getByText(/Kế hoạch này đã được nhập: «.+» \(số 12\/KH-UBND/).waitFor({ timeout: 60_000 });
    await repeated.getByRole("button", { name: "Mở kế hoạch đã nhập" }).waitFor();
    await screenshot(page, "plans-01b-import-repeated");
    await importDialog.locator("input[type=file]").setInputFiles(path.join(workDir, OTHER_PLAN_FILE));
    await importDialog.getByText(OTHER_PLAN_FILE).waitFor();
    await page.getByRole("button", { name: "Tải lên và trích xuất" }).click();

    // A new draft (the server de-duplicates codes: the demo already holds a plan of this commune and year).
    await page.waitForURL(/\/plans\/[a-z0-9-]+\/review$/, { timeout: 60_000 });
    const code = /\/plans\/([a-z0-9-]+)\/review$/.exec(page.url())?.[1] ?? "";
    expect(code).toMatch(/^long-ho-2026-\d+$/);
    await page.getByTestId("review-page").waitFor();
    await page.getByRole("tab", { name: /Nhiệm vụ/ }).waitFor();

    // Selecting an item highlights its passage in the source text.
    const firstTask = page.getByTestId("review-item-task").first();
    await firstTask.click();
    const highlight = page.getByTestId("source-highlight");
    await highlight.waitFor();
    const passage = ((await highlight.textContent()) ?? "").replace(/\s+/g, " ").trim();
    expect(passage.length).toBeGreaterThan(20);
    await screenshot(page, "plans-02-review");

    // Fix one item: a task the extraction left without a lead (one of the commune's own
    // offices, which are not units here) goes to the commune.
    const orphan = page
      .getByTestId("review-item-task")
      .filter({ has: page.getByTestId("mark-no-lead") })
      .first();
    const orphanText = ((await orphan.locator(".dt-item-text").textContent()) ?? "")
      .replace("Cần kiểm tra", "")
      .trim();
    const orphanId = (await orphan.getAttribute("data-item-id")) ?? "";
    // Several tasks open with the same words: look the task up by a long stretch of its text.
    const probe = orphanText.replace(/\s+/g, " ").slice(0, 110);
    await orphan.getByRole("button", { name: "Sửa" }).click();
    const drawer = page.getByRole("dialog").filter({ hasText: "Sửa nhiệm vụ" });
    await drawer.waitFor();
    // The unit tree may still be loading when the drawer opens: choose until the field shows
    // the unit (one clean-clone run clicked before the choice took).
    const lead = drawer.locator(".ant-select").filter({ has: page.locator("#lead-unit") });
    await chooseUntilShown(
      lead,
      (text) => text.includes("Xã Long Hồ"),
      async () => {
        await drawer.locator("#lead-unit").click();
        await page.keyboard.type("xa long ho");
        await page
          .locator(".ant-select-dropdown:visible .ant-select-tree-title", { hasText: /^Xã Long Hồ$/ })
          .first()
          .click();
      },
    );
    expect(await lead.innerText()).toContain("Xã Long Hồ");
    await drawer.getByLabel("Hạn hoàn thành").fill("30/06/2026");
    await page.keyboard.press("Enter");
    await screenshot(page, "plans-03-edit-drawer");
    await drawer.getByRole("button", { name: "Lưu" }).click();
    await drawer.waitFor({ state: "hidden" });
    const fixed = page.locator(`[data-item-id="${orphanId}"]`);
    await fixed.getByTestId("task-lead").filter({ hasText: "Xã Long Hồ" }).waitFor();

    // The rest of the tasks without a lead: the officer decides they have none (publishing requires a decision).
    for (let i = 0; i < 40; i++) {
      const buttons = page.getByTestId("mark-no-lead");
      const n = await buttons.count();
      if (n === 0) break;
      await buttons.first().click();
      await expect.poll(() => page.getByTestId("mark-no-lead").count(), { timeout: 10_000 }).toBeLessThan(n);
    }
    await expect.poll(() => page.getByTestId("mark-no-lead").count()).toBe(0);

    // Đơn vị báo cáo: every target takes its suggested units (lead units of the pillar's tasks), after a preview.
    await page.getByRole("tab", { name: /Đơn vị báo cáo/ }).click();
    const reporters = page.getByTestId("target-units");
    await reporters.getByText("Chưa có đơn vị báo cáo").first().waitFor();
    await reporters.getByText("Gợi ý:").first().waitFor();
    await reporters.getByRole("checkbox", { name: "Chọn tất cả" }).check();
    await reporters.getByRole("button", { name: "Áp dụng gợi ý" }).click();
    const preview = page.getByTestId("target-units-preview");
    await preview.getByText("Thêm:").first().waitFor();
    await screenshot(page, "plans-03d-reporting-units-preview");
    await preview.getByRole("button", { name: "Áp dụng" }).click();
    await preview.waitFor({ state: "hidden" });
    await expect
      .poll(() => reporters.locator(".dt-target-units-row .ant-tag-blue").count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await screenshot(page, "plans-03e-reporting-units");
    // On a phone the bulk bar wraps and nothing is wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await reporters.scrollIntoViewIfNeeded();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await screenshot(page, "plans-03f-reporting-units-390");
    await page.setViewportSize({ width: 1440, height: 900 });

    // Kế hoạch cấp trên: read from "Thực hiện Kế hoạch số 285/KH-UBND …", confirmed by the officer.
    await page.getByRole("tab", { name: "Kế hoạch cấp trên" }).click();
    const cascadeReview = page.getByTestId("cascade-review");
    await cascadeReview.getByText(/Đọc từ căn cứ: .*285\/KH-UBND/).waitFor();
    await cascadeReview.getByRole("button", { name: "Xác nhận kế hoạch cấp trên" }).click();
    await cascadeReview.getByText(/Đã xác nhận \(/).waitFor();
    await cascadeReview.getByText("Gợi ý: cùng chỉ số").first().waitFor();
    await screenshot(page, "plans-03g-cascade-review");

    // Publish: the confirmation lists the remaining warnings; the issuing unit reports the targets no unit has.
    await page.getByRole("button", { name: "Ban hành" }).click();
    const publish = page.getByRole("dialog").filter({ hasText: "Ban hành kế hoạch?" });
    await publish.getByText(/cảnh báo \(vẫn ban hành được\)/).waitFor();
    const unassigned = publish.getByTestId("publish-unassigned");
    if (await unassigned.isVisible()) {
      await unassigned.getByRole("checkbox", { name: /tự báo cáo các chỉ tiêu này/ }).check();
    }
    await screenshot(page, "plans-04-publish-confirm");
    await publish.getByRole("button", { name: "Ban hành" }).click();

    await page.waitForURL(new RegExp(`/plans/${code}$`));
    await page.getByTestId("plan-detail").waitFor();
    await page.getByText("Đã ban hành").first().waitFor();
    await page.getByText("Huỳnh Văn Lợi", { exact: false }).first().waitFor();
    await page.getByRole("tab", { name: /Nhiệm vụ/ }).click();
    await page.getByTestId("detail-tasks").getByText(probe, { exact: false }).first().waitFor();
    await page.getByRole("tab", { name: "Kinh phí & báo cáo" }).click();
    expect(await page.getByTestId("budget-total").textContent()).toBe("380.000.000 đồng");
    await page.getByRole("tab", { name: /Nhiệm vụ/ }).click();
    await screenshot(page, "plans-05-detail");

    // Điều chỉnh, bổ sung: a new draft version; change a target's value, publish, read the diff.
    await page.getByRole("button", { name: "Điều chỉnh, bổ sung" }).click();
    const amend = page.getByRole("dialog").filter({ hasText: "Điều chỉnh, bổ sung kế hoạch" });
    await amend.getByRole("textbox").fill("Điều chỉnh chỉ tiêu theo chỉ đạo của UBND tỉnh");
    await amend.getByRole("button", { name: "Tạo bản điều chỉnh" }).click();
    await page.waitForURL(new RegExp(`/plans/${code}/review$`));
    await page.getByText("Phiên bản 2").first().waitFor();
    await page.getByRole("tab", { name: /Chỉ tiêu/ }).click();
    const target = page.getByTestId("review-item-target").first();
    await target.click();
    await page.getByTestId("source-highlight").waitFor();
    await target.getByRole("button", { name: "Tách" }).click();
    const split = page.getByRole("dialog").filter({ hasText: "Tách mục thành hai" });
    await split.getByText("Mục thứ hai").waitFor();
    await screenshot(page, "plans-03b-split");
    await split.getByRole("button", { name: "Hủy" }).click();
    await target.getByRole("button", { name: "Sửa" }).click();
    const targetDrawer = page.getByRole("dialog").filter({ hasText: "Sửa chỉ tiêu" });
    await targetDrawer.getByLabel("Giá trị").fill("95");
    await targetDrawer.getByText("Chỉ số trong danh mục").waitFor();
    await screenshot(page, "plans-03c-target-drawer");
    await targetDrawer.getByRole("button", { name: "Lưu" }).click();
    await targetDrawer.waitFor({ state: "hidden" });
    await page.getByRole("button", { name: "Ban hành" }).click();
    await page
      .getByRole("dialog")
      .filter({ hasText: "Ban hành kế hoạch?" })
      .getByRole("button", { name: "Ban hành" })
      .click();
    await page.waitForURL(new RegExp(`/plans/${code}$`));
    await page.getByRole("tab", { name: "Lịch sử phiên bản" }).click();
    const diff = page.getByTestId("version-2").getByTestId("plan-diff");
    await diff.getByText("Sửa", { exact: true }).first().waitFor();
    await diff.getByText("95", { exact: true }).waitFor();
    await screenshot(page, "plans-08-versions");
    await page.close();

    // The lead unit's reporter sees the task in "Nhiệm vụ của tôi".
    const reporter = await app.context.newPage();
    await signIn(reporter, app.url, "longho.baocao");
    await reporter.getByRole("menuitem", { name: "Nhiệm vụ của tôi" }).click();
    await reporter.waitForURL(/\/my-tasks$/);
    const table = reporter.getByTestId("my-tasks-table");
    await table.getByText(probe, { exact: false }).first().waitFor({ timeout: 20_000 });
    // The demo holds the same plan already: the row of the one just published (by its code).
    const row = table.locator("tr").filter({ hasText: probe }).filter({ hasText: code }).first();
    await row.getByText("Chủ trì").waitFor();
    await screenshot(reporter, "plans-06-my-tasks");
    await reporter.close();
  }, 180_000);

  it("shows the province plan's communes per target with figures rolled up and their basis, and a commune the province targets it serves", async () => {
    const page = await app.context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page, app.url, "vinhlong.daumoi", { at: "/plans/vinh-long-2026" });
    await page.getByRole("tab", { name: /Các xã triển khai/ }).click();
    const view = page.getByTestId("cascade-view");
    await view
      .getByText(/^\d+\/\d+ xã có số liệu · kỳ/)
      .first()
      .waitFor();
    await view.getByRole("link", { name: "Phường Trà Vinh" }).first().waitFor();
    await screenshot(page, "plans-10-cascade");
    // On a phone each target is a card; nothing is wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await view.locator(".ant-table").waitFor({ state: "detached" });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await view.getByTestId("cascade-rollup").first().scrollIntoViewIfNeeded();
    await screenshot(page, "plans-11-cascade-390");
    // Each province target opens its panel over the communes' view.
    await view.getByTestId("cascade-rollup").first().click();
    const panel = page.getByTestId("target-drawer");
    await panel.getByText("Số liệu theo đơn vị").waitFor();
    await panel.locator(".ant-drawer-close").click();
    await panel.waitFor({ state: "hidden" });
    await page.goto(`${app.url}/plans/long-ho-2026`);
    await page.getByTestId("serves-cell").first().scrollIntoViewIfNeeded();
    await screenshot(page, "plans-12-serves-390");
    // A target (a card on a phone) opens its panel: its goal and figures by unit and period.
    await page.getByTestId("detail-targets").first().locator(".dt-card-row").first().click();
    await page.getByTestId("target-drawer").getByText("Số liệu theo đơn vị").waitFor();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await page.close();
  });

  it("lists the indicator catalogue and finds an indicator typed without diacritics", async () => {
    const page = await app.context.newPage();
    await signIn(page, app.url, "vinhlong.daumoi");
    await page.getByRole("menuitem", { name: "Danh mục chỉ tiêu" }).click();
    await page.getByTestId("indicators-table").locator("tbody tr").first().waitFor();
    await page.getByTestId("indicator-search").fill("ma doc");
    await page
      .getByTestId("indicators-table")
      .getByText("phòng chống mã độc", { exact: false })
      .first()
      .waitFor();
    await screenshot(page, "plans-07-indicators");
    await page.getByRole("menuitem", { name: "Kế hoạch" }).click();
    await page.getByTestId("plans-table").locator("tbody tr").first().waitFor();
    await screenshot(page, "plans-09-list");
    await page.close();
  });
});
