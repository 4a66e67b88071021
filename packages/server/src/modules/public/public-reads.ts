import type { TPublicPlanQuery } from "@dtplan/contracts";
import type { AppConfig } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { PublicCache, readPublic } from "./public-cache.ts";
import {
  listPublicIssuingUnits,
  listPublicPlans,
  listPublicProvinces,
  publicPlanDetail,
} from "./public-plans.ts";

/**
 * The public page's reads: each answer cached per query and read in a read-only,
 * time-limited transaction.
 */
export function publicReads(db: Database, config: AppConfig) {
  const cache = new PublicCache(config.publicPages.cacheSeconds * 1000);
  const answer = <T>(key: string, read: (tx: Database) => Promise<T>) =>
    cache.get(db, key, () => readPublic(db, config.publicPages.timeoutMs, read));
  return {
    provinces: () => answer("provinces", (tx) => listPublicProvinces(tx)),
    units: (province: string) => answer(`units:${province}`, (tx) => listPublicIssuingUnits(tx, province)),
    plans: (q: TPublicPlanQuery) =>
      answer(
        `plans:${JSON.stringify([q.province, q.unit, q.year, q.q?.normalize("NFC"), q.page, q.pageSize])}`,
        (tx) => listPublicPlans(tx, q),
      ),
    plan: (province: string, code: string) =>
      answer(`plan:${province}/${code}`, (tx) =>
        publicPlanDetail(tx, { province, code, nearThreshold: config.attainment.nearThreshold }),
      ),
  };
}
