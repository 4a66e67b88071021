import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./precompress.ts";

const root = fileURLToPath(new URL(".", import.meta.url));

// Vendors in their own long-cached chunks. The "antd" chunk holds only the
// Ant Design modules the first screen needs (`$initial`: statically reachable
// from the entry); components that only lazy pages use (tables, pickers, trees)
// are split with those pages. Every page is lazy (src/routes.tsx), so later
// capabilities (and ECharts) never weigh on the first screen.
const REACT = /[\\/]node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/;
const ANTD =
  /[\\/]node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@babel[\\/]runtime|dayjs|@emotion|stylis|classnames|clsx|throttle-debounce|compute-scroll-into-view|scroll-into-view-if-needed|resize-observer-polyfill|json2mq|toggle-selection|copy-to-clipboard|string-convert|is-mobile)[\\/]/;
const RC_COMPONENTS = /[\\/]node_modules[\\/]@rc-component[\\/][^\\/]+[\\/](es|lib)[\\/].*\.js$/;
const ZOD = /[\\/]node_modules[\\/]zod[\\/]/;
// ECharts and its renderer, loaded only with a chart (src/charts/lazy-chart.tsx); never `$initial`.
const ECHARTS = /[\\/]node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/;

export default defineConfig({
  root,
  plugins: [react(), precompress()],
  // "zod" is zod configured for the browser (src/lib/zod.ts, which imports "zod/v4").
  resolve: {
    alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL("./src/lib/zod.ts", import.meta.url)) }],
  },
  server: {
    proxy: { "/api": { target: "http://127.0.0.1:3000", changeOrigin: false } },
  },
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    // .vite/manifest.json: what each chunk imports, for the first screen's budget test.
    manifest: true,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      // Ant Design's own components come from @rc-component packages that do not declare
      // themselves free of side effects, so every module a barrel re-exports was kept
      // (the home page's Card pulled in the whole of rc-form and rc-select). They are
      // plain React components: what nothing uses is dropped.
      treeshake: { moduleSideEffects: (id: string) => !RC_COMPONENTS.test(id) },
      output: {
        codeSplitting: {
          groups: [
            { name: "react", test: REACT, priority: 30 },
            { name: "antd", test: ANTD, tags: ["$initial"], priority: 20 },
            { name: "zod", test: ZOD, priority: 10 },
            { name: "echarts", test: ECHARTS, priority: 25 },
          ],
        },
      },
    },
  },
});
