/**
 * The browser side of the browser tests: the system Chromium, a fresh context per file,
 * screenshots into test-artifacts/ for a human to look at (with DTPLAN_SCREENSHOTS=1; a
 * failed case's pages always), and signing in (by the sign-in
 * form's request, or through the form where signing in is what a case tests). `useDtplanInChromium` starts a suite's server (server-harness.ts) on
 * its own copy of the demo seeded once per run, and a browser, together.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
  type Request,
} from "playwright-core";
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import { type RunningDtplan, startDemoCopy } from "./server-harness.ts";

const CHROMIUM = "/usr/bin/chromium";
export const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
export const ARTIFACTS = path.join(REPO_ROOT, "test-artifacts");

/**
 * Whether `screenshot` saves its pictures: set DTPLAN_SCREENSHOTS=1 to look at the screens
 * (`DTPLAN_SCREENSHOTS=1 npx vitest run --project browser packages/web/test/x.browser.test.ts`).
 * Without it a run saves only the pages of a case that failed: the hundred pictures, a
 * third of them full-page, took about 20 s of the browser files' time on two busy cores.
 */
const SCREENSHOTS = Boolean(process.env.DTPLAN_SCREENSHOTS);

export interface ChromiumOptions {
  viewport?: { width: number; height: number };
  locale?: string;
  timezoneId?: string;
  acceptDownloads?: boolean;
  /**
   * The pages' clock under the test's control (Playwright's `clock.install`): time runs as
   * usual, and `skipAutosaveDelay` can run it ahead.
   */
  controlledClock?: boolean;
  /**
   * The system's motion setting the pages see: "reduce" (the default here) opens and closes
   * modals, drawers and lists at once; "no-preference" keeps the animations most users see.
   */
  reducedMotion?: "reduce" | "no-preference";
}

export interface RunningChromium {
  context: BrowserContext;
  /** Closes the context (the browser stays for the worker's next file). */
  close(): Promise<void>;
}

let running: Promise<Browser> | null = null;

/**
 * The system Chromium (not a downloaded one), started once per test worker and kept for
 * the next file: starting it cost a second or two per file. Each file gets its own
 * context (`launchChromium`), so no cookie, storage or cache passes from one to the next;
 * Playwright stops the browser when the worker exits.
 */
function sharedChromium(): Promise<Browser> {
  running ??= chromium
    .launch({
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
    })
    .then((browser) => {
      browser.on("disconnected", () => {
        running = null;
      });
      return browser;
    });
  running.catch(() => {
    running = null;
  });
  return running;
}

/** A fresh browser context, by default a laptop screen in Vietnamese on Vietnam's clock. */
export async function launchChromium({
  viewport = { width: 1440, height: 900 },
  locale = "vi-VN",
  timezoneId = "Asia/Ho_Chi_Minh",
  acceptDownloads,
  controlledClock,
  reducedMotion = "reduce",
}: ChromiumOptions = {}): Promise<RunningChromium> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await sharedChromium();
  // Reduced motion by default, as a user may ask of the system: the app then opens and
  // closes modals, drawers and lists at once (lib/reduced-motion.ts), so no step waits for
  // an animation. The public page's visitor keeps the animations most users see.
  const context = await browser.newContext({ viewport, locale, timezoneId, acceptDownloads, reducedMotion });
  if (controlledClock) await context.clock.install();
  trackRequests(context);
  return { context, close: () => context.close() };
}

export interface DtplanInChromium {
  /** The server's base URL. */
  readonly url: string;
  readonly context: BrowserContext;
}

/**
 * Starts the server and a Chromium context (together) before the suite's tests and closes
 * both after them.
 * Call it in `describe`; read the fields in the tests, once the hooks have run.
 */
