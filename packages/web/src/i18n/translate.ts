import type { Lang } from "../lib/format.ts";
import { en } from "./en.ts";
import { type Dictionary, type MessageKey, vi } from "./vi.ts";

export type { MessageKey };
export type Params = Record<string, string | number>;

const DICTIONARIES: Record<Lang, Record<string, string>> = { vi: { ...vi }, en: { ...(en as Dictionary) } };

/**
 * Adds the labels a lazily loaded part of the app brings with it (the plan
 * workspace's dictionary is not worth weighing on the first screen). Called at
 * the import of that part's pages, before they render.
 */
export function addMessages(messages: Record<Lang, Record<string, string>>): void {
  Object.assign(DICTIONARIES.vi, messages.vi);
  Object.assign(DICTIONARIES.en, messages.en);
}

/** Pure translation (no React): `translate("en", "org.unitCount", { n: 3 })`. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = DICTIONARIES[lang][key] ?? DICTIONARIES.vi[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function isLang(value: unknown): value is Lang {
  return value === "vi" || value === "en";
}

/** Whether a string is a message key (for keys built from server values, e.g. audit actions). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(DICTIONARIES.vi, key);
}
