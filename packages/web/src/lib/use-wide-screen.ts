import { Grid } from "antd";

/** antd's md breakpoint: from here on a screen shows tables; below, cards. */
const WIDE = "(min-width: 768px)";

/**
 * Whether the screen is wide (antd's md breakpoint and up). antd's breakpoints are unknown
 * on the first render; the media query answers then, so a phone never draws — and never
 * downloads — a table's wide form for one render.
 */
export function useWideScreen(): boolean {
  const md = Grid.useBreakpoint().md;
  return md ?? (typeof window === "undefined" || window.matchMedia(WIDE).matches);
}
