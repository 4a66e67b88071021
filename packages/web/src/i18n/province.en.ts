import type { provinceVi } from "./province.vi.ts";

export const provinceEn: Record<keyof typeof provinceVi, string> = {};
