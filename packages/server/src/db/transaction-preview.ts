import type { Database } from "./database.ts";

/** Thrown at the end of a preview so that its transaction rolls back. */
class PreviewOnly extends Error {}

/**
 * Runs `act` in one transaction; with `preview`, rolls all of it back once it has run.
 * A bulk act's preview is then the act itself (the same rules, item by item) undone, so
 * what it says will change is what the act changes — no second copy of the rules.
 */
export async function inTransactionOrPreview(
  db: Database,
  preview: boolean,
  act: (tx: Database) => Promise<void>,
): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await act(tx);
      if (preview) throw new PreviewOnly();
    });
  } catch (error) {
    if (!(error instanceof PreviewOnly)) throw error;
  }
}
