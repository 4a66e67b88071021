/**
 * Daily use on a phone and a slow line: the report form fits 390 px, keeps working
 * while the connection is down (edits kept in the browser, "chưa lưu lên máy chủ", the
 * form opening again on a reload), saves them when it returns, and refuses an evidence file that is too large before
 * sending a byte of it. Screenshots: test-artifacts/daily-*.png.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { screenshot, settle, signIn, skipAutosaveDelay, useDtplanInChromium } from "./browser.ts";

const PLAN = "vinh-long-2026";

/** Calls the API of `origin` as the page's signed-in user (its cookie, its CSRF token). */
async function callApi<T>(
  page: Page,
  origin: string,
  method: "GET" | "POST" | "PUT",
  path: string,
  body?: unknown,
): Promise<T> {
  const me = await page.request.get(`${origin}/api/auth/me`);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const response = await page.request.fetch(`${origin}/api${path}`, {
    method,
    headers: { "x-csrf-token": csrfToken, "content-type": "application/json" },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

async function typeNumber(input: Locator, value: string): Promise<void> {
  await input.click();
  await input.press("ControlOrMeta+a");
  await input.fill(value);
  await input.press("Tab");
}

const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The province's focal officer opens an ad hoc period of the 2026 plan, due in ten days;
 * then Sở Nội vụ's reporter signs in. Returns the period's key and the reporter's unit.
 */
async function openPeriodForSoNoiVu(
  page: Page,
  baseUrl: string,
  label: string,
): Promise<{ periodKey: string; unitId: string | undefined }> {
  await signIn(page, baseUrl, "vinhlong.daumoi", { at: null });
  const period = await callApi<{ key: string }>(page, baseUrl, "POST", `/plans/${PLAN}/periods`, {
    label,
    start: "2026-01-01",
    end: "2026-06-30",
    dueDate: isoIn(10),
  });
  await signIn(page, baseUrl, "vinhlong.sonv", { at: null });
  const me = await callApi<{ user: { grants: Array<{ unitId: string; unitName: string }> } }>(
    page,
    baseUrl,
    "GET",
    "/auth/me",
  );
  return {
    periodKey: period.key,
    unitId: me.user.grants.find((g) => g.unitName.includes("Sở Nội vụ"))?.unitId,
  };
}

/** The reporter (signed in on `page`) fills every required figure of the report and submits it. */
async function submitFilledReport(
  page: Page,
  baseUrl: string,
  reportPath: string,
): Promise<{ version: number }> {
  type Form = {
    version: number;
    tasks: Array<{ key: string; progressRequired: boolean }>;
    values: Array<{ targetKey: string; indicator: { aggregation: string } }>;
  };
  const form = await callApi<Form>(page, baseUrl, "GET", reportPath);
  // Every required figure, as a reporter would type them.
  const saved = await callApi<{ version: number }>(page, baseUrl, "PUT", reportPath, {
    version: form.version,
    tasks: form.tasks.map((x) => ({ key: x.key, progress: 50, note: "Đã triển khai." })),
    values: form.values.map((v) =>
      v.indicator.aggregation === "ratio"
        ? { targetKey: v.targetKey, numerator: 30, denominator: 40 }
        : { targetKey: v.targetKey, value: 1 },
    ),
  });
  return callApi<{ version: number }>(page, baseUrl, "POST", `${reportPath}/submit`, {
    version: saved.version,
  });
}

let workDir: string | undefined;

/** A 25 MB zip (video-hop-trien-khai.zip) in a scratch directory, removed after the file's tests. */
function tooLarge(): string {
  workDir ??= mkdtempSync(path.join(tmpdir(), "dtplan-daily-"));
  const file = path.join(workDir, "video-hop-trien-khai.zip");
  writeFileSync(file, Buffer.alloc(25 * 1024 * 1024, 1));
  return file;
}

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe("the report form on a phone and a slow line", () => {
  const app = useDtplanInChromium({ viewport: { width: 390, height: 844 }, controlledClock: true });

  it("fits 390 px, keeps edits while offline, saves them when the connection returns, checks evidence before upload", async () => {
    const page = await app.context.newPage();
    page.setDefaultTimeout(20_000);
    const { periodKey, unitId } = await openPeriodForSoNoiVu(
      page,
      app.url,
      "Báo cáo nhanh tình hình chuyển đổi số",
    );
    expect(unitId).toBeDefined();
    const reportUrl = `${app.url}/periods/${PLAN}/${periodKey}/units/${unitId}`;
    await page.goto(reportUrl);
    await page.getByTestId("report-page").waitFor();
    const firstTask = page
      .getByTestId("report-task")
      .filter({ has: page.getByLabel("Tiến độ (%)", { exact: true }) })
      .first();
    const progress = firstTask.getByLabel("Tiến độ (%)", { exact: true });
    await progress.waitFor();
    await settle(page);
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await screenshot(page, "daily-01-report-form-390");
    // The task's text opens the one task panel, within the phone's width.
    await firstTask.getByRole("link").first().click();
    await page
      .getByTestId("task-drawer")
      .getByRole("tab", { name: /^Ý kiến \(\d+\)$/ })
      .waitFor();
    await screenshot(page, "daily-01b-report-task-panel-390");
    await page.keyboard.press("Escape");
    await page.getByTestId("task-drawer").waitFor({ state: "hidden" });

    // Before the connection drops, the page's offline copy (public/sw.js) holds what the form
    // opens with: the session's and the report's answers and every file the page loaded.
    // The worker takes the page over after its first load; reloaded online, the form's files
    // and answers come through it and are kept. (A first visit also hands it what loaded
    // before, read from resource timing, which the test's controlled clock partly hides.)
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await progress.waitFor();
    const answer = `/api/plans/${PLAN}/periods/${periodKey}/reports/${unitId}`;
    const notKept = () =>
      page.evaluate(async (report) => {
        // The page's resources, read by an observer: the controlled clock replaces `performance`.
        const loaded = await new Promise<string[]>((resolve) =>
          new PerformanceObserver((list, observer) => {
            observer.disconnect();
            resolve(list.getEntries().map((entry) => entry.name));
          }).observe({ type: "resource", buffered: true }),
        );
        const files = loaded
          .map((url) => new URL(url).pathname)
          .filter((path) => path.startsWith("/assets/"));
        const paths = [report, "/api/auth/me", ...files];
        const kept = await Promise.all(paths.map(async (path) => Boolean(await caches.match(path))));
        return paths.filter((_, i) => !kept[i]);
      }, answer);
    await expect.poll(notKept, { timeout: 20_000 }).toEqual([]);

    // The connection drops: the edit stays in this browser, and the form says so.
    await app.context.setOffline(true);
    await typeNumber(progress, "42");
    const status = page.getByTestId("save-status");
    await skipAutosaveDelay(page);
    await status.filter({ hasText: "chưa lưu lên máy chủ" }).waitFor();
    const kept = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith("dtplan.report-draft.")),
    );
    expect(kept).toHaveLength(1);
    await screenshot(page, "daily-02-report-offline");
    // Reloaded while still offline, the form opens from that copy with the kept edit.
    await page.reload();
    await page.getByTestId("report-page").waitFor();
    expect(await progress.inputValue()).toBe("42");
    await skipAutosaveDelay(page);
    await status.filter({ hasText: "chưa lưu lên máy chủ" }).waitFor();
    await screenshot(page, "daily-02b-report-reloaded-offline");

    // It comes back: the kept edit is saved without the user doing anything.
    await app.context.setOffline(false);
    await status.filter({ hasText: /Đã lưu lúc \d{2}:\d{2}/ }).waitFor();
    expect(
      await page.evaluate(() =>
        Object.keys(localStorage).filter((k) => k.startsWith("dtplan.report-draft.")),
      ),
    ).toEqual([]);
    await page.reload();
    await page.getByTestId("report-page").waitFor();
    expect(await progress.inputValue()).toBe("42");
    await screenshot(page, "daily-03-report-saved-after-reconnect");

    // Home: what waits for this reporter, the ad hoc report still to submit among it.
    await page.goto(`${app.url}/`);
    await page.getByTestId("todo-fill").getByTestId("todo-link").first().waitFor();
    await settle(page);
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await screenshot(page, "daily-03b-todo-390");

    // A 25 MB file is refused in the browser: no upload request leaves it.
    const uploads: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().includes("evidence")) uploads.push(r.url());
    });
    // From a task's panel in "Nhiệm vụ của tôi", which fits the phone too.
    await page.goto(`${app.url}/my-tasks`);
    await page
      .getByTestId("table-card")
      .filter({ hasText: "Chủ trì" })
      // A task still open (a finished one takes no more evidence).
      .filter({ hasNotText: "Hoàn thành" })
      .first()
      .getByRole("button", { name: "Chi tiết" })
      .click();
    const drawer = page.getByTestId("task-drawer");
    // At 390 px the tab sits half outside the scrolled tab bar: antd scrolls it in on the
    // first click, which can land before the bar settles; click until the tab is selected.
    const evidenceTab = drawer.getByRole("tab", { name: /Minh chứng/ });
    await expect
      .poll(async () => {
        await evidenceTab.click();
        return evidenceTab.getAttribute("aria-selected");
      })
      .toBe("true");
    await drawer.getByRole("button", { name: "Tải lên tệp minh chứng" }).waitFor();
    const input = drawer.locator("input[type=file]");
    expect(await input.getAttribute("accept")).toContain(".pdf");
    // Chosen from a file on disk: the browser reads it where it lies, where a buffer's 25 MB
    // crossed Playwright's connection first (several seconds).
    await input.setInputFiles(tooLarge());
    const refusal = page.getByText(/nặng 25 MB, quá giới hạn \d+ MB/);
    await refusal.waitFor();
    await refusal.scrollIntoViewIfNeeded();
    expect(
      await drawer.evaluate((el) => el.querySelector(".ant-drawer-body")?.scrollWidth ?? 0),
    ).toBeLessThanOrEqual(390);
    expect(uploads).toEqual([]);
    await screenshot(page, "daily-04-evidence-too-large");

    await page.close();
  });

  it("searches from the header's button on a phone and opens the task where it lives", async () => {
    const page = await app.context.newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, app.url, "vinhlong.sonv");
    await page.getByTestId("search-open").click();
    await page.getByTestId("search-input").locator("input").fill("chu ky so");
    const hit = page
      .getByTestId("search-group-task")
      .getByRole("option")
      .filter({ hasText: "Triển khai hồ sơ công việc và chữ ký số" });
    await hit.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await screenshot(page, "daily-07-search-phone-390");
    await hit.click();
    await page.waitForURL(new RegExp(`/plans/${PLAN}\\?tab=tasks&task=`));
    await page
      .getByTestId("task-drawer")
      .getByText("Triển khai hồ sơ công việc và chữ ký số")
      .first()
      .waitFor();
    // The bell's panel stays on the phone's screen (it used to run off its left edge).
    await page.keyboard.press("Escape");
    await page.getByTestId("notification-bell").click();
    const panel = page.getByTestId("notification-panel");
    await panel.waitFor();
    await expect.poll(async () => (await panel.boundingBox())?.x ?? -1).toBeGreaterThanOrEqual(0);
    const box = await panel.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    await page.close();
  });
});

