import { schemaMessageEnglish } from "@dtplan/contracts/messages.en.ts";
import { reviewMessageIn } from "@dtplan/domain/plans/review-words.ts";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { EXACT_EN, PATTERNS_EN } from "./errors.en.ts";

/** The languages the server answers errors in; Vietnamese unless the caller asks for English. */
export type Lang = "vi" | "en";

/**
 * The caller's language from `Accept-Language` (the web app sends the language the user
 * chose): English when the caller's most preferred language is English, Vietnamese
 * otherwise — including when the header is missing.
 */
export function requestLang(request: Pick<FastifyRequest, "headers">): Lang {
  const header = request.headers["accept-language"];
  if (typeof header !== "string" || !header) return "vi";
  let best: { tag: string; q: number } | null = null;
  for (const part of header.split(",")) {
    const [tag, ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!tag || !Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { tag, q };
  }
  return best && (best.tag === "en" || best.tag.startsWith("en-")) ? "en" : "vi";
}

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/** The English text of a Vietnamese message, or null when none is written. */
export function englishText(vi: string): string | null {
  const exact = EXACT_EN[vi] ?? schemaMessageEnglish(vi);
  if (exact) return exact;
  const review = reviewMessageIn(vi, "en");
  if (review !== vi) return review;
  for (const [pattern, replace] of PATTERNS_EN) {
    const match = vi.match(pattern);
    if (!match) continue;
    const text = replace(match, englishText);
    if (text !== null) return text;
  }
  // Text with no Vietnamese in it is already fit to show (an error code, a file name).
  return VIETNAMESE.test(vi) ? null : vi;
}

const viLocale = z.locales.vi().localeError;
const enLocale = z.locales.en().localeError;
const localeText = (map: typeof viLocale, issue: unknown): string | undefined => {
  const out = map(issue as never);
  return typeof out === "string" ? out : (out?.message ?? undefined);
};

/**
 * A validation issue as fastify-type-provider-zod reports it: when its message is zod's
 * own Vietnamese text, the same issue in zod's English; otherwise the schema's message.
 */
export function englishIssue(v: { keyword: string; message?: string; params?: object }): string | null {
  const message = v.message ?? "";
  const written = englishText(message);
  if (written !== null) return written;
  const issue = { ...v.params, code: v.keyword, message };
  return localeText(viLocale, issue) === message ? (localeText(enLocale, issue) ?? null) : null;
}
