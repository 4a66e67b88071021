import type { publicVi } from "./public.vi.ts";

export const publicEn: Record<keyof typeof publicVi, string> = {};
