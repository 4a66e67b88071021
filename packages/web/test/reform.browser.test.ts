/**
 * The reform case in a real browser: an administrator merges three communes into a new
 * one, passes the closed communes' work to it in one step, and a reporter of one of the
 * old communes — whose grant moved with the work — finds every task in "Nhiệm vụ của tôi"
 * under the new commune. Its own province and plan are made through the API first, so
 * the demo's contents do not matter. Screenshots: test-artifacts/reform-*.png.
 */
import type { TPlanReview } from "@dtplan/contracts/plans.ts";
import type { APIRequestContext } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chooseUntilShown, screenshot, signIn, useDtplanInChromium } from "./browser.ts";

const PASSWORD = "mat-khau-cai-cach-2026";

/** A commune plan of today's layout: three tasks, one per commune, quarterly reports. */
const PLAN_TEXT = `ỦY BAN NHÂN DÂN
TỈNH HÒA BÌNH MỚI
Số: 15/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hòa Bình Mới, ngày 10 tháng 01 năm 2026

KẾ HOẠCH
Chuyển đổi số năm 2026

Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;
Ủy ban nhân dân tỉnh ban hành Kế hoạch chuyển đổi số năm 2026 như sau:

I. MỤC ĐÍCH, YÊU CẦU
Đẩy mạnh chuyển đổi số trong cơ quan nhà nước.

II. CHỈ TIÊU
1. 100% văn bản đi, đến được gửi nhận dưới dạng điện tử.

III. NHIỆM VỤ, GIẢI PHÁP
1. Số hóa hồ sơ hộ tịch, chứng thực.
- Chủ trì: UBND xã An Phú Thử.
- Thời hạn hoàn thành: Quý IV năm 2026.
2. Lắp đặt hệ thống camera giám sát an ninh trật tự.
- Chủ trì: UBND xã Bình Hòa Thử.
- Thời hạn hoàn thành: Quý IV năm 2026.
3. Tập huấn kỹ năng số cho tổ công nghệ số cộng đồng.
- Chủ trì: UBND xã Cát Lái Thử.
- Thời hạn hoàn thành: Quý I năm 2027.

IV. TỔ CHỨC THỰC HIỆN
Các đơn vị báo cáo kết quả định kỳ hàng quý, trước ngày 15 của tháng cuối quý.

CHỦ TỊCH
Nguyễn Văn An
`;

const COMMUNES = ["Xã An Phú Thử", "Xã Bình Hòa Thử", "Xã Cát Lái Thử"];

/** The province, its three communes, a reporter of the first and a published plan, through the API. */
async function buildReformCase(request: APIRequestContext, url: string) {
  const login = await request.post(`${url}/api/auth/login`, {
    data: { username: "admin", password: "dtplan-demo-2025" },
  });
  expect(login.status()).toBe(200);
  const headers = { "x-csrf-token": (await login.json()).csrfToken as string };
  const post = async (path: string, data: object) => {
    const response = await request.post(`${url}/api${path}`, { data, headers });
    expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
    return response.json();
  };
  const stamp = Date.now().toString(36).toUpperCase();
  const province = await post("/org/units", {
    parentId: null,
    code: `HBM-${stamp}`,
    name: "Tỉnh Hòa Bình Mới",
    kind: "province",
  });
  const communes: { id: string; name: string }[] = [];
  for (const [i, name] of COMMUNES.entries()) {
    communes.push(
      await post("/org/units", { parentId: province.id, code: `X${i}-${stamp}`, name, kind: "commune" }),
    );
  }
  const reporter = `anphu.${stamp.toLowerCase()}`;
  await post("/users", {
    username: reporter,
    fullName: "Trần Thị Báo Cáo",
    password: PASSWORD,
    grants: [{ unitId: communes[0].id, role: "unit_reporter" }],
  });
  const imported = await request.post(`${url}/api/plans/import`, {
    headers,
    multipart: {
      unitId: province.id,
      file: { name: "ke-hoach-cds-2026.txt", mimeType: "text/plain", buffer: Buffer.from(PLAN_TEXT) },
    },
  });
  expect(imported.status(), await imported.text()).toBe(201);
  const review = (await imported.json()) as TPlanReview;
  const code = review.plan.code;
  for (const [i, task] of review.plan.tasks.entries()) {
    const response = await request.patch(`${url}/api/plans/${code}/tasks/${task.id}`, {
      headers,
      data: { version: task.version, leadUnitId: communes[i % communes.length].id },
    });
    expect(response.status(), await response.text()).toBe(200);
  }
  // Every commune reports the plan's targets.
  await post(`/plans/${code}/target-units`, {
    targetKeys: review.plan.targets.map((t) => t.key),
    mode: "add",
    unitIds: communes.map((c) => c.id),
  });
  await post(`/plans/${code}/publish`, {});
  return { province, communes, reporter, taskCount: review.plan.tasks.length };
}

