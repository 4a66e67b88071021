import type { consolidatedVi } from "./consolidated.vi.ts";

export const consolidatedEn: Record<keyof typeof consolidatedVi, string> = {};
