/** Registers the reporting labels (and the plan workspace's, which these pages reuse); imported by each reporting page. */
import "./plans-messages.ts";
import { reportingEn } from "./reporting.en.ts";
import { reportingVi } from "./reporting.vi.ts";
import { addMessages } from "./translate.ts";

addMessages({ vi: reportingVi, en: reportingEn });
