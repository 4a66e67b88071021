// The server's Content-Security-Policy forbids eval. zod decides when a schema is built
// (at import) whether to compile parsers with `new Function`, probing for it — which the
// browser reports as a violation. Imported first in main.tsx, before any schema exists.
import { z } from "zod";

z.config({ jitless: true });
