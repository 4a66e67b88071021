/** Registers the backups page's labels; imported by that page. */
import { backupsEn } from "./backups.en.ts";
import { backupsVi } from "./backups.vi.ts";
import { addMessages } from "./translate.ts";

addMessages({ vi: backupsVi, en: backupsEn });
