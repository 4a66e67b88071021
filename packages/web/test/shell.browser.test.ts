/**
 * The web shell in a real browser against the real server: sign in, open the
 * organisation tree, add a unit, see it survive a reload; a wrong password shows
 * the Vietnamese error. Screenshots go to test-artifacts/ for a human to look at.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  chooseUntilShown,
  screenshot,
  signInThroughForm,
  submitLogin,
  useDtplanInChromium,
} from "./browser.ts";
import { FIRST_SCREEN_BUDGET, FIRST_SCREENS, screenJavaScript } from "./first-screen.ts";
import { WEB_DIST } from "./web-build.ts";

/** Picks an option in an antd Select by typing (the list is virtual: far options are not rendered). */
async function choose(page: Page, label: string, option: string): Promise<void> {
  const field = page.locator(".ant-select").filter({ has: page.getByLabel(label, { exact: true }) });
  // A click can land while the list is still opening and choose nothing (one clean-clone
  // run): choose until the field shows the option.
  await chooseUntilShown(
    field,
    (text) => text.includes(option),
    async () => {
      await page.getByLabel(label, { exact: true }).click();
      await page.keyboard.type(option);
      await page
        .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: option })
        .first()
        .click();
    },
  );
  expect(await field.innerText()).toContain(option);
}

describe("the first screen on a slow line", () => {
  it("loads at most 300 KB of brotli-compressed JavaScript for the sign-in page and for the home", () => {
    for (const [screen, modules] of Object.entries(FIRST_SCREENS)) {
      const { bytes, files } = screenJavaScript(WEB_DIST, modules);
      const largest = files.slice(0, 6).map((f) => `${f.file} ${Math.round(f.bytes / 1000)} KB`);
      expect(bytes, `${screen}: ${largest.join(", ")}`).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET);
      // Charts are loaded only where they are shown.
      expect(
        files.filter((f) => /echarts/.test(f.file)),
        screen,
      ).toEqual([]);
    }
  });
});

