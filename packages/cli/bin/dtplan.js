#!/usr/bin/env node
// dtplan's command line. The sources are TypeScript run through tsx, so a fresh
// `npm ci` needs no build step before `dtplan` works.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
