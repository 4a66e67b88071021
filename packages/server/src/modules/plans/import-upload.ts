import { z } from "zod";
import type { Database } from "../../db/database.ts";
import type { PlanRow } from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import { assertAllowed } from "../access/access.ts";
import type { Actor } from "../access/actor.ts";
import type { ExtractPool } from "./extract-pool.ts";
import { extractUpload, importPlan } from "./import-plan.ts";
import type { PlanUpload } from "./plan-upload.ts";

/**
 * Nhập kế hoạch từ tệp: the issuing unit is checked (a UUID the actor manages plans on)
 * before the file is looked at; the file is read in the extraction pool, then imported
 * as a draft.
 */
export async function importPlanUpload(
  db: Database,
  extractPool: ExtractPool,
  { actor, upload }: { actor: Actor; upload: PlanUpload },
): Promise<PlanRow> {
  const parsedUnit = z.uuid().safeParse(upload.unitId);
  if (!parsedUnit.success) {
    throw new AppError("validation_failed", "Chọn đơn vị ban hành kế hoạch (trường `unitId`).", [
      { path: "body.unitId", message: "Thiếu hoặc sai mã đơn vị" },
    ]);
  }
  await assertAllowed(db, actor, "plans.manage", [parsedUnit.data]);
  const { file } = upload;
  if (!file) {
    throw new AppError("validation_failed", "Chọn tệp kế hoạch (trường `file`).", [
      { path: "body.file", message: "Thiếu tệp" },
    ]);
  }
  if (upload.mode && upload.mode !== "new" && upload.mode !== "amendment") {
    throw new AppError("validation_failed", "Cách nhập không hợp lệ (trường `mode`: new hoặc amendment).", [
      { path: "body.mode", message: "Chọn nhập mới hoặc nhập làm bản điều chỉnh" },
    ]);
  }
  const mode = upload.mode === "amendment" ? "amendment" : "new";
  const { extract, format } = await extractUpload(extractPool, file);
  return importPlan(db, { actor, unitId: parsedUnit.data, extract, fileName: file.fileName, format, mode });
}
