// Validation messages of the shared schemas, in Vietnamese and naming the field, in the
// browser as on the server: an empty sign-in says "Nhập Tên đăng nhập", not zod's English.
// Only the Vietnamese locale is bundled (not zod's every language).
import { vietnameseIssue } from "@dtplan/contracts/messages.ts";
import { z } from "zod";
import vi from "zod/v4/locales/vi.js";

z.config(vi());
z.config({ customError: vietnameseIssue });
