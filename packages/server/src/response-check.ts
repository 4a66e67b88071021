import { isDeepStrictEqual } from "node:util";
import type { FastifyInstance, FastifySerializerCompiler } from "fastify";
import { serializerCompiler } from "fastify-type-provider-zod";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * The answer is sent as its presenter built it (JSON.stringify alone), without zod checking
     * it against the route's response schema first: for the answers every signed-in person
     * loads and the large ones, where the check cost a fair share of the request (the
     * dashboard's: ~1.5 ms of ~12 ms of Node time). Tests still check it (checkTrustedResponses).
     */
    trustedResponse?: boolean;
  }
}

/**
 * A serializer giving bytes: Fastify sends a serializer's Buffer as it is (a payload may be a
 * string or a Buffer from there on), though its type names only strings. response-check.test
 * holds the headers and body to what a string would have given.
 */
const bytes = (
  compiler: (route: Parameters<FastifySerializerCompiler<unknown>>[0]) => (data: unknown) => Buffer,
) => compiler as unknown as FastifySerializerCompiler<unknown>;

/**
 * JSON.stringify as a serializer: what a trusted route sends in production. As UTF-8 bytes,
 * encoded once: from a string Fastify measures its UTF-8 length for the Content-Length and the
 * socket encodes it again (for the consolidated report's ~100 KB of Vietnamese text, ~0.3 ms
 * each); the read cache keeps the same bytes.
 */
const asBuilt = bytes(() => (data) => Buffer.from(JSON.stringify(data)));

/**
 * Checks the answer against its schema (zod, as every other route does) and also that the
 * answer sent unchecked would be the same JSON — no field outside the contract, nothing the
 * schema would change — so a test reading a trusted route fails where production would send
 * something else than the contract says.
 */
const checkedAndAsBuilt = bytes((route) => {
  const checked = (serializerCompiler as FastifySerializerCompiler<unknown>)(route);
  return (data) => {
    const body = checked(data);
    if (!isDeepStrictEqual(JSON.parse(body), JSON.parse(JSON.stringify(data)))) {
      throw new Error(
        `${route.method} ${route.url}: the answer sent unchecked (trustedResponse) differs from its checked form: a field outside the response schema, or one the schema changes`,
      );
    }
    return Buffer.from(body);
  };
});

/**
 * Routes declaring `config.trustedResponse` send their answer without the zod check in
 * production; with `checkTrusted` (tests) they are checked, and held to equal what
 * production sends. Every other route's answer is checked always. Registered before the
 * routes (an onRoute hook sees only the routes added after it).
 */
export function registerResponseChecks(
  app: FastifyInstance,
  { checkTrusted }: { checkTrusted: boolean },
): void {
  app.addHook("onRoute", (route) => {
    if (!route.config?.trustedResponse) return;
    route.serializerCompiler = checkTrusted ? checkedAndAsBuilt : asBuilt;
  });
}
