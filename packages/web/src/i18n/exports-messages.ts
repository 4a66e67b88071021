/** Registers the export menu's labels; imported by the menu itself. */
import { exportsEn } from "./exports.en.ts";
import { exportsVi } from "./exports.vi.ts";
import { addMessages } from "./translate.ts";

addMessages({ vi: exportsVi, en: exportsEn });
