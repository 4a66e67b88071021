/** Addresses of the DTI screens. */
export const assessmentPath = (roundId: string, unitId: string, criterion?: string) =>
  `/dti/rounds/${roundId}/units/${unitId}${criterion ? `?criterion=${encodeURIComponent(criterion)}` : ""}`;
