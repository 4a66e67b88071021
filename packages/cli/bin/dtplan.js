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
const { main } = await import("../src/main.ts");
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`dtplan: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
