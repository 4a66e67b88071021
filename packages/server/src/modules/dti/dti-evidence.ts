import type { Database } from "../../db/database.ts";
import { notFound } from "../../errors.ts";
import type { Actor } from "../access/actor.ts";
import { assessmentScope } from "./assessment.ts";
import { roundUnitById } from "./dti.repository.ts";
import { dtiPowers } from "./dti-access.ts";

/** A self-assessment's evidence file is read by whoever reads that self-assessment. */
export async function dtiEvidenceOwner(
  db: Database,
  actor: Actor,
  tenantId: string,
  ownerKey: string,
): Promise<void> {
  const ru = await roundUnitById(db, tenantId, ownerKey);
  if (!ru) throw notFound();
  await assessmentScope(db, actor, dtiPowers(actor, tenantId), ru.roundId, ru.unitId);
}
