// What the web build means by "zod" (vite.config.ts resolves the bare name here), so zod
// is configured before any schema exists and only where one is used: the first screen
// does not carry zod until a page validates something.
// - The server's Content-Security-Policy forbids eval, and zod decides when a schema is
//   built whether to compile parsers with `new Function`, probing for it (a reported
//   violation): jitless.
// - Validation messages of the shared schemas naming the field, in the language the person
//   reads, as on the server: an empty sign-in says "Nhập tên đăng nhập" (or "Enter the
//   username"), never zod's "Invalid input". zod's own Vietnamese and English texts stand in
//   for the few issues the shared messages leave to it (only those two locales are bundled).
import { fieldIssue } from "@dtplan/contracts/messages.ts";
import { z } from "zod/v4";
import en from "zod/v4/locales/en.js";
import vi from "zod/v4/locales/vi.js";
import { currentLanguage } from "../i18n/i18n.tsx";

const english = en().localeError;

z.config({ jitless: true });
z.config(vi());
z.config({
  customError: (issue) => {
    const lang = currentLanguage();
    return fieldIssue(issue, lang) ?? (lang === "en" ? english(issue) : undefined);
  },
});

export * from "zod/v4";
export { z as default };
