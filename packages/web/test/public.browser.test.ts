/**
 * The public transparency page in a real browser with the demo data, without signing
 * in: the list of published plans, the Châu Thành 2025 plan on a desktop and on a
 * phone, and no demo person's name anywhere on the page. Screenshots go to
 * test-artifacts/public-page*.png.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TENANTS } from "../../server/src/modules/demo/demo-data.ts";
import { type RunningDtplan, startDtplan } from "./server-harness.ts";

const CHROMIUM = "/usr/bin/chromium";
const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
const ARTIFACTS = path.join(REPO_ROOT, "test-artifacts");
const PLAN = "chau-thanh-2025";
/** Every demo person's full name and username: none may appear on the public page. */
const PEOPLE = DEMO_TENANTS.flatMap((t) => t.users.flatMap((u) => [u.fullName, u.username]));

let server: RunningDtplan;
let context: BrowserContext;
let profileDir: string;

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.waitForTimeout(450);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}

async function expectNoPeople(page: Page): Promise<void> {
  const text = await page.locator("body").innerText();
  for (const name of PEOPLE) expect(text, name).not.toContain(name);
}

describe("public transparency page in Chromium", () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startDtplan();
    profileDir = mkdtempSync(path.join(tmpdir(), "dtplan-chromium-"));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      viewport: { width: 1440, height: 900 },
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
    });
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  it("shows the published plans and a plan's targets and progress to a visitor who is not signed in", async () => {
    expect(PEOPLE).toContain("Nguyễn Thị Lan");
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);

    // From the login page, the link officials' visitors follow.
    await page.goto(`${server.url}/login`);
    await page.getByTestId("public-link").waitFor();
    await shot(page, "public-login-link", false);
    await page.getByTestId("public-link").filter({ hasText: "Xem thông tin công khai" }).click();
    await page.getByRole("heading", { name: "Kế hoạch chuyển đổi số đã ban hành" }).waitFor();
    await page.getByText("Công khai kế hoạch chuyển đổi số").waitFor();
    const cards = page.getByTestId("public-plan-card");
    await cards.first().waitFor();
    for (const province of ["Tỉnh Vĩnh Long", "Tỉnh Đồng Tháp", "Tỉnh Quảng Ngãi"]) {
      expect(await cards.filter({ hasText: province }).count(), province).toBeGreaterThan(0);
    }
    expect(await page.getByRole("link", { name: "Đăng nhập" }).count()).toBe(1);
    await expectNoPeople(page);
    await shot(page, "public-list");

    // Search folds Vietnamese: "chau thanh" finds "Châu Thành".
    await page.getByLabel("Tìm theo tên kế hoạch, đơn vị, số văn bản").fill("chau thanh");
    await expect.poll(() => cards.count()).toBe(1);
    await cards.first().getByRole("link", { name: "Xem chi tiết" }).click();

    await page.waitForURL(`**/cong-khai/vlg/${PLAN}`);
    await page.getByTestId("public-plan-title").waitFor();
    await page.getByText("Tiến độ thực hiện nhiệm vụ theo trụ cột").waitFor();
    await page.getByTestId("public-pillar-targets").first().waitFor();
    expect(await page.getByText("Huyện Châu Thành").count()).toBeGreaterThan(0);
    // Demo Q1 is approved, Q2 only half: the figures come from Q2's approved reports or Q1.
    await page.getByText(/Kết quả chỉ tiêu lấy từ các báo cáo đã được duyệt của/).waitFor();
    expect(await page.getByTestId("attainment-tag").count()).toBeGreaterThan(0);
    // A pillar opens onto its tasks: lead units (organisations), deadlines, status, progress.
    await page.getByTestId("public-pillar-row").first().click();
    await page.getByRole("columnheader", { name: "Đơn vị chủ trì" }).waitFor();
    await expectNoPeople(page);
    await shot(page, "public-page");

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId("public-pillar-targets").first().waitFor();
    await expectNoPeople(page);
    await shot(page, "public-page-mobile", false);
    await page.getByTestId("public-pillar-targets").first().scrollIntoViewIfNeeded();
    await shot(page, "public-page-mobile-targets", false);

    // The language switch works without a session.
    await page.getByText("EN", { exact: true }).click();
    await page.getByText("Task progress by pillar").waitFor();
    await page.getByText("VI", { exact: true }).click();
    await page.getByText("Tiến độ thực hiện nhiệm vụ theo trụ cột").waitFor();
    await page.close();
  });
});
