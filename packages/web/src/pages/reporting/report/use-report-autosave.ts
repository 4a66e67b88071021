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
  /** No connection: the edits are kept in this browser and sent when it returns. */
  | { kind: "offline" }
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

/** What is kept in the browser while edits are not on the server yet. */
interface StoredDraft {
  version: number;
  draft: ReportDraft;
  dirty: DraftPart[];
}

const storageKey = (ref: ReportRef) => `dtplan.report-draft.${ref.code}.${ref.periodKey}.${ref.unitId}`;

function readStored(ref: ReportRef, version: number): StoredDraft | null {
  try {
    const raw = localStorage.getItem(storageKey(ref));
    const stored = raw ? (JSON.parse(raw) as StoredDraft) : null;
    // Kept edits apply only to the version they were made on; a newer one on the server wins.
    return stored && stored.version === version && stored.dirty.length > 0 ? stored : null;
  } catch {
    return null;
  }
}

function writeStored(ref: ReportRef, stored: StoredDraft | null): void {
  try {
    if (stored && stored.dirty.length > 0) localStorage.setItem(storageKey(ref), JSON.stringify(stored));
    else localStorage.removeItem(storageKey(ref));
  } catch {
    // A full or disabled storage only loses the offline copy; the autosave still runs.
  }
}

const isOffline = (err: unknown) =>
  (err instanceof ApiError && err.code === "network") ||
  (typeof navigator !== "undefined" && !navigator.onLine);

/**
 * The draft of a unit report and its autosave: each edit marks its part dirty,
 * a debounced save sends the dirty parts that are valid with the version it
 * was loaded at, and a 409 turns into a conflict the user resolves by reloading.
 */
export function useReportAutosave(initial: TUnitReport, reportRef: ReportRef): ReportAutosave {
  // Edits kept in this browser while the connection was down come back on reload.
  const [stored] = useState(() => (initial.can.edit ? readStored(reportRef, initial.version) : null));
  const [report, setReport] = useState(initial);
  const [draft, setDraft] = useState<ReportDraft>(() => stored?.draft ?? draftFromReport(initial));
  const [showRequired, setShowRequired] = useState(false);
  const [save, setSave] = useState<SaveState>(stored ? { kind: "offline" } : { kind: "idle" });
  const [editTick, setEditTick] = useState(stored ? 1 : 0);
  const errors: FormErrors = useMemo(
    () => validateDraft(report, draft, showRequired),
    [report, draft, showRequired],
  );

  // What changed since the last save, with a counter per part so an edit made
  // while a save is in flight is not marked saved by that save's answer.
  const dirty = useRef(new Map<DraftPart, number>(stored?.dirty.map((part) => [part, 1]) ?? []));
  const version = useRef(initial.version);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const saving = useRef<Promise<boolean> | null>(null);
  const conflict = save.kind === "conflict";

  const keep = useCallback(
    (current: ReportDraft) =>
      writeStored(reportRef, { version: version.current, draft: current, dirty: [...dirty.current.keys()] }),
    [reportRef],
  );

  const edit = useCallback((part: DraftPart, change: (d: ReportDraft) => ReportDraft) => {
    setDraft(change);
    dirty.current.set(part, (dirty.current.get(part) ?? 0) + 1);
    setSave((prev) =>
      prev.kind === "conflict" || prev.kind === "saving" || prev.kind === "offline"
        ? prev
        : { kind: "dirty" },
    );
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
        keep(draftRef.current);
        setSave(dirty.current.size > 0 ? { kind: "dirty" } : { kind: "saved", at: dayjs().format("HH:mm") });
        reportChanged(reportRef);
        return true;
      } catch (err) {
        if (err instanceof ApiError && err.status === 409)
          setSave({ kind: "conflict", message: err.message });
        else if (isOffline(err)) setSave({ kind: "offline" });
        else setSave({ kind: "error", message: errorMessage(err) });
        return false;
      } finally {
        saving.current = null;
      }
    })();
    saving.current = run;
    return run;
  }, [report, reportRef, keep]);

  // Every edit is kept in the browser until the server has it (a lost connection, a closed tab).
  useEffect(() => {
    if (editTick > 0 && dirty.current.size > 0) keep(draft);
  }, [draft, editTick, keep]);

  // The connection is back: send what was kept.
  useEffect(() => {
    const onOnline = () => {
      if (dirty.current.size > 0) void flush();
    };
    window.addEventListener("online", onOnline);
    return () => window.removeEventListener("online", onOnline);
  }, [flush]);

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
      writeStored(reportRef, null);
      setReport(next);
      setDraft(draftFromReport(next));
      setShowRequired(false);
      setSave({ kind: "idle" });
      reportChanged(reportRef);
    },
    forgetEdits: () => {
      dirty.current.clear();
      writeStored(reportRef, null);
    },
  };
}
