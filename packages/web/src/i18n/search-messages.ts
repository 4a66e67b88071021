/** Registers the search dialog's labels; imported by the dialog itself. */
import { searchEn } from "./search.en.ts";
import { searchVi } from "./search.vi.ts";
import { addMessages } from "./translate.ts";

addMessages({ vi: searchVi, en: searchEn });
