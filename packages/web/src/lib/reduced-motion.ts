/**
 * Whether the user asked the system for less motion (`prefers-reduced-motion: reduce`, an
 * accessibility setting): the app then turns Ant Design's motions off (app.tsx: modals,
 * drawers, menus and messages appear and go at once), styles.css stops its own transitions
 * and animations, charts draw without animating and scrolling jumps instead of gliding.
 */
import { useSyncExternalStore } from "react";

const QUERY = "(prefers-reduced-motion: reduce)";

function query(): MediaQueryList | null {
  return typeof window === "undefined" || !window.matchMedia ? null : window.matchMedia(QUERY);
}

/** The setting now (for code outside React's rendering, e.g. a scroll). */
export function prefersReducedMotion(): boolean {
  return query()?.matches ?? false;
}

/** How to scroll: a glide, or a jump for a user who asked for less motion. */
export function scrollBehavior(): ScrollBehavior {
  return prefersReducedMotion() ? "auto" : "smooth";
}

function subscribe(onChange: () => void): () => void {
  const list = query();
  list?.addEventListener("change", onChange);
  return () => list?.removeEventListener("change", onChange);
}

/** The setting, followed as it changes. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, prefersReducedMotion, () => false);
}
