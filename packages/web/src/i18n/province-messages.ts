/** Registers the province labels; imported by its pages. */
import { provinceEn } from "./province.en.ts";
import { provinceVi } from "./province.vi.ts";
import { addMessages } from "./translate.ts";

addMessages({ vi: provinceVi, en: provinceEn });
