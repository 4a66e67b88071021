import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { INDICATOR_CATALOGUE } from "./catalogue.ts";
import {
  INDICATOR_MATCH_THRESHOLD,
  suggestIndicators,
  type TargetForMatching,
  UNIT_MISMATCH_CAP,
} from "./match-indicator.ts";

interface GoldTarget extends TargetForMatching {
  id: string;
}

function goldTargets(plan: string): GoldTarget[] {
  const url = new URL(`../../../../fixtures/plan-extract/dev/${plan}.gold.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")).targets;
}

const plans = {
  "ba-to-2023": goldTargets("ba-to-2023"),
  "chau-thanh-2025": goldTargets("chau-thanh-2025"),
  "thap-muoi-2024": goldTargets("thap-muoi-2024"),
};

function goldTarget(plan: keyof typeof plans, id: string): GoldTarget {
  const target = plans[plan].find((t) => t.id === id);
  if (!target) throw new Error(`no target ${plan} ${id}`);
  return target;
}

const top = (target: TargetForMatching) => suggestIndicators(target, INDICATOR_CATALOGUE, { limit: 3 })[0];

/** Gold targets whose indicator is clear to a reader, hand-labelled. */
const LABELLED: Record<keyof typeof plans, Record<string, string>> = {
  "ba-to-2023": {
    T1: "CQS-01",
    T2: "CQS-03",
    T3: "XHS-01",
    T4: "XHS-03",
    T5: "XHS-03",
    T6: "HTS-04",
    T12: "CQS-06",
    T13: "CQS-06",
    T16: "CQS-02",
    T17: "CQS-08",
    T20: "NTS-01",
    T27: "KTS-06",
    T28: "KTS-04",
    T29: "KTS-03",
    T34: "XHS-02",
    T37: "XHS-04",
    T38: "XHS-05",
    T39: "XHS-08",
    T41: "ATTT-02",
    T42: "ATTT-01",
    T43: "ATTT-03",
  },
  "chau-thanh-2025": {
    T1: "CQS-11",
    T3: "CQS-06",
    T4: "CQS-12",
    T5: "CQS-10",
    T6: "CQS-01",
    T7: "CQS-14",
    T8: "CQS-08",
    T9: "CQS-04",
    T10: "CQS-05",
    T11: "ATTT-01",
    T13: "KTS-04",
    T14: "KTS-03",
    T16: "XHS-05",
    T17: "XHS-10",
    T18: "HTS-03",
    T19: "XHS-03",
    T21: "XHS-08",
  },
  "thap-muoi-2024": {
    T1: "CQS-12",
    T2: "CQS-01",
    T3: "CQS-07",
    T4: "CQS-02",
    T5: "CQS-08",
    T7: "CQS-06",
    T9: "CQS-11",
    T11: "NLS-01",
    T12: "NLS-01",
    T13: "CQS-13",
    T15: "KTS-08",
    T17: "KTS-10",
    T18: "KTS-09",
    T21: "KTS-07",
    T22: "KTS-02",
    T23: "XHS-03",
    T24: "XHS-01",
    T25: "XHS-02",
    T26: "XHS-06",
    T27: "XHS-07",
    T29: "XHS-04",
    T30: "XHS-09",
    T31: "ATTT-01",
  },
};

describe("suggestIndicators on the dev plans' gold targets", () => {
  it("suggests the online-processing indicator first for 'hồ sơ … xử lý hoàn toàn trực tuyến'", () => {
    const target = goldTarget("thap-muoi-2024", "T4");
    expect(target.text).toMatch(/xử lý hoàn toàn trực tuyến/);
    const best = top(target);
    expect(best.code).toBe("CQS-02");
    expect(best.score).toBeGreaterThanOrEqual(INDICATOR_MATCH_THRESHOLD);
    expect(best.reasons).toContain("keyword:xu ly hoan toan truc tuyen");
  });

  it("tells the district-level and commune-level work-file indicators apart by scope", () => {
    expect(top(goldTarget("chau-thanh-2025", "T9")).code).toBe("CQS-04");
    expect(top(goldTarget("chau-thanh-2025", "T10")).code).toBe("CQS-05");
  });

  it("puts the hand-labelled indicator first, above the threshold, for every labelled target", () => {
    const misses: string[] = [];
    for (const [plan, labels] of Object.entries(LABELLED) as [keyof typeof plans, Record<string, string>][]) {
      for (const [id, code] of Object.entries(labels)) {
        const best = top(goldTarget(plan, id));
        if (best?.code !== code || best.score < INDICATOR_MATCH_THRESHOLD) {
          misses.push(`${plan} ${id}: expected ${code}, got ${best?.code}:${best?.score}`);
        }
      }
    }
    expect(misses).toEqual([]);
  });

  it("pre-selects an indicator for most quantitative gold targets", () => {
    const quantitative = Object.values(plans)
      .flat()
      .filter((t) => t.value !== null);
    const matched = quantitative.filter((t) => (top(t)?.score ?? 0) >= INDICATOR_MATCH_THRESHOLD);
    expect(matched.length / quantitative.length).toBeGreaterThan(0.8);
  });

  it("leaves targets no indicator covers below the threshold", () => {
    for (const id of ["T12", "T20"]) {
      expect(top(goldTarget("chau-thanh-2025", id))?.score ?? 0).toBeLessThan(INDICATOR_MATCH_THRESHOLD);
    }
  });
});

describe("suggestIndicators scoring", () => {
  const speed = {
    text: "Tốc độ truy cập Internet băng rộng cố định đạt 100",
    pillar: "infrastructure",
    value: 100,
  };

  it("never scores a '%' target above the mismatch cap against an 'Mbps' indicator", () => {
    const all = suggestIndicators({ ...speed, unit: "%" }, INDICATOR_CATALOGUE, { limit: 100 });
    const mbps = all.find((s) => s.code === "HTS-02");
    expect(mbps?.score ?? 0).toBeLessThanOrEqual(UNIT_MISMATCH_CAP);
    expect(mbps?.reasons).toContain("unit:mismatch");
  });

  it("matches the same wording with an 'Mbps' unit to the speed indicator", () => {
    expect(top({ ...speed, unit: "Mbps" })).toMatchObject({ code: "HTS-02" });
  });

  it("adds for pillar agreement", () => {
    const text = { text: "Tỷ lệ hộ gia đình có kết nối Internet cáp quang", unit: "%", value: 80 };
    const agreeing = top({ ...text, pillar: "digital_society" });
    const other = suggestIndicators({ ...text, pillar: "finance" }, INDICATOR_CATALOGUE).find(
      (s) => s.code === agreeing.code,
    );
    expect(agreeing.score).toBeGreaterThan(other?.score ?? 0);
    expect(agreeing.reasons).toContain("pillar:match");
  });

  it("reads abbreviations in target text", () => {
    expect(top({ text: "80% TTHC cung cấp DVCTT toàn trình", unit: "%", value: 80, pillar: null }).code).toBe(
      "CQS-01",
    );
  });

  it("respects the limit and returns nothing for empty text", () => {
    expect(suggestIndicators({ ...speed, unit: null }, INDICATOR_CATALOGUE, { limit: 2 })).toHaveLength(2);
    expect(
      suggestIndicators({ text: " 100% ", unit: "%", value: 100, pillar: null }, INDICATOR_CATALOGUE),
    ).toEqual([]);
  });
});
