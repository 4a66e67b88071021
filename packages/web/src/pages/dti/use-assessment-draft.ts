import type { TDtiAssessment } from "@dtplan/contracts/dti.ts";
import { useCallback } from "react";
import { type AssessmentRef, dtiApi } from "../../api/dti.ts";
import { invalidate } from "../../api/query.ts";
import { type SaveState, useVersionedAutosave } from "../../forms/use-versioned-autosave.ts";
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
 * The unit's draft and its autosave (the shared versioned engine): each edit marks its
 * criterion dirty; a save sends the dirty criteria that are complete; a 409 (someone else
 * saved, the province returned or verified) stops editing until reload.
 */
export function useAssessmentDraft(initial: TDtiAssessment, ref: AssessmentRef) {
  const engine = useVersionedAutosave<TDtiAssessment, Draft, string>({
    initial,
    initialDraft: draftFromAssessment(initial),
    draftOf: draftFromAssessment,
    delayMs: AUTOSAVE_MS,
    request: ({ doc, draft, dirty, version }) => {
      const byCode = new Map(doc.criteria.map((c) => [c.code, c]));
      const codes = dirty.filter((code) => {
        const c = byCode.get(code);
        return c && !entryProblem(c, draft[code]);
      });
      if (codes.length === 0) return dirty.length === 0;
      return {
        sent: codes,
        send: () =>
          dtiApi.save(ref, { version, entries: codes.map((code) => entryInput(code, draft[code])) }),
      };
    },
  });
  const { edit: editPart, replace: replaceDoc } = engine;

  const edit = useCallback(
    (code: string, patch: Partial<EntryDraft>) =>
      editPart(code, (d) => ({ ...d, [code]: { ...d[code], ...patch } })),
    [editPart],
  );

  /** An action (submit, verify) answered with the assessment: start again from it. */
  const replace = useCallback(
    (next: TDtiAssessment) => {
      replaceDoc(next);
      void invalidate("dti");
    },
    [replaceDoc],
  );

  return {
    assessment: engine.doc,
    draft: engine.draft,
    save: engine.save,
    conflict: engine.conflict,
    edit,
    flush: engine.flush,
    replace,
    version: engine.version,
    conflicted: engine.conflicted,
  };
}

export type AssessmentDraft = ReturnType<typeof useAssessmentDraft>;
