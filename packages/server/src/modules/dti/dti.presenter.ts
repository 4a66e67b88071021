import type { TDtiAssessment } from "@dtplan/contracts";
import type { RoundRow } from "./dti.repository.ts";
import type { DtiPowers } from "./dti-access.ts";

/** A round's heading as every DTI answer gives it (without its units and counts). */
export function roundHeading(round: RoundRow, powers: DtiPowers): TDtiAssessment["round"] {
  return {
    id: round.id,
    name: round.name,
    year: round.year,
    framework: {
      id: round.frameworkId,
      code: round.frameworkCode,
      year: round.frameworkYear,
      name: round.frameworkName,
    },
    status: round.status,
    startDate: round.startDate,
    dueDate: round.dueDate,
    openedAt: round.openedAt,
    closedAt: round.closedAt,
    publishedAt: round.publishedAt,
    can: { manage: powers.manage, verify: powers.verify, readResults: powers.readResults },
  };
}
