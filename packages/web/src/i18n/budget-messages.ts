/** Registers the budget section's labels; imported by the plan detail page's budget section. */
import { budgetEn } from "./budget.en.ts";
import { budgetVi } from "./budget.vi.ts";
import { addMessages } from "./translate.ts";

addMessages({ vi: budgetVi, en: budgetEn });
