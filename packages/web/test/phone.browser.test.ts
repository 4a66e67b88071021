/**
 * Phones: every signed-in page of the demo at 390 px wide fits the screen (no
 * horizontal scrolling): the menu is a drawer, the header compact, tables become
 * cards. Screenshots: test-artifacts/phone-*.png.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot, settle, signIn, useDtplanInChromium } from "./browser.ts";

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

const PAGES: Array<{ user: string; path: string; name: string; ready?: string }> = [
  { user: "vinhlong.sonv", path: "/", name: "home-reporter" },
  { user: "vinhlong.sonv", path: "/my-tasks", name: "my-tasks" },
  { user: "vinhlong.sonv", path: "/periods", name: "periods-reporter" },
  { user: "vinhlong.daumoi", path: "/", name: "home-focal" },
  { user: "vinhlong.daumoi", path: "/plans", name: "plans" },
  { user: "vinhlong.daumoi", path: "/periods", name: "periods" },
  { user: "vinhlong.daumoi", path: "/reports", name: "reports" },
  { user: "vinhlong.daumoi", path: "/indicators", name: "indicators" },
  { user: "vinhlong.lanhdao", path: "/dashboard", name: "dashboard" },
  { user: "vinhlong.tinh", path: "/province", name: "province" },
  { user: "admin", path: "/admin/org", name: "org" },
  { user: "admin", path: "/admin/users", name: "users" },
  { user: "admin", path: "/admin/audit", name: "audit" },
];

describe("signed-in pages on a 390 px phone", () => {
  const app = useDtplanInChromium({ viewport: { width: 390, height: 844 } });

  it("fits every page to the screen's width", async () => {
    const page = await app.context.newPage();
    let who = "";
    const wide: string[] = [];
    for (const p of PAGES) {
      if (p.user !== who) {
        await signIn(page, app.url, p.user);
        who = p.user;
      }
      await page.goto(`${app.url}${p.path}`);
      await page.getByTestId("current-user").waitFor();
      await settle(page);
      await screenshot(page, `phone-${p.name}`);
      if (p.name === "home-reporter") {
        // The database's migration is the administrator's business, not a reporter's.
        expect(await page.locator("body").textContent()).not.toContain("Cấu trúc dữ liệu");
      }
      const { extra, culprits } = await overflow(page);
      if (extra > 0) wide.push(`${p.path} (${p.user}) +${extra}px: ${culprits.join(" | ")}`);
    }
    expect(wide).toEqual([]);
    await page.close();
  });
});
