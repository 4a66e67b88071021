// A bounded load on loopback: 200 connections for 10 s each on sign-in, the leaders'
// dashboard and the public page, against a real server process with the demo data.
// Every answer must be a 2xx (no error, no timeout, no 5xx); the figures are printed,
// never asserted (they depend on the machine).
import autocannon from "autocannon";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, dataPlace, type ServerProcess, signIn, startServer } from "./server-process.ts";

const CONNECTIONS = 200;
const SECONDS = 10;

describe("bounded load on loopback (PGlite, the default database)", () => {
  let place: Awaited<ReturnType<typeof dataPlace>>;
  let server: ServerProcess;
  afterAll(async () => {
    await server?.stop();
    await place?.drop();
  });

  const run = async (path: string, options: Partial<autocannon.Options>) => {
    const name = `${options.method ?? "GET"} ${path}`;
    // One request first: caches warm, and a broken route fails here with its answer.
    const warm = await fetch(`${server.url}${path}`, {
      method: options.method ?? "GET",
      headers: options.headers as Record<string, string>,
      body: options.body as string | undefined,
    });
    expect(warm.status, await warm.text()).toBeLessThan(300);
    const result = await autocannon({
      url: `${server.url}${path}`,
      connections: CONNECTIONS,
      duration: SECONDS,
      timeout: 30,
      ...options,
    } as autocannon.Options);
    process.stdout.write(
      `[load] ${name}: ${result.requests.average.toFixed(0)} requests/s, p99 ${result.latency.p99} ms, ` +
        `${result.requests.total} requests, ${result.non2xx} non-2xx, ${result["5xx"]} 5xx, ` +
        `${result.errors} errors, ${result.timeouts} timeouts (${CONNECTIONS} connections, ${SECONDS} s)\n`,
    );
    expect(result.requests.total).toBeGreaterThan(0);
    expect({
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      "5xx": result["5xx"],
    }).toEqual({
      errors: 0,
      timeouts: 0,
      non2xx: 0,
      "5xx": 0,
    });
  };

  it("starts a server behind a trusted proxy address (loopback)", { timeout: 300_000 }, async () => {
    place = await dataPlace("pglite");
    // Citizens reach the public page through a proxy on loopback: each its own address.
    server = await startServer({ ...place.env, DTPLAN_TRUST_PROXY: "127.0.0.1" });
  });

  it("signs in under load", { timeout: 120_000 }, async () => {
    await run("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "vinhlong.lanhdao", password: DEMO_PASSWORD }),
    });
  });

  it("serves the leaders' dashboard under load", { timeout: 120_000 }, async () => {
    const leader = await signIn(server.url, "vinhlong.lanhdao");
    await run("/api/plans/vinh-long-2026/dashboard", {
      headers: { cookie: leader.headers.cookie },
    });
  });

  it("serves the public page under load, each citizen with their own address", {
    timeout: 120_000,
  }, async () => {
    let client = 0;
    await run("/api/public/plans", {
      setupClient: (c: autocannon.Client) => {
        client += 1;
        c.setHeaders({ "x-forwarded-for": `198.18.${Math.floor(client / 250)}.${client % 250}` });
      },
    });
  });
});
