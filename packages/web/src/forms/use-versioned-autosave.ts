import dayjs from "dayjs";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, errorMessage } from "../api/client.ts";

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "dirty" }
  | { kind: "saved"; at: string }
  /** No connection: the edits are kept in this browser and sent when it returns. */
  | { kind: "offline" }
  | { kind: "error"; message: string }
  | { kind: "conflict"; message: string };

/** A document the server versions: each write names the version it was made on. */
interface Versioned {
  version: number;
  can: { edit: boolean };
}

/** What one save sends: the parts it carries and the request that answers the saved document. */
export interface SaveRequest<Doc, Part> {
  sent: Part[];
  send: () => Promise<Doc>;
}

export interface VersionedAutosaveOptions<Doc extends Versioned, Draft, Part> {
  initial: Doc;
  initialDraft: Draft;
  /** The draft a document read from the server starts from. */
  draftOf: (doc: Doc) => Draft;
  delayMs: number;
  /**
   * The save to make for the dirty parts of `draft` (those that are valid), or, when there
   * is nothing to send, what flushing answers (true: nothing is left unsaved).
   */
  request: (args: {
    doc: Doc;
    draft: Draft;
    dirty: Part[];
    version: number;
  }) => SaveRequest<Doc, Part> | boolean;
  /** Edits restored from this browser (offline copy): dirty from the start. */
  restored?: Part[];
  /** When a failed save means the connection is down (kept, sent again later) rather than an error. */
  isOffline?: (err: unknown) => boolean;
  /** After each save the server accepted. */
  onSaved?: (doc: Doc, draft: Draft) => void;
}

/**
 * The engine under a form that autosaves a versioned document: each edit marks its part
 * dirty with a counter (so an edit made while a save is in flight is not marked saved by
 * that save's answer), a debounced save sends the dirty parts with the version the form
 * was loaded at, and a 409 (someone else saved or acted) stops editing until reload.
 */
export function useVersionedAutosave<Doc extends Versioned, Draft, Part>(
  options: VersionedAutosaveOptions<Doc, Draft, Part>,
) {
  const { initial, delayMs } = options;
  const opts = useRef(options);
  opts.current = options;
  const [doc, setDoc] = useState(initial);
  const [draft, setDraft] = useState<Draft>(options.initialDraft);
  const [save, setSave] = useState<SaveState>(
    options.restored?.length ? { kind: "offline" } : { kind: "idle" },
  );
  const [editTick, setEditTick] = useState(options.restored?.length ? 1 : 0);
  const dirty = useRef(new Map<Part, number>(options.restored?.map((part) => [part, 1]) ?? []));
  const version = useRef(initial.version);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const docRef = useRef(doc);
  docRef.current = doc;
  const saving = useRef<Promise<boolean> | null>(null);
  const conflict = save.kind === "conflict";

  const edit = useCallback((part: Part, change: (d: Draft) => Draft) => {
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
    const planned = opts.current.request({
      doc: docRef.current,
      draft: draftRef.current,
      dirty: [...dirty.current.keys()],
      version: version.current,
    });
    if (typeof planned === "boolean") return planned;
    const generations = new Map(planned.sent.map((p) => [p, dirty.current.get(p)]));
    setSave({ kind: "saving" });
    const run = (async () => {
      try {
        const next = await planned.send();
        version.current = next.version;
        for (const [part, gen] of generations)
          if (dirty.current.get(part) === gen) dirty.current.delete(part);
        setDoc(next);
        setSave(dirty.current.size > 0 ? { kind: "dirty" } : { kind: "saved", at: dayjs().format("HH:mm") });
        opts.current.onSaved?.(next, draftRef.current);
        return true;
      } catch (err) {
        if (err instanceof ApiError && err.status === 409)
          setSave({ kind: "conflict", message: err.message });
        else if (opts.current.isOffline?.(err)) setSave({ kind: "offline" });
        else setSave({ kind: "error", message: errorMessage(err) });
        return false;
      } finally {
        saving.current = null;
      }
    })();
    saving.current = run;
    return run;
  }, []);

  // Debounced autosave after each edit.
  useEffect(() => {
    if (editTick === 0 || conflict || !doc.can.edit) return;
    const timer = setTimeout(() => void flush(), delayMs);
    return () => clearTimeout(timer);
  }, [editTick, conflict, doc.can.edit, flush, delayMs]);

  // Warn before leaving with unsaved changes.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty.current.size > 0) event.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, []);

  /** An action (submit, review, import) answered with the document: start again from it. */
  const replace = useCallback((next: Doc) => {
    version.current = next.version;
    dirty.current.clear();
    setDoc(next);
    setDraft(opts.current.draftOf(next));
    setSave({ kind: "idle" });
  }, []);

  const currentVersion = useCallback(() => version.current, []);
  const dirtyParts = useCallback(() => [...dirty.current.keys()], []);
  const hasUnsaved = useCallback(() => dirty.current.size > 0, []);
  const forgetEdits = useCallback(() => dirty.current.clear(), []);
  const conflicted = useCallback((message: string) => setSave({ kind: "conflict", message }), []);

  return {
    doc,
    draft,
    save,
    conflict,
    editTick,
    edit,
    flush,
    replace,
    /** The version the next write must name. */
    version: currentVersion,
    dirtyParts,
    hasUnsaved,
    /** Edits made before a write that replaces them (an import) are no longer unsaved. */
    forgetEdits,
    conflicted,
  };
}
