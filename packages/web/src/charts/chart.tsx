/**
 * The one ECharts wrapper: only the charts and components the dashboards use are
 * registered (tree-shaken from `echarts/core`), and this module is loaded lazily
 * (lazy-chart.tsx), so ECharts never weighs on the first screen.
 */

import { theme } from "antd";
import * as charts from "echarts/charts";
import * as components from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
// `esm/core`: `lib/core` breaks under Vite 8's ESM (STACK-NOTES).
import ReactEChartsCore from "echarts-for-react/esm/core";
import { useEffect, useMemo, useRef } from "react";
import { useReducedMotion } from "../lib/reduced-motion.ts";
import type { ChartProps } from "./lazy-chart.tsx";

// Named members of the namespaces only: the bundler keeps just these.
echarts.use([
  charts.BarChart,
  charts.LineChart,
  charts.RadarChart,
  components.AriaComponent,
  components.DatasetComponent,
  components.GridComponent,
  components.LegendComponent,
  components.RadarComponent,
  components.TooltipComponent,
  SVGRenderer,
]);

// Tests drive a real browser: a finished chart, not a frame of its animation.
const ANIMATE = typeof navigator === "undefined" || !navigator.webdriver;

export default function Chart({ option, height, onClick, ariaLabel, testId }: ChartProps) {
  // The app's own font, named: ECharts measures text with it to lay out legends and labels.
  const { fontFamily } = theme.useToken().token;
  // No growing bars for a user who asked the system for less motion.
  const reduced = useReducedMotion();
  const full = useMemo(
    () => ({
      animation: ANIMATE && !reduced,
      textStyle: { fontFamily },
      // Patterns on top of colour, and a text description for screen readers.
      aria: { enabled: true, label: { description: ariaLabel }, decal: { show: true } },
      ...option,
    }),
    [option, ariaLabel, fontFamily, reduced],
  );
  const events = useMemo(() => (onClick ? { click: onClick } : undefined), [onClick]);
  // On paper the column is narrower or wider than on screen: draw again at the print
  // width when the page switches to print, and back after.
  const ref = useRef<ReactEChartsCore>(null);
  useEffect(() => {
    const redraw = () => ref.current?.getEchartsInstance().resize();
    const print = window.matchMedia("print");
    print.addEventListener("change", redraw);
    window.addEventListener("beforeprint", redraw);
    window.addEventListener("afterprint", redraw);
    return () => {
      print.removeEventListener("change", redraw);
      window.removeEventListener("beforeprint", redraw);
      window.removeEventListener("afterprint", redraw);
    };
  }, []);
  return (
    <div className="dt-chart" data-testid={testId} role="img" aria-label={ariaLabel}>
      <ReactEChartsCore
        ref={ref}
        echarts={echarts}
        option={full}
        notMerge
        style={{ height, width: "100%" }}
        opts={{ renderer: "svg" }}
        onEvents={events}
      />
    </div>
  );
}
