import type { Lang } from "../lib/format.ts";

/**
 * Message entries for a closed list whose labels the domain keeps
 * (`listMessages("taskStatus", TASK_STATUS_LABELS, "vi")` → `{ "taskStatus.done": "Hoàn thành", … }`),
 * so a dictionary never writes them a second time.
 */
export function listMessages<P extends string, K extends string>(
  prefix: P,
  labels: Readonly<Record<K, Readonly<Record<Lang, string>>>>,
  lang: Lang,
): Record<`${P}.${K}`, string> {
  return Object.fromEntries(
    (Object.keys(labels) as K[]).map((key) => [`${prefix}.${key}`, labels[key][lang]]),
  ) as Record<`${P}.${K}`, string>;
}
