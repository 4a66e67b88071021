import { useState } from "react";
import { errorMessage } from "../api/client.ts";
import { useLimits } from "../auth/session.tsx";
import { evidenceFileProblem } from "./evidence-check.ts";

/**
 * Uploading one evidence file: its size and type are checked in the browser first (a
 * 25 MB file is refused before it is sent), then `send` uploads it with its progress.
 */
export function useEvidenceUpload<T>(
  send: (file: File, onProgress: (percent: number) => void) => Promise<T>,
  onUploaded: (uploaded: T) => void,
) {
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { evidenceMaxBytes } = useLimits();
  const upload = async (file: File) => {
    setError(null);
    const problem = evidenceFileProblem(file, evidenceMaxBytes);
    if (problem) return setError(problem);
    setPercent(0);
    try {
      onUploaded(await send(file, setPercent));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPercent(null);
    }
  };
  return { upload, percent, error };
}