describe("the reform case in Chromium", () => {
  const app = useDtplanInChromium({ viewport: { width: 1366, height: 860 } });

  it("merges three communes, passes their work to the new commune in one step, and its reporter finds it", async () => {
    const page = await app.context.newPage();
    page.setDefaultTimeout(30_000);
    const world = await buildReformCase(page.request, app.url);
    expect(world.taskCount).toBe(3);

    await signIn(page, app.url, "admin", { at: `/admin/org?unit=${world.communes[0].id}` });
    await page.getByRole("button", { name: "Sáp nhập", exact: true }).click();
    const merge = page.getByRole("dialog").filter({ hasText: "Sáp nhập đơn vị" });
    await merge.waitFor();
    // The first commune is there already; add the other two from the tree.
    const sources = merge.locator(".ant-form-item").filter({ hasText: "Các đơn vị được sáp nhập" });
    // A click can land on the list while it is still settling after the previous choice
    // (one clean-clone run merged two communes only), so choose until the field shows it.
    const sourceField = sources.locator(".ant-select");
    for (const name of COMMUNES.slice(1)) {
      await chooseUntilShown(
        sourceField,
        (text) => text.includes(name),
        async () => {
          await sourceField.click();
          await sourceField.locator("input").first().fill(name.replace("Xã ", ""));
          await page
            .locator(".ant-select-dropdown:visible .ant-select-tree-title", { hasText: name })
            .first()
            .click();
        },
      );
    }
    for (const name of COMMUNES) expect(await sourceField.innerText()).toContain(name);
    await page.keyboard.press("Escape");
    await merge.getByText("Một đơn vị mới").click();
    const parent = merge.locator(".ant-form-item").filter({ hasText: "Đơn vị mới trực thuộc" });
    await parent.locator(".ant-select").click();
    await page.keyboard.type("Hòa Bình Mới");
    await page
      .locator(".ant-select-dropdown:visible .ant-select-tree-title", { hasText: /^Tỉnh Hòa Bình Mới$/ })
      .first()
      .click();
    await merge.getByLabel("Tên đơn vị mới").fill("Xã Hòa Phú Thử");
    await merge.getByLabel("Mã đơn vị mới").fill(`XA-HOA-PHU-${Date.now().toString(36)}`);
    // The kind list opens while the tree list above may still be closing: a click can land
    // before the option is chosen (one clean-clone run), so choose until the field shows it.
    const kind = merge
      .locator(".ant-form-item")
      .filter({ hasText: "Loại đơn vị mới" })
      .locator(".ant-select");
    const kindShown = async () => (await kind.innerText()).trim();
    await chooseUntilShown(
      kind,
      (text) => text.trim() === "Xã",
      async () => {
        await kind.click();
        await page
          .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: /^Xã$/ })
          .click();
      },
    );
    expect(await kindShown()).toBe("Xã");
    const today = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
    await merge.getByLabel("Ngày hiệu lực").fill(today);
    await page.keyboard.press("Enter");
    await merge.getByRole("button", { name: "Xem trước" }).click();
    await merge
      .getByTestId("merge-preview")
      .waitFor()
      .catch(async (error: Error) => {
        await screenshot(page, "reform-1-merge-failed");
        throw error;
      });
    await screenshot(page, "reform-1-merge-preview");
    await merge.getByRole("button", { name: "Xác nhận sáp nhập" }).click();

    // The next step opens by itself: every closed commune's work goes to the new commune.
    const reassign = page.getByRole("dialog").filter({ hasText: "Chuyển công việc cho đơn vị kế thừa" });
    await reassign.waitFor();
    for (const name of COMMUNES) await reassign.getByText(name, { exact: true }).first().waitFor();
    await reassign.locator(".dt-reassign-preview").getByText("Số hóa hồ sơ hộ tịch, chứng thực.").waitFor();
    // Three tasks, the reporter's grant and whatever targets the communes report.
    const confirm = reassign.getByRole("button", { name: /^Chuyển \d+ mục$/ });
    await confirm.waitFor();
    await screenshot(page, "reform-2-reassign-1366");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "reform-2-reassign-390");
    // The step fits a phone: nothing in the dialog is wider than the screen.
    expect(await reassign.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1366, height: 860 });
    await confirm.click();
    await page.getByText(/Đã chuyển \d+ mục cho đơn vị kế thừa/).waitFor();
    await reassign.waitFor({ state: "hidden" });

    // The reporter of the old An Phú now works for the new commune.
    await signIn(page, app.url, world.reporter, { password: PASSWORD });
    await page.getByRole("menuitem", { name: "Nhiệm vụ của tôi" }).click();
    for (const task of [
      "Số hóa hồ sơ hộ tịch, chứng thực.",
      "Lắp đặt hệ thống camera giám sát an ninh trật tự.",
      "Tập huấn kỹ năng số cho tổ công nghệ số cộng đồng.",
    ]) {
      await page.getByText(task).first().waitFor();
    }
    expect(await page.getByText("Xã Hòa Phú Thử").count()).toBeGreaterThan(0);
    // No warning about a closed unit: the grant moved with the work.
    expect(await page.locator(".dt-closed-grants").count()).toBe(0);
    await screenshot(page, "reform-3-my-tasks-1366", { fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "reform-3-my-tasks-390", { fullPage: true });
    await page.close();
  }, 180_000);
});
