/** Registers the dashboard labels; imported by its pages. */
import { dashboardEn } from "./dashboard.en.ts";
import { dashboardVi } from "./dashboard.vi.ts";
import { addMessages } from "./translate.ts";

addMessages({ vi: dashboardVi, en: dashboardEn });
