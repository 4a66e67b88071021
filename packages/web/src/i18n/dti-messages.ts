/** Registers the DTI labels; imported by its pages (and the public page's ranking). */
import { dtiEn } from "./dti.en.ts";
import { dtiVi } from "./dti.vi.ts";
import { addMessages } from "./translate.ts";

addMessages({ vi: dtiVi, en: dtiEn });
