/*
 * dtplan's service worker: the report form opens again while the connection is down.
 * Registered by src/offline.ts. It keeps, in this browser only:
 * - the app's page (index.html), fetched from the network first, the copy kept for when it fails;
 * - the built files (assets/, hashed names that never change) of the app's current version,
 *   from the copy once kept;
 * - the answers a report form opens with (the session, the unit's report), network first.
 * Nothing else is answered from a copy; writes always go to the server (the form keeps
 * unsaved edits itself and sends them when the connection returns). Signing in or out
 * drops the kept answers, so the next person on this browser never sees them.
 */
const SHELL = "dtplan-shell-v1";
const ASSETS = "dtplan-assets-v1";
const ANSWERS = "dtplan-answers-v1";
const KEPT = [SHELL, ASSETS, ANSWERS];

/** GET answers kept for the report form: the session and a unit's report of a period. */
const KEPT_ANSWERS = [/^\/api\/auth\/me$/, /^\/api\/plans\/[^/]+\/periods\/[^/]+\/reports\/[^/]+$/];

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      // The page and the files it loads first, so the form opens offline after one visit.
      const shell = await fetch("/", { cache: "no-cache" });
      if (shell.ok) {
        const html = await shell.clone().text();
        await (await caches.open(SHELL)).put("/", shell);
        const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
        await (await caches.open(ASSETS)).addAll(files);
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (!KEPT.includes(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** The network's answer (kept when good), or the kept copy when the network fails. */
async function networkFirst(request, cacheName, key) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(key);
    if (kept) return kept;
    throw error;
  }
}

/**
 * The app's page from the network, kept for when it fails. A page that differs from the
 * kept one is a new version of the app: the old version's files are dropped (the new one's
 * are kept as they load; unchanged ones come from the browser's own cache), so the copy does
 * not grow with every release.
 */
async function appPage(request) {
  const cache = await caches.open(SHELL);
  try {
    const response = await fetch(request);
    if (response.ok) {
      const kept = await cache.match("/");
      if (kept && (await kept.text()) !== (await response.clone().text())) await caches.delete(ASSETS);
      await cache.put("/", response.clone());
    }
    return response;
  } catch (error) {
    const kept = await cache.match("/");
    if (kept) return kept;
    throw error;
  }
}

async function keptFirst(request) {
  const cache = await caches.open(ASSETS);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

const isKeptAnswer = (url) => !url.search && KEPT_ANSWERS.some((pattern) => pattern.test(url.pathname));

/**
 * What the page loaded before this worker took it over (its first visit): the built files
 * and the kept answers among them, so that visit's form opens offline too.
 */
async function keepLoaded(urls) {
  const own = urls.map((href) => new URL(href)).filter((url) => url.origin === self.location.origin);
  // The answers first, the session's whatever the list holds: without it the app cannot open.
  const answers = new Set(["/api/auth/me", ...own.filter(isKeptAnswer).map((url) => url.pathname)]);
  for (const path of answers) {
    await networkFirst(new Request(path), ANSWERS, path).catch(() => {});
  }
  const assets = await caches.open(ASSETS);
  for (const url of own.filter((u) => u.pathname.startsWith("/assets/"))) {
    if (!(await assets.match(url.pathname))) await assets.add(url.pathname).catch(() => {});
  }
}

self.addEventListener("message", (event) => {
  if (Array.isArray(event.data?.keep)) event.waitUntil(keepLoaded(event.data.keep));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== "GET") {
    if (url.pathname === "/api/auth/login" || url.pathname === "/api/auth/logout") {
      event.waitUntil(caches.delete(ANSWERS));
    }
    return;
  }
  if (request.mode === "navigate" && !url.pathname.startsWith("/api/")) {
    // Every page of the app is the same index.html: one copy serves them all.
    event.respondWith(appPage(request));
  } else if (url.pathname.startsWith("/assets/")) {
    event.respondWith(keptFirst(request));
  } else if (isKeptAnswer(url)) {
    event.respondWith(networkFirst(request, ANSWERS, url.pathname));
  }
});
