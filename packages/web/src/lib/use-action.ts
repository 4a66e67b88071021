import { useCallback, useState } from "react";
import { errorMessage } from "../api/client.ts";

/**
 * A button's request (save, publish, split): `saving` while it runs, and what went
 * wrong afterwards — by default the server's message in `error`, or handed to `onError`
 * (a form puts it under its fields).
 */
export function useAction(onError?: (err: unknown) => void) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (request: () => Promise<void>) => {
      setSaving(true);
      try {
        await request();
      } catch (err) {
        if (onError) onError(err);
        else setError(errorMessage(err));
      } finally {
        setSaving(false);
      }
    },
    [onError],
  );
  return { saving, error, setError, run };
}
