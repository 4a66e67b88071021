import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const MODULES = fileURLToPath(new URL("../src/modules", import.meta.url));

/** Every relative import (static, re-export, dynamic, type-only too) of each .ts file under a folder. */
function moduleGraph(modulesDir: string): Map<string, Map<string, string[]>> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(".ts")) files.push(full);
    }
  };
  walk(modulesDir);
  const moduleOf = (file: string) => {
    const rel = path.relative(modulesDir, file);
    return rel.startsWith("..") ? null : rel.split(path.sep)[0];
  };
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const specifiers = [
      ...text.matchAll(/(?:import|export)\s[^;]*?from\s*["'](\.[^"']+)["']/g),
      ...text.matchAll(/import\(\s*["'](\.[^"']+)["']\s*\)/g),
    ].map((m) => m[1]);
    for (const specifier of specifiers) {
      const from = moduleOf(file);
      const to = moduleOf(path.resolve(path.dirname(file), specifier));
      if (!from || !to || from === to) continue;
      const edges = graph.get(from) ?? new Map<string, string[]>();
      edges.set(to, [...(edges.get(to) ?? []), path.relative(modulesDir, file)]);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Groups of modules that import each other, directly or round a longer circle (Tarjan). */
function cycles(graph: Map<string, Map<string, string[]>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v) as number);
    stack.push(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop() as string;
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

/** Each cycle with the files that make its edges, so a failure says what to move. */
function describeCycles(graph: Map<string, Map<string, string[]>>): string[] {
  return cycles(graph).map((group) =>
    group
      .flatMap((a) =>
        group
          .filter((b) => graph.get(a)?.has(b))
          .map((b) => `${a} → ${b} (${graph.get(a)?.get(b)?.join(", ")})`),
      )
      .join("; "),
  );
}

describe("server modules", () => {
  it("import one another without a cycle (a module's dependencies never import it back)", () => {
    expect(describeCycles(moduleGraph(MODULES))).toEqual([]);
  });

  it("would name a cycle between two modules and the files that make it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "dtplan-cycles-"));
    try {
      for (const name of ["a", "b", "c"]) mkdirSync(path.join(dir, name));
      writeFileSync(
        path.join(dir, "a/one.ts"),
        'import { two } from "../b/two.ts";\nexport const one = two;\n',
      );
      writeFileSync(
        path.join(dir, "b/two.ts"),
        'import type { One } from "../a/types.ts";\nexport const two = 2;\n',
      );
      writeFileSync(path.join(dir, "a/types.ts"), "export type One = 1;\n");
      writeFileSync(path.join(dir, "c/three.ts"), 'export const load = () => import("../a/one.ts");\n');
      expect(describeCycles(moduleGraph(dir))).toEqual(["a → b (a/one.ts); b → a (b/two.ts)"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
