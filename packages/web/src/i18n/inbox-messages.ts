/** Registers the to-do and notification-settings labels; imported by their pages. */
import { inboxEn } from "./inbox.en.ts";
import { inboxVi } from "./inbox.vi.ts";
import { addMessages } from "./translate.ts";

addMessages({ vi: inboxVi, en: inboxEn });
