/**
 * The DTI in a real browser with the demo data: the province's officer sees the rounds
 * and the published 2025 ranking (bar and radar charts); a commune's reporter fills the
 * 2026 self-assessment (a level, a/b, yes/no, a figure, an evidence file) and submits it;
 * the officer verifies it (one criterion adjusted with a reason), closes and publishes
 * the round; the public page then ranks the units, without evidence or comments. At
 * 1366 px and 390 px. Screenshots go to test-artifacts/dti-*.png.
 */
import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot, signIn, skipAutosaveDelay, useDtplanInChromium } from "./browser.ts";

/** The province's officer (frameworks, rounds, verification) and the commune's reporter of the demo. */
const OFFICER = "vinhlong.daumoi";
const REPORTER = "travinh.baocao";
const EVIDENCE_FILE = "bien-ban-kiem-tra-ket-noi.pdf";
const RENAMED = "Ban Chỉ đạo chuyển đổi số của xã, phường (sửa thử)";
const ADJUST_REASON = "Quyết định thành lập Ban Chỉ đạo chưa ghi ngày ban hành.";

async function typeNumber(input: Locator, value: string): Promise<void> {
  await input.click();
  await input.press("ControlOrMeta+a");
  await input.fill(value);
  await input.press("Tab");
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  // After a resize the signed-in header turns compact on React's next render (a media
  // query hook): measure once it has, not the laptop header squeezed into 390 px.
  if ((await page.locator("header.dt-header").count()) > 0) {
    await page.locator("header.dt-header-phone").waitFor();
  }
  // What sticks out, named, so a failure says where to look.
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return (
          r.right > window.innerWidth + 1 && r.width > 0 && !el.closest(".ant-table-content, .ant-table-body")
        );
      })
      .slice(0, 8)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} → ${Math.round(el.getBoundingClientRect().right)}`,
      ),
  );
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    wide.join("\n"),
  ).toBeLessThanOrEqual(390);
}

/** Gives every criterion the unit fills an answer: the first level, a/b, "yes", a figure. */
async function fillCriteria(page: Page): Promise<number> {
  const cards = page.getByTestId("dti-criterion");
  const n = await cards.count();
  let filled = 0;
  for (let i = 0; i < n; i++) {
    const card = cards.nth(i);
    if ((await card.getByTestId("automatic-source").count()) > 0) continue;
    const radios = card.locator(".ant-form input[type=radio]");
    if ((await radios.count()) > 0) {
      await radios.first().check();
    } else if ((await card.getByLabel(/^a: /).count()) > 0) {
      // Figures the round takes from the unit's approved reports are shown, not typed.
      if (await card.getByLabel(/^b: /).isDisabled()) continue;
      await typeNumber(card.getByLabel(/^b: /), "40");
      await typeNumber(card.getByLabel(/^a: /), "34");
      await card.getByTestId("ratio").filter({ hasText: "85%" }).waitFor();
    } else if ((await card.getByLabel(/^Số liệu/).count()) > 0) {
      // A figure the round takes from the unit's approved reports is shown, not typed.
      if (await card.getByLabel(/^Số liệu/).isDisabled()) continue;
      await typeNumber(card.getByLabel(/^Số liệu/), "12");
    }
    filled++;
  }
  return filled;
}

describe("DTI in Chromium", () => {
  const app = useDtplanInChromium({ viewport: { width: 1366, height: 900 }, controlledClock: true });

  it("a commune self-assesses with a file, the province verifies and publishes, the public page ranks", async () => {
    const page = await app.context.newPage();
    page.setDefaultTimeout(20_000);

    // The officer: the rounds, the published 2025 ranking with its charts.
    await signIn(page, app.url, OFFICER);
    await page.getByRole("menuitem", { name: "Chỉ số DTI" }).click();
    const rounds = page.getByTestId("dti-rounds");
    await rounds
      .getByText(/năm 2026/)
      .first()
      .waitFor();
    await rounds
      .getByText(/năm 2025/)
      .first()
      .waitFor();
    await screenshot(page, "dti-01-rounds");

    await rounds
      .getByRole("link", { name: /năm 2025/ })
      .first()
      .click();
    await page.getByTestId("round-page").waitFor();
    await page.getByRole("tab", { name: "Kết quả xếp hạng" }).click();
    await page.getByTestId("dti-bar-chart").locator("svg").waitFor();
    await page.getByTestId("dti-radar-chart").locator("svg").waitFor();
    expect(await page.getByTestId("ranking-table").locator("tbody tr").count()).toBeGreaterThan(2);
    await screenshot(page, "dti-03-results-2025", { fullPage: true });

    await page.goto(`${app.url}/dti/frameworks`);
    await page.getByTestId("frameworks-table").getByText("dti-so-nganh-xa").first().waitFor();
    await screenshot(page, "dti-04-frameworks");
    await page
      .getByTestId("frameworks-table")
      .getByRole("link", { name: /sở, ban, ngành và UBND cấp xã/ })
      .first()
      .click();
    await page.getByTestId("fw-tree").waitFor();
    await page.getByTestId("fw-tree").getByText("Ban Chỉ đạo chuyển đổi số", { exact: false }).click();
    await page.getByTestId("node-form").getByText("Các mức (mã, điểm, mô tả)").waitFor();
    await screenshot(page, "dti-05-framework-editor", { fullPage: true });

    // Excel out and back in: a wrong cell is named and nothing is created; the file as exported imports.
    const exported = await page.request.get(
      `${app.url}${await page.getByRole("link", { name: "Xuất Excel" }).getAttribute("href")}`,
    );
    expect(exported.status()).toBe(200);
    const original = Buffer.from(await exported.body());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(original as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    let badRow = 0;
    sheet?.eachRow((row, n) => {
      if (row.getCell(1).text === "1.1") badRow = n;
    });
    expect(badRow).toBeGreaterThan(0);
    if (sheet) sheet.getCell(`E${badRow}`).value = "bốn mươi";
    const broken = Buffer.from(await wb.xlsx.writeBuffer());
    const importOnce = async (code: string, file: Buffer) => {
      await page.goto(`${app.url}/dti/frameworks`);
      await page.getByRole("button", { name: "Nhập từ Excel" }).click();
      const dialog = page.getByRole("dialog").filter({ hasText: "Tệp Excel (.xlsx)" });
      await dialog.getByLabel("Mã bộ chỉ số").fill(code);
      await dialog.getByLabel("Tên bộ chỉ số").fill("Bộ chỉ số nhập thử từ Excel");
      await typeNumber(dialog.getByLabel("Năm"), "2027");
      await dialog.locator("input[type=file]").setInputFiles({
        name: "bo-chi-so.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: file,
      });
      await dialog.getByRole("button", { name: "Nhập", exact: true }).click();
    };
    await importOnce("nhap-thu-loi", broken);
    const errors = page.getByTestId("excel-errors");
    await errors.getByText(`E${badRow}`).waitFor();
    await screenshot(page, "dti-05b-import-errors");
    await page
      .getByRole("dialog")
      .filter({ has: errors })
      .getByRole("button", { name: "Đóng" })
      .last()
      .click();
    await importOnce("nhap-thu", original);
    await page.waitForURL(/\/dti\/frameworks\/[0-9a-f-]+$/);
    await page.getByTestId("fw-tree").getByText("Ban Chỉ đạo chuyển đổi số", { exact: false }).waitFor();

    // The imported framework is edited (a criterion renamed, saved on the version read) and copied to 2028.
    await page.getByTestId("fw-tree").getByText("Ban Chỉ đạo chuyển đổi số", { exact: false }).click();
    await page.getByTestId("node-form").getByLabel("Tên chỉ số, tiêu chí").fill(RENAMED);
    await page.getByTestId("fw-save").click();
    await page.getByText("Đã lưu bộ chỉ số.").waitFor();
    await page.reload();
    await page.getByTestId("fw-tree").getByText(RENAMED).waitFor();
    await page.goto(`${app.url}/dti/frameworks`);
    await page
      .getByTestId("frameworks-table")
      .locator("tr")
      .filter({ hasText: "nhap-thu" })
      .filter({ hasText: "2027" })
      .getByRole("button", { name: "Sao chép sang năm khác" })
      .click();
    await page.getByRole("dialog").getByRole("button", { name: "Sao chép sang năm khác" }).click();
    await page.waitForURL(/\/dti\/frameworks\/[0-9a-f-]+$/);
    await page.getByText("nhap-thu · 2028").waitFor();

    // A round over the imported framework: every department and commune, opened for self-assessment.
    await page.goto(`${app.url}/dti`);
    await page.getByRole("button", { name: "Mở đợt đánh giá" }).click();
    const roundDialog = page.getByTestId("round-modal");
    await roundDialog.getByLabel("Bộ chỉ số").click();
    await page
      .locator(".ant-select-item-option")
      .filter({ hasText: "(2027)" })
      .filter({ hasText: "nhập thử" })
      .click();
    await roundDialog.getByRole("button", { name: /Chọn tất cả/ }).click();
    for (const [label, text] of [
      ["Ngày bắt đầu tự đánh giá", "01/12/2027"],
      ["Hạn nộp tự đánh giá", "31/12/2027"],
    ] as const) {
      const input = roundDialog.getByLabel(label);
      await input.click();
      await input.fill(text);
      await input.press("Enter");
    }
    await screenshot(page, "dti-02-open-round");
    await page.getByRole("dialog").getByRole("button", { name: "Tạo đợt đánh giá" }).click();
    await page.getByTestId("round-page").waitFor();
    await page.getByTestId("round-status").getByText("Đang chuẩn bị").waitFor();
    await page.getByTestId("round-open").click();
    await page.getByRole("dialog").getByRole("button", { name: "Mở cho đơn vị tự đánh giá" }).click();
    await page.getByTestId("round-status").getByText("Đang tự đánh giá").waitFor();
    expect(
      Number(await page.getByTestId("count-units").locator(".ant-statistic-content-value").innerText()),
    ).toBeGreaterThan(2);

    // The commune's reporter fills the 2026 self-assessment, with a file, and submits.
    await signIn(page, app.url, REPORTER, { at: "/dti" });
    const mine = page.getByTestId("dti-mine");
    await mine
      .locator(".ant-list-item")
      .filter({ hasText: /năm 2026/ })
      .getByRole("link", { name: "Tự đánh giá" })
      .click();
    await page.getByTestId("assessment-page").waitFor();
    const unitName = (await page.getByRole("heading", { level: 1 }).innerText()).replace("Tự đánh giá: ", "");
    // Criteria fed from approved reports say where their figure came from.
    expect(
      await page
        .getByTestId("automatic-source")
        .filter({ hasText: /^Tự động: / })
        .count(),
    ).toBeGreaterThan(0);
    expect(await fillCriteria(page)).toBeGreaterThan(3);
    // The first criterion the unit writes itself (the demo ward's approved reports fill some).
    const typed = page.getByTestId("dti-criterion").filter({ has: page.getByLabel("Thuyết minh") });
    const first = typed.first();
    await first
      .getByLabel("Thuyết minh")
      .fill("Quyết định số 15/QĐ-UBND thành lập Ban Chỉ đạo, Chủ tịch UBND xã là Trưởng ban.");
    await first.locator("input[type=file]").setInputFiles({
      name: EVIDENCE_FILE,
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n% dtplan test evidence\n%%EOF\n"),
    });
    await first.getByTestId("evidence-item").filter({ hasText: EVIDENCE_FILE }).waitFor();
    await skipAutosaveDelay(page);
    await page
      .getByTestId("save-status")
      .filter({ hasText: /Đã lưu lúc \d{2}:\d{2}/ })
      .waitFor();
    await screenshot(page, "dti-06-self-assessment");
    // The draft was saved, not only shown.
    await page.reload();
    await page
      .getByTestId("dti-criterion")
      .filter({ has: page.getByLabel("Thuyết minh") })
      .first()
      .getByTestId("evidence-item")
      .filter({ hasText: EVIDENCE_FILE })
      .waitFor();
    await page.getByRole("button", { name: "Nộp tự đánh giá" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Nộp tự đánh giá" }).click();
    await page.getByTestId("assessment-state").getByText("Đã nộp").waitFor();
    await screenshot(page, "dti-07-submitted");
    // The form on a phone: nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId("dti-criterion").first().waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, "dti-07b-submitted-390");
    await page.setViewportSize({ width: 1366, height: 900 });
    const selfTotal = await page.getByTestId("self-total").innerText();

    // The officer verifies: the first criterion adjusted with a reason, the rest accepted.
    await signIn(page, app.url, OFFICER, { at: "/dti" });
    await rounds
      .getByRole("link", { name: /năm 2026/ })
      .first()
      .click();
    await page.getByTestId("round-page").waitFor();
    const row = page.getByTestId("round-units").locator("tr").filter({ hasText: unitName });
    await row.getByText("Đã nộp").waitFor();
    await row.getByRole("link", { name: "Thẩm định" }).click();
    await page.getByTestId("assessment-page").waitFor();
    expect(await page.getByTestId("self-total").innerText()).toBe(selfTotal);
    const toAdjust = page.getByTestId("dti-criterion").first();
    await toAdjust.getByTestId("evidence-item").filter({ hasText: EVIDENCE_FILE }).waitFor();
    await toAdjust.getByText("Điều chỉnh điểm").click();
    await typeNumber(toAdjust.getByLabel("Điểm sau điều chỉnh"), "20");
    await toAdjust.getByLabel("Lý do điều chỉnh").fill(ADJUST_REASON);
    await page.getByRole("button", { name: "Chấp nhận các tiêu chí còn lại" }).click();
    await page.getByRole("button", { name: "Lưu thẩm định" }).click();
    try {
      await page
        .getByTestId("verified-total")
        .filter({ hasText: /\d+ \/ \d/ })
        .waitFor();
    } catch (e) {
      await screenshot(page, "dti-debug-verify", { fullPage: true });
      throw e;
    }
    await toAdjust.getByText(ADJUST_REASON).waitFor();
    await screenshot(page, "dti-08-verified", { fullPage: true });

    // Close and publish the round.
    await page.getByRole("link", { name: "Về đợt đánh giá" }).click();
    await page.getByTestId("round-close").click();
    await page.getByRole("dialog").getByRole("button", { name: "Khóa số liệu" }).click();
    await page.getByTestId("round-status").getByText("Đã khóa số liệu").waitFor();
    await page.getByTestId("round-publish").click();
    await page.getByRole("dialog").getByRole("button", { name: "Công bố kết quả" }).click();
    await page.getByTestId("round-status").getByText("Đã công bố").waitFor();
    await page.getByRole("tab", { name: "Kết quả xếp hạng" }).click();
    await page.getByTestId("ranking-table").getByText(unitName).waitFor();
    // Against 2025: the year's change shows for the units ranked both years.
    expect(await page.getByTestId("change").count()).toBeGreaterThan(0);
    await page.getByTestId("dti-radar-chart").locator("svg").waitFor();
    await screenshot(page, "dti-09-results-2026", { fullPage: true });
    for (const testId of ["ranking-xlsx", "ranking-docx"]) {
      const href = await page.getByTestId(testId).getAttribute("href");
      const file = await page.request.get(`${app.url}${href}`);
      expect(file.status(), testId).toBe(200);
      expect((await file.body()).subarray(0, 2).toString(), testId).toBe("PK");
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId("ranking-table").waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, "dti-10-results-390", { fullPage: true });
    await page.setViewportSize({ width: 1366, height: 900 });

    // The public page: the published ranking, no evidence, comments or self scores.
    await page.context().clearCookies();
    await page.goto(`${app.url}/cong-khai`);
    const teaser = page.getByTestId("public-dti-teaser");
    await teaser.getByRole("link", { name: /năm 2026/ }).click();
    const table = page.getByTestId("public-ranking-table");
    await table.getByText(unitName).waitFor();
    await page.getByTestId("dti-bar-chart").locator("svg").waitFor();
    const text = await page.locator("body").innerText();
    for (const hidden of [EVIDENCE_FILE, ADJUST_REASON, "tạm tính", "Đề nghị bổ sung"]) {
      expect(text, hidden).not.toContain(hidden);
    }
    await screenshot(page, "dti-11-public", { fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await table.getByText(unitName).waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, "dti-12-public-390", { fullPage: true });
    await page.close();
  }, 300_000);
});
