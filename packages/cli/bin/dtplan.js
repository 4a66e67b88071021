#!/usr/bin/env node
// dtplan's command line. The sources are TypeScript run through tsx, so a fresh
// `npm ci` needs no build step before `dtplan` works.
import { register } from "tsx/esm/api";

register();
// `dtplan extract plan.pdf | head` closes the pipe early: that is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
const { runMain } = await import("../src/main.ts");
process.exitCode = await runMain(process.argv.slice(2));
