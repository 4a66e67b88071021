/**
 * Builds the web app for the browser tests only when what it is built from changed:
 * a hash of the web sources and config, the domain and contracts sources it imports and
 * the lock file is kept beside the build (dist/.source-hash). A fresh clone has no dist,
 * so it builds; a second run on unchanged sources reuses the build.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const WEB_ROOT = path.resolve(import.meta.dirname, "..");
const REPO_ROOT = path.resolve(WEB_ROOT, "../..");
// DTPLAN_TEST_WEB_DIST lets parallel work build and test its own copy of the app.
export const WEB_DIST = process.env.DTPLAN_TEST_WEB_DIST ?? path.join(WEB_ROOT, "dist");
const HASH_FILE = ".source-hash";

/** What the build reads: directories are walked, files read as they are. */
const SOURCES = [
  "packages/web/src",
  "packages/web/public",
  "packages/web/index.html",
  "packages/web/vite.config.ts",
  "packages/web/precompress.ts",
  "packages/web/test/web-build.ts",
  "packages/web/tsconfig.json",
  "packages/web/package.json",
  "packages/domain/src",
  "packages/domain/package.json",
  "packages/contracts/src",
  "packages/contracts/package.json",
  "package-lock.json",
];

function addTree(hash: ReturnType<typeof createHash>, relative: string): void {
  const absolute = path.join(REPO_ROOT, relative);
  if (!existsSync(absolute)) return;
  const files = statSync(absolute).isDirectory()
    ? readdirSync(absolute, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile())
        .map((e) => path.relative(REPO_ROOT, path.join(e.parentPath, e.name)))
        .sort()
    : [relative];
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(REPO_ROOT, file)));
    hash.update("\0");
  }
}

/** A hash of everything the web build is made from. */
export function webSourceHash(): string {
  const hash = createHash("sha256");
  // A build made before builds were forced to production mode must not count as current.
  hash.update("production\0");
  for (const source of SOURCES) addTree(hash, source);
  return hash.digest("hex");
}

/** Builds packages/web (or DTPLAN_TEST_WEB_DIST) unless the build there is of the same sources. */
export async function ensureWebBuilt(): Promise<"built" | "unchanged"> {
  const hash = webSourceHash();
  const hashFile = path.join(WEB_DIST, HASH_FILE);
  if (
    existsSync(path.join(WEB_DIST, "index.html")) &&
    existsSync(hashFile) &&
    readFileSync(hashFile, "utf8") === hash
  )
    return "unchanged";
  // In a child process: the build runs while the main project's tests do (global-setup.ts),
  // and must neither hold up vitest's own process nor change its environment.
  // Vitest sets NODE_ENV=test, and Vite then builds React's development bundle
  // (jsxDEV, performance tracks): every keystroke in the report form took ~2 s.
  // The tests must drive the app users get, so build it as `npm start` does.
  const vite = path.join(REPO_ROOT, "node_modules/vite/bin/vite.js");
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [vite, "build", "--mode", "production", "--logLevel", "warn", "--outDir", WEB_DIST, "--emptyOutDir"],
      { cwd: WEB_ROOT, env: { ...process.env, NODE_ENV: "production" }, maxBuffer: 16 << 20 },
      (error, _stdout, stderr) =>
        error ? reject(new Error(`Building the web app failed: ${stderr || error.message}`)) : resolve(),
    );
  });
  if (!existsSync(path.join(WEB_DIST, "index.html"))) {
    throw new Error(
      `Building the web app did not produce ${WEB_DIST}/index.html; run: npm run build -w @dtplan/web`,
    );
  }
  const devBuilt = readdirSync(path.join(WEB_DIST, "assets")).filter(
    (name) =>
      name.endsWith(".js") && readFileSync(path.join(WEB_DIST, "assets", name), "utf8").includes("jsxDEV"),
  );
  if (devBuilt.length > 0) {
    throw new Error(`The web build holds React's development bundle (jsxDEV in ${devBuilt.join(", ")})`);
  }
  writeFileSync(hashFile, hash);
  return "built";
}