describe("web shell in Chromium", () => {
  const app = useDtplanInChromium({ viewport: { width: 1366, height: 860 } });

  it("shows a Vietnamese error for a wrong password", async () => {
    const page = await app.context.newPage();
    await submitLogin(page, app.url, "admin", "sai-mat-khau");
    const error = page.getByTestId("login-error");
    await expect.poll(() => error.isVisible()).toBe(true);
    expect(await error.textContent()).toMatch(/mật khẩu/i);
    await screenshot(page, "01-login-error", { fullPage: true });
    await page.close();
  });

  it("signs in as the demo admin, adds a unit under the province and keeps it after a reload", async () => {
    const page = await app.context.newPage();
    await signInThroughForm(page, app.url, "admin");
    await page.getByText("Tình trạng hệ thống").waitFor();
    await page.getByText("Hoạt động bình thường").waitFor();
    await screenshot(page, "02-dashboard", { fullPage: true });

    await page.getByRole("menuitem", { name: "Cơ cấu tổ chức" }).click();
    await page.waitForURL(/\/admin\/org/);
    const tree = page.locator(".dt-org-tree");
    await tree.waitFor();
    await tree.getByText("Tỉnh Vĩnh Long", { exact: true }).waitFor();
    await screenshot(page, "03-org-tree", { fullPage: true });

    // Units closed by the 1/7/2025 reform show greyed, with the day they ended.
    await page.getByLabel("Hiện đơn vị hết hiệu lực").click();
    const search = page.getByLabel("Tìm đơn vị (gõ không dấu cũng được)");
    await search.fill("khoa hoc ben tre");
    await tree.getByText("Sở Khoa học và Công nghệ tỉnh Bến Tre", { exact: true }).click();
    const detail = page.getByTestId("unit-detail");
    await detail.getByText("Đã sáp nhập vào").waitFor();
    await detail.getByText("Sáp nhập từ").waitFor();
    await tree.getByText("hết hiệu lực từ 01/07/2025").first().waitFor();
    await screenshot(page, "03b-org-tree-closed", { fullPage: true });
    await search.fill("");
    await page.getByLabel("Hiện đơn vị hết hiệu lực").click();

    await tree.getByText("Tỉnh Vĩnh Long", { exact: true }).click();
    await page.getByTestId("unit-detail").getByRole("button", { name: "Thêm đơn vị trực thuộc" }).click();

    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Tên đơn vị").fill("Trung tâm Chuyển đổi số tỉnh");
    await dialog.getByLabel("Mã đơn vị").fill("có dấu");
    await choose(page, "Loại đơn vị", "Đơn vị sự nghiệp");
    await dialog.getByRole("button", { name: "Lưu" }).click();
    // The contract's Vietnamese message, under the code field.
    await dialog.getByText("Mã đơn vị chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang").waitFor();
    await screenshot(page, "04-org-add-validation", { fullPage: true });
    await dialog.getByLabel("Mã đơn vị").fill("TTCDS");
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await dialog.waitFor({ state: "hidden" });

    const created = tree.getByText("Trung tâm Chuyển đổi số tỉnh", { exact: true });
    await created.waitFor();
    await expect.poll(() => page.url()).toMatch(/unit=/);
    await page.getByTestId("unit-detail").getByText("TTCDS").waitFor();
    await screenshot(page, "05-org-created", { fullPage: true });

    await page.reload();
    await page.locator(".dt-org-tree").getByText("Trung tâm Chuyển đổi số tỉnh", { exact: true }).waitFor();
    await page.getByTestId("unit-detail").getByText("Trung tâm Chuyển đổi số tỉnh").first().waitFor();

    // Folded search: typed without diacritics.
    await page.getByLabel("Tìm đơn vị (gõ không dấu cũng được)").fill("chuyen doi so");
    await page.locator("mark.dt-highlight").first().waitFor();
    await screenshot(page, "06-org-search", { fullPage: true });
    await page.close();
  });

  // Uses the centre the previous test added: in 2025 provincial digital-transformation
  // centres were merged into the Departments of Science and Technology.
  it("previews a merge and shows which units stop and which move", async () => {
    const page = await app.context.newPage();
    await page.goto(`${app.url}/admin/org`);
    const tree = page.locator(".dt-org-tree");
    await tree.waitFor();
    await tree.getByText("Trung tâm Chuyển đổi số tỉnh", { exact: true }).click();
    await page.getByTestId("unit-detail").getByRole("button", { name: "Sáp nhập" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("Sáp nhập vào").waitFor();

    // Receiving unit: an existing commune.
    await dialog.getByLabel("Đơn vị nhận sáp nhập").click();
    await page.keyboard.type("khoa hoc vinh long");
    await page
      .locator(".ant-select-dropdown:visible .ant-select-tree-node-content-wrapper", {
        hasText: "Sở Khoa học và Công nghệ tỉnh Vĩnh Long",
      })
      .click();
    await dialog.getByLabel("Ngày hiệu lực").click();
    await page.keyboard.type("01/01/2027");
    await page.keyboard.press("Enter");
    await dialog.getByRole("button", { name: "Xem trước" }).click();
    const preview = page.getByTestId("merge-preview");
    await preview.waitFor();
    expect(await preview.textContent()).toContain("Trung tâm Chuyển đổi số tỉnh");
    expect(await preview.textContent()).toContain("31/12/2026");
    await screenshot(page, "07-merge-preview", { fullPage: true });
    await dialog.getByRole("button", { name: "Xác nhận sáp nhập" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByText("Đã sáp nhập vào “Sở Khoa học và Công nghệ tỉnh Vĩnh Long”").waitFor();
    await page.getByTestId("unit-detail").getByText("Sáp nhập từ").waitFor();
    await screenshot(page, "07b-merge-done", { fullPage: true });
    await page.close();
  });

  it("lists users and the change log, and switches to English", async () => {
    const page = await app.context.newPage();
    await page.goto(`${app.url}/admin/users`);
    await page.getByRole("cell", { name: /admin/ }).first().waitFor();
    await screenshot(page, "08-users", { fullPage: true });
    await page.getByRole("button", { name: "Thêm người dùng" }).click();
    await page.getByRole("dialog").getByLabel("Tên đăng nhập").waitFor();
    await screenshot(page, "09-user-create", { fullPage: true });
    await page.getByRole("dialog").getByRole("button", { name: "Hủy" }).click();

    await page.getByRole("menuitem", { name: "Nhật ký thay đổi" }).click();
    // In words: who did what to which named object; no action code, no id.
    await page
      .getByTestId("audit-sentence")
      .filter({ hasText: /đã thêm đơn vị «.+»/ })
      .first()
      .waitFor();
    const shown = await page.locator(".dt-content").innerText();
    expect(shown).not.toMatch(/org\.unit\.|[0-9a-f]{8}-[0-9a-f]{4}-|"parentId"/);
    await screenshot(page, "10-audit", { fullPage: true });
    await choose(page, "Loại đối tượng", "Tài khoản");
    await page
      .getByTestId("audit-sentence")
      .filter({ hasText: /tài khoản/ })
      .first()
      .waitFor();
    expect(new URL(page.url()).searchParams.get("entity")).toBe("user");
    await page.setViewportSize({ width: 390, height: 800 });
    await page.getByTestId("nav-open").waitFor();
    await page.getByTestId("audit-sentence").first().waitFor();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await screenshot(page, "10b-audit-phone", { fullPage: true });
    await page.setViewportSize({ width: 1366, height: 860 });
    await page.getByTestId("nav-open").waitFor({ state: "detached" });

    await page.getByText("EN", { exact: true }).click();
    await page.getByRole("menuitem", { name: "Organisation" }).waitFor();
    await page.getByRole("menuitem", { name: "Plans" }).click();
    await page.getByRole("button", { name: "Import a plan" }).waitFor();
    await page.getByRole("menuitem", { name: "Reporting periods" }).click();
    await page.getByRole("heading", { name: "Reporting periods" }).waitFor();
    await page.getByRole("menuitem", { name: "Consolidated reports" }).click();
    await page.getByRole("heading", { name: "Consolidated report" }).waitFor();
    await page.getByRole("menuitem", { name: "DTI index" }).click();
    await page.getByRole("heading", { name: "Digital Transformation Index (DTI)" }).waitFor();
    await screenshot(page, "11-dti-en", { fullPage: true });
    await page.getByText("VI", { exact: true }).click();
    await page.getByRole("heading", { name: "Chỉ số chuyển đổi số (DTI)" }).waitFor();
    await page.close();
  });
});