describe("plain Vietnamese and notifications on a laptop", () => {
  const app = useDtplanInChromium({ viewport: { width: 1366, height: 860 } });

  it("says in Vietnamese which fields an empty sign-in lacks", async () => {
    const page = await app.context.newPage();
    await page.goto(`${app.url}/login`);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByText("Nhập tên đăng nhập").waitFor();
    await page.getByText("Nhập mật khẩu").waitFor();
    expect(await page.locator("body").textContent()).not.toMatch(/Invalid input|expected string/);
    await screenshot(page, "daily-05-empty-sign-in");
    // In English the same form says the same in English.
    await page.getByText("EN", { exact: true }).click();
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Enter the username").waitFor();
    await page.getByText("Enter the password").waitFor();
    expect(await page.locator("body").textContent()).not.toMatch(/Nhập|Invalid input/);
    await screenshot(page, "daily-05-empty-sign-in-en");
    await page.evaluate(() => localStorage.removeItem("dtplan.lang"));
    await page.close();
  });

  it("tells the reporter at the bell that the report was returned, with the reason, and opens it", async () => {
    const page = await app.context.newPage();
    page.setDefaultTimeout(20_000);
    const { periodKey, unitId } = await openPeriodForSoNoiVu(page, app.url, "Báo cáo chuyên đề dữ liệu số");
    const reportPath = `/plans/${PLAN}/periods/${periodKey}/reports/${unitId}`;
    const submitted = await submitFilledReport(page, app.url, reportPath);

    await signIn(page, app.url, "vinhlong.daumoi", { at: null });
    await callApi(page, app.url, "POST", `${reportPath}/return`, {
      version: submitted.version,
      comment: "Đề nghị bổ sung kết quả số hóa hồ sơ.",
    });

    await signIn(page, app.url, "vinhlong.sonv");
    const badge = page.getByTestId("notification-badge");
    await expect.poll(() => badge.textContent()).toMatch(/[1-9]/);
    await page.getByTestId("notification-bell").click();
    const item = page
      .getByTestId("notification-item")
      .filter({ hasText: "Báo cáo bị trả lại: Báo cáo chuyên đề dữ liệu số" });
    await item.getByText("Lý do: Đề nghị bổ sung kết quả số hóa hồ sơ.").waitFor();
    await screenshot(page, "daily-06-notification-returned");
    await item.click();
    await page.waitForURL(new RegExp(`/periods/${PLAN}/${periodKey}/units/${unitId}$`));
    await page.getByTestId("report-page").waitFor();

    // The home page counts it among what waits, with the reason, and links to the report.
    await page.goto(`${app.url}/`);
    const returned = page.getByTestId("todo-returned");
    await returned.getByText("Lý do: Đề nghị bổ sung kết quả số hóa hồ sơ.").waitFor();
    await page.getByTestId("todo-count-returned").waitFor();
    await returned.getByRole("heading", { name: /^Báo cáo bị trả lại \([1-9]\d*\)$/ }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(1366);
    await screenshot(page, "daily-07-todo-1366");
    await returned.getByRole("link", { name: /Báo cáo chuyên đề dữ liệu số/ }).click();
    await page.waitForURL(new RegExp(`/periods/${PLAN}/${periodKey}/units/${unitId}$`));
    await page.goto(`${app.url}/account/notifications`);
    await page.getByTestId("channel-digest").waitFor();
    await screenshot(page, "daily-08-notification-settings");
    await page.close();
  });

  it("finds with Ctrl+K, without diacritics, only what a commune's reporter may read", async () => {
    const page = await app.context.newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, app.url, "longho.baocao");
    await page.keyboard.press("Control+k");
    await page.getByTestId("search-input").locator("input").fill("long ho");
    const units = page.getByTestId("search-group-unit");
    await units
      .getByRole("option", { name: /Xã Long Hồ/ })
      .first()
      .waitFor();
    const dialog = page.getByTestId("search-dialog");
    expect(await dialog.textContent()).not.toMatch(/Phường Trà Vinh|Tỉnh Đồng Tháp/);
    await screenshot(page, "daily-08-search-ctrl-k-1366");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/plans\//);
    await page.close();
  });

  it("approves submitted reports together from the period's chase list, after a preview, on a phone too", async () => {
    const page = await app.context.newPage();
    page.setDefaultTimeout(20_000);
    const { periodKey, unitId } = await openPeriodForSoNoiVu(page, app.url, "Báo cáo nhanh ứng dụng AI");
    await submitFilledReport(page, app.url, `/plans/${PLAN}/periods/${periodKey}/reports/${unitId}`);
    // On a phone the list is cards, each submitted report with its box to choose it.
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, app.url, "vinhlong.daumoi", { at: `/periods/${PLAN}/${periodKey}` });
    await page.getByRole("checkbox", { name: /Chọn báo cáo Sở Nội vụ/ }).check();
    await page.getByTestId("bulk-approve").click();
    const preview = page.getByTestId("bulk-review");
    await preview
      .getByTestId("bulk-item")
      .filter({ hasText: "Sẽ duyệt" })
      .filter({ hasText: "Sở Nội vụ" })
      .waitFor();
    await screenshot(page, "daily-09-bulk-approve-preview-390");
    await page.getByTestId("bulk-confirm").click();
    await page.getByText("Đã xử lý 1 báo cáo, bỏ qua 0.").waitFor();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page
      .getByTestId("chase-table")
      .getByRole("row")
      .filter({ hasText: "Sở Nội vụ" })
      .getByText("Đã duyệt")
      .waitFor();
    await page.close();
  });
});
