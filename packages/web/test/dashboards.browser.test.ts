/**
 * The leader dashboard and the province view in a real browser against the real
 * server with the demo data: the first screen loads no chart code; the province's
 * leader opens the dashboard (on the province's own 2026 plan), waits for the charts and drills pillar → target →
 * unit → evidence; the province viewer sorts the localities. Screenshots go to
 * test-artifacts/leader-dashboard.png and test-artifacts/province-view.png.
 */
import type { TSessionResponse } from "@dtplan/contracts/auth.ts";
import type { TPlanDashboard } from "@dtplan/contracts/dashboard.ts";
import type { TPlanListItem } from "@dtplan/contracts/plans.ts";
import { currentPlan } from "@dtplan/domain/plans/current-plan.ts";
import { todayInVietnam } from "@dtplan/domain/time/vietnam.ts";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot, signIn, signInThroughForm, useDtplanInChromium } from "./browser.ts";

const PLAN = "vinh-long-2026";
// A string only ECharts' own code contains (its instance bookkeeping).
const ECHARTS_MARK = "__ec_inner";

/** The whole page, from the top (the header is sticky: a scrolled page would paint it mid-way). */
async function shot(page: Page, name: string): Promise<void> {
  await page.mouse.move(1, 1);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name, { fullPage: true });
}

/** Every script the page asks for from now on. */
function scriptsOf(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script" || request.url().endsWith(".js")) urls.push(request.url());
  });
  return urls;
}

