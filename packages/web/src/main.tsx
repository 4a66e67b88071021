// zod decides when a schema is built — and the contracts build theirs as they are
// imported — whether it may compile with eval, which the Content-Security-Policy
// forbids. So zod is configured first and the app, with every schema, loaded after.
import "./lib/zod-no-eval.ts";
import "./lib/zod-messages.ts";

void import("./render.tsx");
