import type { TDtiAssessment } from "@dtplan/contracts/dti.ts";
import dayjs from "dayjs";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, errorMessage } from "../../api/client.ts";
import { type AssessmentRef, dtiApi } from "../../api/dti.ts";
import { invalidate } from "../../api/query.ts";
import type { SaveState } from "../reporting/report/use-report-autosave.ts";
import {
  type Draft,
  draftFromAssessment,
  type EntryDraft,
  entryInput,
  entryProblem,
} from "./assessment-model.ts";

export type { SaveState };

const AUTOSAVE_MS = 1500;

/**
 * The unit's draft and its autosave: each edit marks its criterion dirty, a debounced
 * save sends the dirty criteria with the version the form was loaded at, and a 409
 * (someone else saved, the province returned or verified) stops editing until reload.
 */
export function useAssessmentDraft(initial: TDtiAssessment, ref: AssessmentRef) {
  const [assessment, setAssessment] = useState(initial);
  const [draft, setDraft] = useState<Draft>(() => draftFromAssessment(initial));
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [tick, setTick] = useState(0);
  const dirty = useRef(new Map<string, number>());
  const version = useRef(initial.version);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const saving = useRef<Promise<boolean> | null>(null);
  const conflict = save.kind === "conflict";
  const byCode = useRef(new Map(initial.criteria.map((c) => [c.code, c])));

  const edit = useCallback((code: string, patch: Partial<EntryDraft>) => {
    setDraft((d) => ({ ...d, [code]: { ...d[code], ...patch } }));
    dirty.current.set(code, (dirty.current.get(code) ?? 0) + 1);
    setSave((prev) => (prev.kind === "conflict" || prev.kind === "saving" ? prev : { kind: "dirty" }));
    setTick((n) => n + 1);
  }, []);

  const flush = useCallback(async (): Promise<boolean> => {
    if (saving.current) await saving.current;
    const current = draftRef.current;
    const codes = [...dirty.current.keys()].filter((code) => {
      const c = byCode.current.get(code);
      return c && !entryProblem(c, current[code]);
    });
    if (codes.length === 0) return dirty.current.size === 0;
    const generations = new Map(codes.map((c) => [c, dirty.current.get(c)]));
    setSave({ kind: "saving" });
    const run = (async () => {
      try {
        const next = await dtiApi.save(ref, {
          version: version.current,
          entries: codes.map((code) => entryInput(code, current[code])),
        });
        version.current = next.version;
        for (const [code, gen] of generations)
          if (dirty.current.get(code) === gen) dirty.current.delete(code);
        setAssessment(next);
        setSave(dirty.current.size > 0 ? { kind: "dirty" } : { kind: "saved", at: dayjs().format("HH:mm") });
        return true;
      } catch (err) {
        if (err instanceof ApiError && err.status === 409)
          setSave({ kind: "conflict", message: err.message });
        else setSave({ kind: "error", message: errorMessage(err) });
        return false;
      } finally {
        saving.current = null;
      }
    })();
    saving.current = run;
    return run;
  }, [ref]);

  useEffect(() => {
    if (tick === 0 || conflict || !assessment.can.edit) return;
    const timer = setTimeout(() => void flush(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [tick, conflict, assessment.can.edit, flush]);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty.current.size > 0) event.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, []);

  /** An action (submit, verify) answered with the assessment: start again from it. */
  const replace = useCallback((next: TDtiAssessment) => {
    version.current = next.version;
    dirty.current.clear();
    setAssessment(next);
    setDraft(draftFromAssessment(next));
    setSave({ kind: "idle" });
    void invalidate("dti");
  }, []);

  return {
    assessment,
    draft,
    save,
    conflict,
    edit,
    flush,
    replace,
    version: () => version.current,
    conflicted: (message: string) => setSave({ kind: "conflict", message }),
  };
}

export type AssessmentDraft = ReturnType<typeof useAssessmentDraft>;
