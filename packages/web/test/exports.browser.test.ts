/**
 * Xuất dữ liệu in a real browser against the real server with the demo data: the focal
 * officer of Vĩnh Long opens the province's 2026 plan, picks Xuất dữ liệu → Nhiệm vụ → CSV and gets
 * the file; on the periods screen, the attainment card's menu downloads the targets as
 * Excel. Screenshots go to test-artifacts/exports-*.png.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { screenshot, signIn, useDtplanInChromium } from "./browser.ts";

const PLAN = "vinh-long-2026";

describe("exports in Chromium", () => {
  const app = useDtplanInChromium({ acceptDownloads: true });

  it("downloads the plan's tasks as CSV and its targets as Excel from the export menus", async () => {
    const page = await app.context.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, app.url, "vinhlong.daumoi", { at: `/plans/${PLAN}` });
    await page.getByTestId("plan-detail").waitFor();
    await page.getByTestId("export-menu").click();
    const csvLink = page.getByTestId("export-1-csv");
    await csvLink.waitFor();
    await screenshot(page, "exports-01-plan-menu");
    const [csv] = await Promise.all([page.waitForEvent("download"), csvLink.click()]);
    expect(csv.suggestedFilename()).toBe(`nhiem-vu-${PLAN}.csv`);
    const text = readFileSync((await csv.path()) as string, "utf8");
    expect(text.split("\r\n")[0]).toBe(
      "\uFEFFID nhiệm vụ,Mã kế hoạch,Phiên bản,STT,Mã nhiệm vụ,Mã trụ cột,Trụ cột,Mục,Nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Thời hạn,Thời hạn (theo kế hoạch),Tiến độ (%),Mã trạng thái,Trạng thái,Ngày hoàn thành",
    );
    expect(text.split("\r\n")[1]).toContain(`,${PLAN},`);

    await page.goto(`${app.url}/periods?plan=${PLAN}`);
    const card = page.getByTestId("attainment");
    await card.getByRole("table").waitFor();
    await card.getByTestId("export-menu").click();
    const xlsxLink = page.getByTestId("export-0-xlsx");
    await xlsxLink.waitFor();
    await screenshot(page, "exports-02-attainment-menu");
    const [xlsx] = await Promise.all([page.waitForEvent("download"), xlsxLink.click()]);
    expect(xlsx.suggestedFilename()).toBe(`chi-tieu-${PLAN}.xlsx`);
    // An XLSX is a zip: "PK" first.
    expect(
      readFileSync((await xlsx.path()) as string)
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");

    // Theo dõi nộp: the units' figures of that period.
    await page.goto(`${app.url}/periods/${PLAN}/2026-Q1`);
    await page.getByRole("table").first().waitFor();
    await page.getByTestId("export-menu").click();
    const valuesLink = page.getByTestId("export-csv");
    await valuesLink.waitFor();
    await screenshot(page, "exports-03-chase-menu");
    const [values] = await Promise.all([page.waitForEvent("download"), valuesLink.click()]);
    expect(values.suggestedFilename()).toBe(`so-lieu-chi-so-${PLAN}-2026-Q1.csv`);
    const lines = readFileSync((await values.path()) as string, "utf8").split("\r\n");
    expect(lines[0]).toMatch(/^\uFEFFMã kỳ,Kỳ báo cáo,Mốc số liệu,Mã đơn vị,Đơn vị,/);
    expect(lines[1]).toMatch(/^2026-Q1,Quý I năm 2026,/);

    // Việc của tôi: the menu carries the status filter chosen on the screen.
    await page.goto(`${app.url}/my-tasks`);
    await page.getByTestId("my-tasks-table").waitFor();
    await page.getByTestId("export-menu").click();
    const jsonLink = page.getByTestId("export-json");
    await jsonLink.waitFor();
    await screenshot(page, "exports-04-my-tasks-menu");
    const [json] = await Promise.all([page.waitForEvent("download"), jsonLink.click()]);
    expect(json.suggestedFilename()).toBe("viec-cua-toi.json");
    const body = JSON.parse(readFileSync((await json.path()) as string, "utf8"));
    expect(body).toMatchObject({ plan: null, filters: {} });
    expect(Array.isArray(body.rows)).toBe(true);
  }, 60_000);
});
