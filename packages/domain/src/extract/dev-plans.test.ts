// Golden floors on the three dev plans: a regression in any rule drops a count or a field
// below what the extractor reaches today (kept a little under, not a copy of the gold).
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { extractPlan } from "./extract-plan.ts";

const dir = new URL("../../../../fixtures/plan-extract/dev/", import.meta.url);
const load = (name: string) => fs.readFileSync(new URL(`${name}.txt`, dir), "utf8");
const gold = (name: string) => JSON.parse(fs.readFileSync(new URL(`${name}.gold.json`, dir), "utf8"));

interface Floor {
  name: string;
  targets: number;
  tasks: number;
  leads: number;
  deadlines: number;
  units: number;
  budget: number | null;
  reporting: string[];
}

const FLOORS: Floor[] = [
  {
    name: "chau-thanh-2025",
    targets: 22,
    tasks: 18,
    leads: 18,
    deadlines: 14,
    units: 15,
    budget: 1552020000,
    reporting: ["quarterly", "adhoc"],
  },
  {
    name: "thap-muoi-2024",
    targets: 29,
    tasks: 30,
    leads: 1,
    deadlines: 0,
    units: 10,
    budget: null,
    reporting: ["semiannual", "annual", "adhoc"],
  },
  {
    name: "ba-to-2023",
    targets: 42,
    tasks: 52,
    leads: 0,
    deadlines: 1,
    units: 6,
    budget: null,
    reporting: ["quarterly", "annual", "adhoc"],
  },
];

describe.each(FLOORS)("dev plan $name", (f) => {
  const g = gold(f.name);
  const r = extractPlan(load(f.name));

  it("finds every gold target figure with its year", () => {
    expect(r.targets.length).toBeGreaterThanOrEqual(f.targets);
    const found = new Map<string, number>();
    for (const t of r.targets)
      found.set(`${t.value}|${t.year}`, (found.get(`${t.value}|${t.year}`) ?? 0) + 1);
    for (const t of g.targets) {
      const key = `${t.value}|${t.year}`;
      expect(found.get(key) ?? 0, `target ${t.id} ${key}`).toBeGreaterThan(0);
      found.set(key, (found.get(key) ?? 0) - 1);
    }
  });

  it("finds the tasks with their leads and deadlines", () => {
    expect(r.tasks.length).toBeGreaterThanOrEqual(f.tasks);
    expect(r.tasks.length).toBeLessThanOrEqual(g.tasks.length + 2);
    expect(r.tasks.filter((t) => t.lead).length).toBeGreaterThanOrEqual(f.leads);
    expect(r.tasks.filter((t) => t.deadline?.date).length).toBeGreaterThanOrEqual(f.deadlines);
    expect(r.tasks.every((t) => !/^Thời hạn/u.test(t.text))).toBe(true);
  });

  it("finds exactly the gold legal bases by number, with their dates", () => {
    const norm = (s: string) => s.toLowerCase().replace(/\s+/g, "");
    expect(r.legalBases.map((b) => norm(b.number ?? "")).sort()).toEqual(
      g.legalBases.map((b: { number: string }) => norm(b.number)).sort(),
    );
    for (const b of g.legalBases)
      expect(r.legalBases.find((x) => norm(x.number ?? "") === norm(b.number))?.date).toBe(b.date);
  });

  it("reads metadata, budget, reporting regime and units", () => {
    expect(r.locality).toBe(g.locality);
    expect(r.province).toBe(g.province);
    expect(r.period).toEqual(g.period);
    expect(r.signer?.name).toBe(g.signer.name);
    expect(r.budget.total).toBe(f.budget);
    expect(r.reporting.map((x) => x.frequency)).toEqual(f.reporting);
    expect(r.units.length).toBeGreaterThanOrEqual(f.units);
  });

  it("points every item into the normalised source text", () => {
    for (const item of [...r.targets, ...r.tasks, ...r.legalBases]) {
      expect(item.source.end).toBeGreaterThan(item.source.start);
      expect(item.source.end).toBeLessThanOrEqual(r.sourceText.length);
    }
  });
});
