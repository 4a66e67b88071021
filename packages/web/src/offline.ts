/**
 * The report form opens again while the connection is down: the service worker
 * (public/sw.js) keeps the app's page, its built files and the answers the form opens
 * with; the form keeps unsaved edits itself (use-report-autosave.ts). Only in a build:
 * the dev server's files change under the same names.
 */
export function keepOfflineCopy(): void {
  if (import.meta.env.DEV || !("serviceWorker" in navigator)) return;
  const firstVisit = !navigator.serviceWorker.controller;
  // What the page loads before the worker runs (an observer rather than
  // performance.getEntriesByType, which a test's controlled clock replaces).
  const loaded = new Set<string>();
  const observer = firstVisit
    ? new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) loaded.add(entry.name);
      })
    : null;
  observer?.observe({ type: "resource", buffered: true });
  window.addEventListener("load", () => {
    navigator.serviceWorker
      .register("/sw.js")
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        if (!observer) return;
        // On the first visit the page loaded before the worker ran: it keeps those files too.
        for (const entry of observer.takeRecords()) loaded.add(entry.name);
        observer.disconnect();
        registration.active?.postMessage({ keep: [...loaded] });
      })
      // Without the worker the app works as before, online only.
      .catch(() => {});
  });
}
