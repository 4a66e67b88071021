/**
 * What the first screen costs on a slow line, read from the build's manifest: the entry
 * and every chunk it imports statically, plus the chunks of the pages shown (the lazy
 * route module and what it imports statically), counted as the brotli files the server
 * sends. Issue 16: ≤ 300 KB of compressed JavaScript for the sign-in page and the home.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

export const FIRST_SCREEN_BUDGET = 300_000;

/** The screens that open first, by the source modules the router loads for them. */
export const FIRST_SCREENS: Record<string, string[]> = {
  "sign-in": ["src/pages/login-page.tsx"],
  home: ["src/layout/app-layout.tsx", "src/pages/dashboard-page.tsx"],
};

/** Brotli bytes of the JavaScript a screen loads, with its files largest first. */
export function screenJavaScript(
  dist: string,
  modules: readonly string[],
): { bytes: number; files: Array<{ file: string; bytes: number }> } {
  const manifest = JSON.parse(readFileSync(path.join(dist, ".vite/manifest.json"), "utf8")) as Record<
    string,
    ManifestChunk
  >;
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build's manifest`);
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  for (const module of modules) visit(module);
  const files = [...seen]
    .map((key) => manifest[key].file)
    .filter((file) => file.endsWith(".js"))
    .map((file) => {
      const full = path.join(dist, file);
      return { file, bytes: statSync(existsSync(`${full}.br`) ? `${full}.br` : full).size };
    })
    .sort((a, b) => b.bytes - a.bytes);
  return { bytes: files.reduce((sum, f) => sum + f.bytes, 0), files };
}
