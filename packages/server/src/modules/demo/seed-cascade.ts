import type { Database } from "../../db/database.ts";
import type { Actor } from "../access/actor.ts";
import { confirmImplements } from "../cascade/confirm-implements.ts";
import { planCascade } from "../cascade/plan-cascade.ts";
import { setTargetLinks } from "../cascade/set-target-links.ts";

/**
 * Kế hoạch xã thực hiện kế hoạch tỉnh: in review of a commune's draft, the focal officer
 * confirms the province plan the import read from its legal basis and accepts the suggested
 * corresponding targets (same catalogue indicator, else similar wording), as on the review screen.
 */
export async function confirmDemoCascade(db: Database, actor: Actor, code: string): Promise<void> {
  const view = await planCascade(db, { actor, code, nearThreshold: 0.9 });
  if (!view.implements) return;
  await confirmImplements(db, { actor, code, input: { implementsPlanCode: view.implements.code } });
  const links = view.serves.map((s) => ({
    targetKey: s.targetKey,
    higherTargetKey: s.suggestion?.targetKey ?? null,
  }));
  if (links.length) await setTargetLinks(db, { actor, code, input: { links } });
}
