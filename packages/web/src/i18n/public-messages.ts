/** Registers the public labels; imported by its pages. */
import { publicEn } from "./public.en.ts";
import { publicVi } from "./public.vi.ts";
import { addMessages } from "./translate.ts";

addMessages({ vi: publicVi, en: publicEn });
