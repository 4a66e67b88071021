import type { TUnitReport } from "@dtplan/contracts/reporting.ts";
import dayjs from "dayjs";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiError, errorMessage } from "../../../api/client.ts";
import { type ReportRef, reportingApi } from "../../../api/reporting.ts";
import {
  type DraftPart,
  draftFromReport,
  type FormErrors,
  type ReportDraft,
  savePayload,
  validateDraft,
} from "../report-model.ts";
import { reportChanged } from "./use-report-data.ts";

const AUTOSAVE_MS = 1200;

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "dirty" }
  | { kind: "saved"; at: string }
  | { kind: "error"; message: string }
  | { kind: "conflict"; message: string };

export interface ReportAutosave {
  /** The report as last answered by the server (after a save or an action). */
  report: TUnitReport;
  draft: ReportDraft;
  errors: FormErrors;
  save: SaveState;
  /** Someone else saved or acted: editing stops until the report is reloaded. */
  conflict: boolean;
  edit: (part: DraftPart, change: (d: ReportDraft) => ReportDraft) => void;
  /** Saves what is dirty and valid; resolves false on a failure (conflict included). */
  flush: () => Promise<boolean>;
  /** The version the next write must name. */
  version: () => number;
  hasUnsaved: () => boolean;
  /** From now on, missing required figures count as errors (before submitting). */
  requireAll: () => void;
  conflicted: (message: string) => void;
  /** An action (submit, review, Excel) answered with this report: start again from it. */
  replace: (next: TUnitReport) => void;
  /** Edits made before a write that replaces them (Excel import) are no longer unsaved. */
  forgetEdits: () => void;
}

/**
 * The draft of a unit report and its autosave: each edit marks its part dirty,
 * a debounced save sends the dirty parts that are valid with the version it
 * was loaded at, and a 409 turns into a conflict the user resolves by reloading.
 */
export function useReportAutosave(initial: TUnitReport, reportRef: ReportRef): ReportAutosave {
  const [report, setReport] = useState(initial);
  const [draft, setDraft] = useState<ReportDraft>(() => draftFromReport(initial));
  const [showRequired, setShowRequired] = useState(false);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [editTick, setEditTick] = useState(0);
  const errors: FormErrors = useMemo(
    () => validateDraft(report, draft, showRequired),
    [report, draft, showRequired],
  );

  // What changed since the last save, with a counter per part so an edit made
  // while a save is in flight is not marked saved by that save's answer.
  const dirty = useRef(new Map<DraftPart, number>());
  const version = useRef(initial.version);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const saving = useRef<Promise<boolean> | null>(null);
  const conflict = save.kind === "conflict";

  const edit = useCallback((part: DraftPart, change: (d: ReportDraft) => ReportDraft) => {
    setDraft(change);
    dirty.current.set(part, (dirty.current.get(part) ?? 0) + 1);
    setSave((prev) => (prev.kind === "conflict" || prev.kind === "saving" ? prev : { kind: "dirty" }));
    setEditTick((n) => n + 1);
  }, []);

  const flush = useCallback(async (): Promise<boolean> => {
    if (saving.current) await saving.current;
    const current = draftRef.current;
    const errs = validateDraft(report, current, false);
    const payload = savePayload(version.current, current, new Set(dirty.current.keys()), errs);
    if (!payload) return true;
    const generations = new Map(payload.sent.map((p) => [p, dirty.current.get(p)]));
    setSave({ kind: "saving" });
    const run = (async () => {
      try {
        const next = await reportingApi.save(reportRef, payload.body);
        version.current = next.version;
        for (const [part, gen] of generations) {
          if (dirty.current.get(part) === gen) dirty.current.delete(part);
        }
        setReport(next);
        setSave(dirty.current.size > 0 ? { kind: "dirty" } : { kind: "saved", at: dayjs().format("HH:mm") });
        reportChanged(reportRef);
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
  }, [report, reportRef]);

  // Debounced autosave after each edit.
  useEffect(() => {
    if (editTick === 0 || conflict || !report.can.edit) return;
    const timer = setTimeout(() => void flush(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [editTick, conflict, report.can.edit, flush]);

  // Warn before leaving with unsaved changes.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty.current.size > 0) event.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, []);

  return {
    report,
    draft,
    errors,
    save,
    conflict,
    edit,
    flush,
    version: () => version.current,
    hasUnsaved: () => dirty.current.size > 0,
    requireAll: () => setShowRequired(true),
    conflicted: (message) => setSave({ kind: "conflict", message }),
    replace: (next) => {
      version.current = next.version;
      dirty.current.clear();
      setReport(next);
      setDraft(draftFromReport(next));
      setShowRequired(false);
      setSave({ kind: "idle" });
      reportChanged(reportRef);
    },
    forgetEdits: () => dirty.current.clear(),
  };
}