describe("dashboards in Chromium", () => {
  const app = useDtplanInChromium();

  it("loads no chart code on the first screen, then the leader drills the dashboard down to evidence", async () => {
    const page = await app.context.newPage();
    page.setDefaultTimeout(20_000);
    const scripts = scriptsOf(page);

    // The first screen: the login page, then home.
    await signInThroughForm(page, app.url, "vinhlong.lanhdao");
    await page.waitForLoadState("networkidle");
    const firstScreen = [...new Set(scripts)];
    expect(firstScreen.length).toBeGreaterThan(0);
    expect(firstScreen.filter((u) => /echarts|zrender/i.test(u))).toEqual([]);
    for (const url of firstScreen) {
      const body = await (await page.request.get(url)).text();
      expect(body.includes(ECHARTS_MARK), url).toBe(false);
    }

    await page.getByRole("menuitem", { name: "Bảng điều hành" }).click();
    await page.waitForURL(/\/dashboard/);
    // It opens on the plan the leader's own unit issued, not a commune's: the picker names it by
    // its title and document number (Kế hoạch 285/KH-UBND of the province), not by its code.
    await page.getByText("Vĩnh Long năm 2026 (285/KH-UBND)").first().waitFor();
    await expect.poll(() => page.getByText(`(${PLAN})`).count()).toBe(0);
    const pillarsChart = page.getByTestId("chart-pillars");
    await pillarsChart.locator("svg").first().waitFor();
    await page.getByTestId("chart-trend").locator("svg").first().waitFor();
    // The chart code came with the dashboard, not before.
    expect(scripts.some((u) => /echarts/.test(u))).toBe(true);
    await expect.poll(() => page.getByTestId("kpis").textContent()).toContain("Chỉ tiêu đạt");
    // It opened on the plan in force today (never a draft), the leader's own unit's first.
    const listed = (await (
      await page.request.get(`${app.url}/api/plans?status=published&limit=200`)
    ).json()) as { items: TPlanListItem[] };
    const me = (await (await page.request.get(`${app.url}/api/auth/me`)).json()) as TSessionResponse;
    const opened = currentPlan(listed.items, todayInVietnam(), new Set(me.user.grants.map((g) => g.unitId)));
    expect(opened).not.toBeNull();
    await page
      .getByTestId("dashboard-period")
      .getByText(opened?.title ?? "", { exact: false })
      .waitFor();
    // The attainment figure says its basis: targets achieved of all, those without figures, reports in.
    await expect.poll(() => page.getByTestId("kpis").textContent()).toMatch(/\d+\/\d+ chỉ tiêu đạt/);
    if (opened?.code !== PLAN) {
      await page.goto(`${app.url}/dashboard/${PLAN}`);
      await pillarsChart.locator("svg").first().waitFor();
    }
    await expect.poll(() => page.getByTestId("kpis").textContent()).toMatch(/từ \d+\/\d+ báo cáo/);
    await screenshot(page, "leader-dashboard-basis");
    // On a phone the figures keep their basis and nothing is wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId("kpis").scrollIntoViewIfNeeded();
    // Measured once the layout has followed the resize (the compact header, the stacked cards).
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await screenshot(page, "leader-dashboard-basis-390");
    await page.setViewportSize({ width: 1440, height: 900 });

    // A pillar with reported figures, read from the same API the page uses.
    const data = (await (
      await page.request.get(`${app.url}/api/plans/${PLAN}/dashboard`)
    ).json()) as TPlanDashboard;
    // Reported by two units or more, so the drill-down lists units under the issuing unit.
    const target = data.targets.find((x) => x.reportingUnits >= 2);
    expect(target, "a demo target with reported figures").toBeDefined();
    const pillar = data.pillars.find((p) => p.pillar === target?.pillar);
    if (!target || !pillar) return;

    // Pillar: click its bar's label in the chart.
    await pillarsChart
      .locator("svg text", { hasText: pillar.label.slice(0, 12) })
      .first()
      .click();
    const drill = page.getByTestId("drill-down");
    await drill.getByText(`Chỉ tiêu của trụ cột: ${pillar.label}`).waitFor();
    // Target → its units.
    await drill.getByTestId("drill-targets").getByText(target.text, { exact: true }).click();
    const units = drill.getByTestId("drill-units");
    await units.locator("tbody tr.ant-table-row").first().waitFor();
    expect(await units.locator("tbody tr.ant-table-row").count()).toBeGreaterThanOrEqual(2);
    // Unit → its evidence.
    await units
      .getByRole("button", { name: /Xem minh chứng/ })
      .first()
      .click();
    await drill.getByTestId("drill-evidence").waitFor();
    await expect.poll(() => drill.getByTestId("drill-evidence").textContent()).toMatch(/Minh chứng của/);

    await shot(page, "leader-dashboard");

    await page.close();
  });

  it("opens an overdue task's panel and a target at risk's panel from the dashboard, and prints it on A4 landscape", async () => {
    const page = await app.context.newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, app.url, "vinhlong.lanhdao", { at: `/dashboard/${PLAN}` });
    await page.getByTestId("chart-pillars").locator("svg").first().waitFor();
    // An overdue task opens the task panel, the same as in Nhiệm vụ của tôi.
    const data = (await (
      await page.request.get(`${app.url}/api/plans/${PLAN}/dashboard`)
    ).json()) as TPlanDashboard;
    const overdue = data.overdueTasks[0];
    expect(overdue, "a demo task overdue on the plan").toBeDefined();
    await page.getByTestId("overdue-tasks").getByText(overdue.text).first().click();
    const panel = page.getByTestId("task-drawer");
    await panel.getByText(overdue.text).first().waitFor();
    // The leader cannot update the progress: the panel opens where a direction is written.
    await expect
      .poll(() => panel.getByRole("tab", { name: /Ý kiến \(\d+\)/ }).getAttribute("aria-selected"))
      .toBe("true");
    await screenshot(page, "leader-dashboard-task-panel");
    await panel.locator(".ant-drawer-close").click();
    await panel.waitFor({ state: "hidden" });
    // A target at risk opens the target panel, the same as on the plan page.
    const atRisk = data.atRisk[0];
    expect(atRisk, "a demo target at risk on the plan").toBeDefined();
    await page.getByTestId("at-risk").getByText(atRisk.text).first().click();
    const targetPanel = page.getByTestId("target-drawer");
    await targetPanel.getByText(atRisk.text).first().waitFor();
    await targetPanel.getByTestId("drill-units").waitFor();
    await targetPanel.locator(".ant-drawer-close").click();
    await targetPanel.waitFor({ state: "hidden" });

    // On paper: A4 landscape (297 mm at 96 dpi), no menu or header, the charts within the page.
    await page.setViewportSize({ width: 1123, height: 794 });
    await page.emulateMedia({ media: "print" });
    await expect.poll(() => page.locator(".ant-layout-sider").isVisible()).toBe(false);
    expect(await page.locator(".dt-header").isVisible()).toBe(false);
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(1123);
    // Drawn again at the print width: whole, and not empty.
    const chart = await page
      .getByTestId("chart-pillars")
      .locator("svg")
      .first()
      .evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { right: r.right, height: r.height };
      });
    expect(chart.right).toBeLessThanOrEqual(1123);
    expect(chart.height).toBeGreaterThan(200);
    await shot(page, "leader-dashboard-print");
    await page.close();
  });

  it("shows every locality of the province, sortable", async () => {
    const page = await app.context.newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, app.url, "vinhlong.tinh");
    await page.getByRole("menuitem", { name: "Toàn tỉnh" }).click();
    const table = page.getByTestId("localities-table");
    await table.locator("tbody tr.ant-table-row").first().waitFor();
    await page.getByTestId("chart-localities").locator("svg").first().waitFor();
    // One period for every locality, and the dissolved district only when asked for.
    await page.getByTestId("province-period").waitFor();
    await expect.poll(() => table.textContent()).toContain("Xã Long Hồ");
    expect(await table.textContent()).not.toContain("Huyện Châu Thành");
    await page.getByRole("switch", { name: "Hiện cả đơn vị đã giải thể, kế hoạch chưa bắt đầu" }).click();
    await expect.poll(() => table.textContent()).toContain("Huyện Châu Thành");

    const header = table.locator("th", { hasText: "Tiến độ nhiệm vụ" });
    await header.click();
    await expect.poll(() => header.getAttribute("aria-sort")).toBe("ascending");
    await header.click();
    await expect.poll(() => header.getAttribute("aria-sort")).toBe("descending");
    // Highest progress first: the first row has a progress bar.
    await expect
      .poll(() => table.locator("tbody tr.ant-table-row").first().locator(".ant-progress").count())
      .toBeGreaterThan(0);

    const csv = page.getByRole("link", { name: /Tải CSV/ });
    expect(await csv.getAttribute("href")).toMatch(/\/api\/province\/export\?format=csv/);

    await shot(page, "province-view");
    // A locality's row (Xã Long Hồ has one plan) opens that plan's dashboard.
    await table.locator("tbody tr.ant-table-row", { hasText: "Xã Long Hồ" }).first().click();
    await page.waitForURL(/\/dashboard\/[^/]+$/);
    await page.getByTestId("kpis").waitFor();

    // A locality's overdue count opens its plan's dashboard at the overdue tasks, in view.
    await page.goBack();
    const overdue = page.getByTestId("localities-table").getByTestId("overdue-link").first();
    const count = Number(await overdue.textContent());
    await overdue.click();
    await page.waitForURL(/\/dashboard\/[^/#]+#overdue-tasks$/);
    const list = page.getByTestId("overdue-tasks");
    await list.locator("tbody tr.ant-table-row").first().waitFor();
    await expect
      .poll(() =>
        list.evaluate((el) => {
          const box = el.getBoundingClientRect();
          return box.top < window.innerHeight && box.bottom > 0;
        }),
      )
      .toBe(true);
    expect(count).toBeGreaterThan(0);
    await shot(page, "province-overdue-to-dashboard");
    await page.close();
  });
});
