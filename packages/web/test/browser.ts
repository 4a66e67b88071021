/**
 * The browser side of the browser tests: the system Chromium on a throwaway profile,
 * screenshots into test-artifacts/ for a human to look at, and signing in through
 * the login form. `useDtplanInChromium` starts a suite's server (server-harness.ts)
 * and browser together.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type RunningDtplan, startDtplan } from "./server-harness.ts";

const CHROMIUM = "/usr/bin/chromium";
export const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
export const ARTIFACTS = path.join(REPO_ROOT, "test-artifacts");

export interface ChromiumOptions {
  viewport?: { width: number; height: number };
  locale?: string;
  timezoneId?: string;
  acceptDownloads?: boolean;
}

export interface RunningChromium {
  context: BrowserContext;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Headless Chromium, by default a laptop screen in Vietnamese on Vietnam's clock. */
export async function launchChromium({
  viewport = { width: 1440, height: 900 },
  locale = "vi-VN",
  timezoneId = "Asia/Ho_Chi_Minh",
  acceptDownloads,
}: ChromiumOptions = {}): Promise<RunningChromium> {
  mkdirSync(ARTIFACTS, { recursive: true });
  // A persistent context on a fresh profile: the system Chromium, not a downloaded one.
  const profileDir = mkdtempSync(path.join(tmpdir(), "dtplan-chromium-"));
  const removeProfile = () => rmSync(profileDir, { recursive: true, force: true });
  try {
    const context = await chromium.launchPersistentContext(profileDir, {
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
      viewport,
      locale,
      timezoneId,
      acceptDownloads,
    });
    return {
      context,
      close: async () => {
        await context.close();
        removeProfile();
      },
    };
  } catch (error) {
    removeProfile();
    throw error;
  }
}

export interface DtplanInChromium {
  /** The server's base URL. */
  readonly url: string;
  readonly context: BrowserContext;
}

/**
 * Starts the server and Chromium before the suite's tests and closes both after them.
 * Call it in `describe`; read the fields in the tests, once the hooks have run.
 */
export function useDtplanInChromium(options: ChromiumOptions = {}): DtplanInChromium {
  let server: RunningDtplan | undefined;
  let browser: RunningChromium | undefined;
  beforeAll(async () => {
    server = await startDtplan();
    browser = await launchChromium(options);
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

/** Saves test-artifacts/<name>.png once antd's open/close animations have settled. */
export async function screenshot(page: Page, name: string, { fullPage = false } = {}): Promise<void> {
  await page.waitForTimeout(450);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
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

/** Signs in as `username` and waits for the app shell; whoever was signed in before is signed out. */
export async function signIn(
  page: Page,
  baseUrl: string,
  username: string,
  password = "dtplan-demo",
): Promise<void> {
  await page.context().clearCookies();
  await submitLogin(page, baseUrl, username, password);
  await page.getByTestId("current-user").waitFor();
}
