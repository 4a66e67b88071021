/** Registers the cascade's labels; imported by the plan page's and the review's cascade views. */
import { cascadeEn } from "./cascade.en.ts";
import { cascadeVi } from "./cascade.vi.ts";
import { addMessages } from "./translate.ts";

addMessages({ vi: cascadeVi, en: cascadeEn });
