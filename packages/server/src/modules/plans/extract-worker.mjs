// Entry of an import worker thread (see extract-pool.ts). The sources are TypeScript,
// run through tsx like the rest of the server, so the loader is registered here: a
// worker does not inherit the hooks the main thread registered.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { runExtractJob } = await import("./extract-job.ts");

parentPort.on("message", async ({ job }) => {
  try {
    parentPort.postMessage({ result: await runExtractJob(job) });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    parentPort.postMessage({
      error: { name: e.name, message: e.message, code: e.code, messageEn: e.messageEn },
    });
  }
});
