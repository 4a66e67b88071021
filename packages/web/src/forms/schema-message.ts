import { schemaMessageEnglish } from "@dtplan/contracts/messages.en.ts";
import { currentLanguage } from "../i18n/i18n.tsx";

/**
 * A validation message of the shared schemas in the language the person reads: the schemas
 * write Vietnamese (a field's own message comes already in the reader's language, lib/zod.ts);
 * in English the schemas' messages read through their English (contracts/messages.en.ts).
 */
export function inReaderLanguage(message: string): string {
  return currentLanguage() === "en" ? (schemaMessageEnglish(message) ?? message) : message;
}
