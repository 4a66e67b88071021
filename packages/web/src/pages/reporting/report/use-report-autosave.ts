import type { TUnitReport } from "@dtplan/contracts/reporting.ts";
import { useCallback, useEffect, useMemo, useState } from "react";
import { ApiError } from "../../../api/client.ts";
import { type ReportRef, reportingApi } from "../../../api/reporting.ts";
import { type SaveState, useVersionedAutosave } from "../../../forms/use-versioned-autosave.ts";
import {
  type DraftPart,
  draftFromReport,
  type FormErrors,
  type ReportDraft,
  savePayload,
  validateDraft,
} from "../report-model.ts";
import { reportChanged } from "./use-report-data.ts";

export type { SaveState };

const AUTOSAVE_MS = 1200;

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
 * The draft of a unit report and its autosave (the shared versioned engine), plus what
 * a report adds: its validation, and the copy kept in this browser while the connection
 * is down, sent again when it returns.
 */
export function useReportAutosave(initial: TUnitReport, reportRef: ReportRef): ReportAutosave {
  // Edits kept in this browser while the connection was down come back on reload.
  const [stored] = useState(() => (initial.can.edit ? readStored(reportRef, initial.version) : null));
  const [showRequired, setShowRequired] = useState(false);
  const engine = useVersionedAutosave<TUnitReport, ReportDraft, DraftPart>({
    initial,
    initialDraft: stored?.draft ?? draftFromReport(initial),
    draftOf: draftFromReport,
    delayMs: AUTOSAVE_MS,
    restored: stored?.dirty,
    isOffline,
    request: ({ doc, draft, dirty, version }) => {
      const payload = savePayload(version, draft, new Set(dirty), validateDraft(doc, draft, false));
      return payload ? { sent: payload.sent, send: () => reportingApi.save(reportRef, payload.body) } : true;
    },
    onSaved: (_saved, current) => {
      keep(current);
      reportChanged(reportRef);
    },
  });
  const { doc: report, draft, editTick, flush, version, dirtyParts, hasUnsaved } = engine;
  const errors: FormErrors = useMemo(
    () => validateDraft(report, draft, showRequired),
    [report, draft, showRequired],
  );

  const keep = useCallback(
    (current: ReportDraft) =>
      writeStored(reportRef, { version: version(), draft: current, dirty: dirtyParts() }),
    [reportRef, version, dirtyParts],
  );

  // Every edit is kept in the browser until the server has it (a lost connection, a closed tab).
  useEffect(() => {
    if (editTick > 0 && hasUnsaved()) keep(draft);
  }, [draft, editTick, keep, hasUnsaved]);

  // The connection is back: send what was kept.
  useEffect(() => {
    const onOnline = () => {
      if (hasUnsaved()) void flush();
    };
    window.addEventListener("online", onOnline);
    return () => window.removeEventListener("online", onOnline);
  }, [flush, hasUnsaved]);

  return {
    report,
    draft,
    errors,
    save: engine.save,
    conflict: engine.conflict,
    edit: engine.edit,
    flush,
    version,
    hasUnsaved,
    requireAll: () => setShowRequired(true),
    conflicted: engine.conflicted,
    replace: (next) => {
      engine.replace(next);
      writeStored(reportRef, null);
      setShowRequired(false);
      reportChanged(reportRef);
    },
    forgetEdits: () => {
      engine.forgetEdits();
      writeStored(reportRef, null);
    },
  };
}
