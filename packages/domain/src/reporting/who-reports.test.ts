import { describe, expect, it } from "vitest";
import { type ReportingUnitLike, reportingUnits, unitTargets, unownedUnits } from "./who-reports.ts";

const unit = (id: string, name: string, validTo: string | null = null) => ({ id, name, validTo });
const task = (key: string, pillar: string, leadUnitId: string | null, coordinators: string[] = []) => ({
  key,
  pillar,
  leadUnitId,
  coordinators: coordinators.map((unitId) => ({ unitId })),
});

const units = new Map(
  [
    unit("so-tt", "Sở Thông tin"),
    unit("so-yt", "Sở Y tế"),
    unit("ubnd-a", "UBND xã An", "2025-06-30"),
    unit("ubnd-b", "UBND xã Bình", "2025-06-30"),
    unit("ubnd-ab", "UBND xã An Bình"),
  ].map((u) => [u.id, u]),
);
const lineage = [
  { predecessorId: "ubnd-a", successorId: "ubnd-ab" },
  { predecessorId: "ubnd-b", successorId: "ubnd-ab" },
];

describe("who reports in a period", () => {
  it("lists every unit that leads or coordinates a task, sorted by Vietnamese name, lead role winning", () => {
    const tasks = [task("t1", "government", "so-yt", ["so-tt"]), task("t2", "economy", "so-tt")];
    const out = reportingUnits(
      { tasks, units, lineage: [], assignments: [], targets: [], indicators: new Map() },
      { endDate: "2025-03-14" },
    );
    expect([...out.keys()]).toEqual(["so-tt", "so-yt"]);
    expect(out.get("so-tt")?.role).toBe("lead");
    expect(out.get("so-tt")?.tasks.map((t) => [t.task.key, t.role])).toEqual([
      ["t1", "coordinator"],
      ["t2", "lead"],
    ]);
  });

  it("hands a merged unit's tasks to its successor once the period closes after the merger", () => {
    const tasks = [task("t1", "society", "ubnd-a"), task("t2", "society", "so-tt", ["ubnd-b"])];
    const before = reportingUnits(
      { tasks, units, lineage, assignments: [], targets: [], indicators: new Map() },
      { endDate: "2025-06-14" },
    );
    expect([...before.keys()].sort()).toEqual(["so-tt", "ubnd-a", "ubnd-b"]);
    const after = reportingUnits(
      { tasks, units, lineage, assignments: [], targets: [], indicators: new Map() },
      { endDate: "2025-09-14" },
    );
    expect([...after.keys()]).toEqual(["so-tt", "ubnd-ab"]);
    expect(after.get("ubnd-ab")).toMatchObject({ role: "lead" });
    expect(after.get("ubnd-ab")?.tasks.map((t) => [t.task.key, t.role])).toEqual([
      ["t1", "lead"],
      ["t2", "coordinator"],
    ]);
  });

  it("drops a unit that closed with no successor, and a coordinator that is also the lead counts once", () => {
    const gone = new Map([...units, ["old", unit("old", "Phòng cũ", "2024-12-31")]]);
    const tasks = [task("t1", "economy", "old"), task("t2", "economy", "so-tt", ["so-tt"])];
    const out = reportingUnits(
      { tasks, units: gone, lineage, assignments: [], targets: [], indicators: new Map() },
      { endDate: "2025-03-14" },
    );
    expect([...out.keys()]).toEqual(["so-tt"]);
    expect(out.get("so-tt")?.tasks).toHaveLength(1);
  });

  it("reads a task passed on to a merged commune under its predecessors for a period before the merger", () => {
    const formed = new Map<string, ReportingUnitLike>(units);
    formed.set("ubnd-ab", { ...unit("ubnd-ab", "UBND xã An Bình"), validFrom: "2025-07-01" });
    const tasks = [task("t1", "society", "ubnd-ab")];
    const before = reportingUnits(
      { tasks, units: formed, lineage, assignments: [], targets: [], indicators: new Map() },
      { endDate: "2025-06-30" },
    );
    expect([...before.keys()]).toEqual(["ubnd-a", "ubnd-b"]);
    const after = reportingUnits(
      { tasks, units: formed, lineage, assignments: [], targets: [], indicators: new Map() },
      { endDate: "2025-09-30" },
    );
    expect([...after.keys()]).toEqual(["ubnd-ab"]);
  });

  it("names the units closed without a successor whose tasks nobody reports", () => {
    const gone = new Map([...units, ["old", unit("old", "Phòng cũ", "2024-12-31")]]);
    const tasks = [task("t1", "society", "old"), task("t2", "society", "ubnd-a")];
    expect(unownedUnits({ tasks, units: gone, lineage }, { endDate: "2025-09-14" }).map((u) => u.id)).toEqual(
      ["old"],
    );
    expect(unownedUnits({ tasks, units: gone, lineage }, { endDate: "2024-12-14" })).toEqual([]);
  });
  it("adds the units assigned to report a target, a unit without tasks reporting only its targets", () => {
    const tasks = [task("t1", "economy", "so-tt")];
    const assignments = [
      { targetKey: "g1", unitId: "so-tt" },
      { targetKey: "g1", unitId: "ubnd-a" },
      { targetKey: "g2", unitId: "ubnd-b" },
      // A target without an indicator carries no figures: its unit is not asked to report.
      { targetKey: "g3", unitId: "so-yt" },
    ];
    const targets = [
      { key: "g1", pillar: "economy", indicatorCode: "KT-01" },
      { key: "g2", pillar: "society", indicatorCode: "KT-01" },
      { key: "g3", pillar: "society", indicatorCode: null },
    ];
    const indicators = new Map([["KT-01", {}]]);
    const basis = { tasks, units, lineage, assignments, targets, indicators };
    const before = reportingUnits(basis, { endDate: "2025-03-14" });
    expect([...before.entries()].map(([id, ru]) => [id, ru.role, ru.targetKeys])).toEqual([
      ["so-tt", "lead", ["g1"]],
      ["ubnd-a", "targets", ["g1"]],
      ["ubnd-b", "targets", ["g2"]],
    ]);
    // After the merger the successor reports both communes' targets.
    const after = reportingUnits(basis, { endDate: "2025-09-14" });
    expect(after.get("ubnd-ab")).toMatchObject({ role: "targets", tasks: [], targetKeys: ["g1", "g2"] });
  });

  it("gives a unit the targets assigned to it that have a known indicator", () => {
    const targets = [
      { key: "a", pillar: "economy", indicatorCode: "KT-01" },
      { key: "b", pillar: "economy", indicatorCode: null },
      { key: "c", pillar: "society", indicatorCode: "XH-01" },
      { key: "d", pillar: "economy", indicatorCode: "UNKNOWN" },
    ];
    const indicators = new Map([
      ["KT-01", { code: "KT-01" }],
      ["XH-01", { code: "XH-01" }],
    ]);
    const ru = { targetKeys: ["a", "b", "d"] };
    expect(unitTargets({ targets, indicators }, ru).map((t) => [t.target.key, t.indicator.code])).toEqual([
      ["a", "KT-01"],
    ]);
  });
});
