/** Registers the consolidated labels; imported by its pages. */
import { consolidatedEn } from "./consolidated.en.ts";
import { consolidatedVi } from "./consolidated.vi.ts";
import { addMessages } from "./translate.ts";

addMessages({ vi: consolidatedVi, en: consolidatedEn });
