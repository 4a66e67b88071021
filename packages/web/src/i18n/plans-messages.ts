/** Registers the plan workspace's labels; imported by each of its (lazy) pages. */
import { plansEn } from "./plans.en.ts";
import { plansVi } from "./plans.vi.ts";
import { addMessages } from "./translate.ts";

addMessages({ vi: plansVi, en: plansEn });
