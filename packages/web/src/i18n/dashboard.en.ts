import type { dashboardVi } from "./dashboard.vi.ts";

export const dashboardEn: Record<keyof typeof dashboardVi, string> = {};
