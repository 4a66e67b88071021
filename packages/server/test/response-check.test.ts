import Fastify from "fastify";
import { serializerCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { registerResponseChecks } from "../src/response-check.ts";

const ZAnswer = z.object({ name: z.string(), count: z.number().int() });

/** A bare app with one trusted route answering `answer` under a two-field contract. */
async function appAnswering(answer: object, checkTrusted: boolean) {
  const app = Fastify();
  app.setSerializerCompiler(serializerCompiler);
  registerResponseChecks(app, { checkTrusted });
  app.withTypeProvider<ZodTypeProvider>().get(
    "/trusted",
    {
      config: { trustedResponse: true },
      schema: { response: { 200: ZAnswer } },
    },
    // The answer as a presenter might build it, right or wrong.
    async () => answer as z.infer<typeof ZAnswer>,
  );
  await app.ready();
  return app;
}

describe("answers of trusted routes (config.trustedResponse)", () => {
  it("go out as presented when serving, and are held to their contract in tests", async () => {
    const good = { name: "Xã Long Hồ", count: 3 };
    for (const checkTrusted of [false, true]) {
      const app = await appAnswering(good, checkTrusted);
      const res = await app.inject({ method: "GET", url: "/trusted" });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(good);
      // Sent as UTF-8 bytes: JSON still, and the length counts bytes, not characters.
      expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(Number(res.headers["content-length"])).toBe(Buffer.byteLength(JSON.stringify(good)));
      expect(Number(res.headers["content-length"])).toBeGreaterThan(JSON.stringify(good).length);
      await app.close();
    }
  });

  it("fail in tests when the answer breaks the contract or carries a field outside it", async () => {
    for (const bad of [
      { name: "Xã Long Hồ", count: 1.5 },
      { name: "Xã Long Hồ", count: 3, passwordHash: "x" },
    ]) {
      const served = await appAnswering(bad, false);
      expect((await served.inject({ method: "GET", url: "/trusted" })).json()).toEqual(bad);
      await served.close();
      const tested = await appAnswering(bad, true);
      expect((await tested.inject({ method: "GET", url: "/trusted" })).statusCode).toBe(500);
      await tested.close();
    }
  });
});