export function useDtplanInChromium(options: ChromiumOptions = {}): DtplanInChromium {
  let server: RunningDtplan | undefined;
  let browser: RunningChromium | undefined;
  // Long: the first file may wait for the set-up's web build and seed the demo (global-setup.ts).
  beforeAll(async () => {
    const starting = startDemoCopy(inject("demoRoot"), inject("browserReady"));
    starting.catch(() => {}); // awaited below; this keeps a failure meanwhile from being unhandled
    browser = await launchChromium(options);
    server = await starting;
  }, 16 * 60_000);
  // A failed case leaves its pages open: they are saved whether or not pictures were asked for.
  afterEach(async ({ task }) => {
    if (task.result?.state !== "fail" || !browser) return;
    const name = task.name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60);
    for (const [i, page] of browser.context.pages().entries()) {
      await page
        .screenshot({ path: path.join(ARTIFACTS, `failed-${name}-${i + 1}.png`), fullPage: true })
        .catch(() => {}); // a page that crashed has no picture to give
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(running: T | undefined): T => {
    if (!running) throw new Error("dtplan is not started yet: use it inside a test or hook");
    return running;
  };
  return {
    get url() {
      return started(server).url;
    },
    get context() {
      return started(browser).context;
    },
  };
}

/** Requests each browser context has in flight, counted from its own events. */
const inFlight = new WeakMap<BrowserContext, Set<Request>>();

function trackRequests(context: BrowserContext): void {
  const open = new Set<Request>();
  inFlight.set(context, open);
  context.on("request", (request) => open.add(request));
  context.on("requestfinished", (request) => open.delete(request));
  context.on("requestfailed", (request) => open.delete(request));
}

/**
 * Waits until the page is still: no request of its context in flight, its fonts loaded,
 * and no finite CSS animation or transition (antd's open/close motions) running for two
 * frames in a row. Conditions, not a fixed pause; each gives up after `cap` ms so a page
 * that never settles still gets its screenshot.
 */
export async function settle(page: Page, cap = 5_000): Promise<void> {
  const open = inFlight.get(page.context()) ?? new Set<Request>();
  const pageOf = (request: Request) => {
    try {
      return request.frame().page();
    } catch {
      return null; // a service worker's request belongs to no page
    }
  };
  const busy = () => [...open].some((request) => pageOf(request) === page);
  const until = Date.now() + cap;
  while (busy() && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await page.evaluate(async (ms) => {
    const deadline = performance.now() + ms;
    await Promise.race([document.fonts.ready, new Promise((resolve) => setTimeout(resolve, ms))]);
    const moving = () =>
      document
        .getAnimations()
        .some((a) => a.playState === "running" && a.effect?.getComputedTiming().endTime !== Infinity);
    // A frame, or 50 ms where the page draws none (a background tab gets no frames).
    const frame = () =>
      new Promise((resolve) => {
        requestAnimationFrame(resolve);
        setTimeout(resolve, 50);
      });
    let still = 0;
    while (still < 2 && performance.now() < deadline) {
      await frame();
      still = moving() ? 0 : still + 1;
    }
  }, cap);
}

/**
 * Saves test-artifacts/<name>.png once the page has settled (see `settle`), when pictures
 * are asked for (SCREENSHOTS). It waits for the page to settle either way, so a case takes
 * the same steps with or without them.
 */
export async function screenshot(page: Page, name: string, { fullPage = false } = {}): Promise<void> {
  await settle(page);
  if (SCREENSHOTS) await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}

/** Fills the login form and submits it, without waiting to see whether it worked. */
export async function submitLogin(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

export const DEMO_PASSWORD = "dtplan-demo-2025";

/**
 * Signs in as `username` through the sign-in form and waits for the app shell; whoever was
 * signed in before is signed out. For the cases about signing in; the others use `signIn`.
 */
export async function signInThroughForm(
  page: Page,
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.context().clearCookies();
  await submitLogin(page, baseUrl, username, password);
  await page.getByTestId("current-user").waitFor();
}

export interface SignInOptions {
  password?: string;
  /** The page to open once signed in (the home by default); `null` opens none (API calls only). */
  at?: string | null;
}

/**
 * Signs in as `username` by the sign-in form's own request (its session cookie goes into the
 * page's context) and opens `at` signed in, waiting for the app shell; whoever was signed in
 * before is signed out. The form itself is driven where signing in is what a case tests
 * (`signInThroughForm`, `submitLogin`): through it, each sign-in also loaded and drew the
 * sign-in page and then the home, about two seconds a time.
 */
export async function signIn(
  page: Page,
  baseUrl: string,
  username: string,
  { password = DEMO_PASSWORD, at = "/" }: SignInOptions = {},
): Promise<void> {
  await page.context().clearCookies();
  const response = await page.request.post(`${baseUrl}/api/auth/login`, { data: { username, password } });
  if (!response.ok()) {
    throw new Error(`Signing in as ${username}: ${response.status()} ${await response.text()}`);
  }
  if (at === null) return;
  await page.goto(`${baseUrl}${at}`);
  await page.getByTestId("current-user").waitFor();
}

/**
 * Runs the page's clock past a form's autosave delay (the report form saves 1.2 s after the
 * last edit, the DTI self-assessment 1.5 s), so the save starts now instead of after a real
 * wait; the caller then waits for the saved state as before. Needs `controlledClock`.
 */
export async function skipAutosaveDelay(page: Page): Promise<void> {
  await page.clock.fastForward(2_000);
}

/**
 * Chooses in an antd select until `field`'s text `shows` the choice: a click can land while
 * a list is still opening or closing and choose nothing (clean-clone runs), so `pick` (open
 * the list, click the option) is tried up to three times. The caller asserts the result.
 */
export async function chooseUntilShown(
  field: Locator,
  shows: (text: string) => boolean,
  pick: () => Promise<void>,
): Promise<void> {
  for (let attempt = 0; attempt < 3 && !shows(await field.innerText()); attempt++) await pick();
}
