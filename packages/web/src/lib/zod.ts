// What the web build means by "zod" (vite.config.ts resolves the bare name here), so zod
// is configured before any schema exists and only where one is used: the first screen
// does not carry zod until a page validates something.
// - The server's Content-Security-Policy forbids eval, and zod decides when a schema is
//   built whether to compile parsers with `new Function`, probing for it (a reported
//   violation): jitless.
// - Validation messages of the shared schemas in Vietnamese, naming the field, as on the
//   server: an empty sign-in says "Nhập Tên đăng nhập", not zod's English. Only the
//   Vietnamese locale is bundled (not zod's every language).
import { vietnameseIssue } from "@dtplan/contracts/messages.ts";
import { z } from "zod/v4";
import vi from "zod/v4/locales/vi.js";

z.config({ jitless: true });
z.config(vi());
z.config({ customError: vietnameseIssue });

export * from "zod/v4";
export { z as default };
