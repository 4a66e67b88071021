/**
 * Phones: every signed-in route of the demo at 390 px wide fits the screen (no
 * horizontal scrolling): the menu is a drawer, the header compact, tables become
 * cards. Screenshots: test-artifacts/phone-*.png.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot, settle, signIn, signInThroughForm, useDtplanInChromium } from "./browser.ts";

/** How far the page is wider than the screen, and the widest elements that make it so. */
async function overflow(page: Page): Promise<{ extra: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const extra = document.documentElement.scrollWidth - width;
    const culprits: string[] = [];
    if (extra > 0) {
      for (const el of document.querySelectorAll<HTMLElement>("body *")) {
        const r = el.getBoundingClientRect();
        if (r.right > width + 1 && r.width > 0) {
          culprits.push(
            `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} ${Math.round(r.right)}`,
          );
          if (culprits.length > 8) break;
        }
      }
    }
    return { extra, culprits };
  });
}

/** Ids the routes of the demo need, read from the API as the signed-in user sees it. */
interface DemoIds {
  period: string;
  unit: string;
  framework: string;
  round: string;
}

const PLAN = "vinh-long-2026";

/** Every signed-in route of the app (src/routes.tsx), as the role that uses it. */
const PAGES: Array<{ user: string; path: string | ((ids: DemoIds) => string); name: string }> = [
  { user: "vinhlong.sonv", path: "/", name: "home-reporter" },
  { user: "vinhlong.sonv", path: "/my-tasks", name: "my-tasks" },
  { user: "vinhlong.sonv", path: "/periods", name: "periods-reporter" },
  {
    user: "vinhlong.sonv",
    path: (ids) => `/periods/${PLAN}/${ids.period}/units/${ids.unit}`,
    name: "report",
  },
  { user: "vinhlong.daumoi", path: "/", name: "home-focal" },
  { user: "vinhlong.daumoi", path: "/plans", name: "plans" },
  { user: "vinhlong.daumoi", path: `/plans/${PLAN}`, name: "plan" },
  { user: "vinhlong.daumoi", path: "/periods", name: "periods" },
  { user: "vinhlong.daumoi", path: (ids) => `/periods/${PLAN}/${ids.period}`, name: "chase" },
  { user: "vinhlong.daumoi", path: "/reports", name: "reports" },
  { user: "vinhlong.daumoi", path: (ids) => `/reports/${PLAN}/${ids.period}`, name: "consolidated" },
  { user: "vinhlong.daumoi", path: "/indicators", name: "indicators" },
  { user: "vinhlong.daumoi", path: "/dti", name: "dti" },
  { user: "vinhlong.daumoi", path: "/dti/frameworks", name: "dti-frameworks" },
  { user: "vinhlong.daumoi", path: (ids) => `/dti/frameworks/${ids.framework}`, name: "dti-framework" },
  { user: "vinhlong.daumoi", path: (ids) => `/dti/rounds/${ids.round}`, name: "dti-round" },
  { user: "vinhlong.lanhdao", path: "/dashboard", name: "dashboard" },
  { user: "vinhlong.lanhdao", path: `/dashboard/${PLAN}`, name: "dashboard-province-plan" },
  { user: "vinhlong.tinh", path: "/province", name: "province" },
  { user: "admin", path: "/admin/org", name: "org" },
  { user: "admin", path: "/admin/users", name: "users" },
  { user: "admin", path: "/admin/audit", name: "audit" },
  { user: "admin", path: "/admin/backups", name: "backups" },
];

/**
 * The demo's ids, each read once by the first user who sees it: a past period of the
 * province plan and Sở Nội vụ (its reporter signs in first), a DTI framework and round.
 */
async function demoIds(page: Page, url: string, known: Partial<DemoIds>): Promise<Partial<DemoIds>> {
  const get = async <T>(path: string): Promise<T | null> => {
    const res = await page.request.get(`${url}/api${path}`);
    return res.ok() ? ((await res.json()) as T) : null;
  };
  const ids = { ...known };
  if (!ids.unit) {
    const me = await get<{ user: { grants: { unitId: string }[] } }>("/auth/me");
    ids.unit = me?.user.grants[0]?.unitId;
  }
  if (!ids.period) {
    const plan = await get<{ today: string; periods: { key: string; dueDate: string }[] }>(
      `/plans/${PLAN}/periods`,
    );
    const due = plan?.periods.filter((p) => p.dueDate <= plan.today) ?? [];
    ids.period = due[due.length - 1]?.key;
  }
  if (!ids.framework)
    ids.framework = (await get<{ frameworks: { id: string }[] }>("/dti/frameworks"))?.frameworks[0]?.id;
  if (!ids.round) ids.round = (await get<{ rounds: { id: string }[] }>("/dti/rounds"))?.rounds[0]?.id;
  return ids;
}

describe("signed-in pages on a 390 px phone", () => {
  const app = useDtplanInChromium({ viewport: { width: 390, height: 844 } });

  // Two dozen pages signed in as five people: longer than one case's default minute.
  it("fits every page to the screen's width", { timeout: 240_000 }, async () => {
    const page = await app.context.newPage();
    let who = "";
    const wide: string[] = [];
    let ids: Partial<DemoIds> = {};
    // An empty sign-in says in Vietnamese which fields are missing, within the phone's width.
    await page.goto(`${app.url}/login`);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByText("Nhập tên đăng nhập").waitFor();
    await page.getByText("Nhập mật khẩu").waitFor();
    expect(await page.locator("body").textContent()).not.toMatch(/Invalid input|expected string/);
    expect((await overflow(page)).extra).toBe(0);
    await screenshot(page, "phone-empty-sign-in");
    for (const p of PAGES) {
      if (p.user !== who) {
        // The first through the sign-in form on the phone; the others by its request only
        // (the page is opened next).
        if (who === "") await signInThroughForm(page, app.url, p.user);
        else await signIn(page, app.url, p.user, { at: null });
        who = p.user;
        ids = await demoIds(page, app.url, ids);
      }
      const path = typeof p.path === "string" ? p.path : p.path(ids as DemoIds);
      await page.goto(`${app.url}${path}`);
      await page.getByTestId("current-user").waitFor();
      // The page itself, not its loading spinner (a lazy page, then its data).
      await expect.poll(() => page.locator(".ant-spin-spinning").count(), { timeout: 20_000 }).toBe(0);
      await settle(page);
      await screenshot(page, `phone-${p.name}`);
      if (p.name === "home-reporter") {
        // The database's migration is the administrator's business, not a reporter's.
        expect(await page.locator("body").textContent()).not.toContain("Cấu trúc dữ liệu");
      }
      const { extra, culprits } = await overflow(page);
      if (extra > 0) wide.push(`${path} (${p.user}) +${extra}px: ${culprits.join(" | ")}`);
    }
    expect(wide).toEqual([]);
    await page.close();
  });
});
