/** Typed calls of the DTI screens (`/api/dti/…`); imported by their lazy pages only. */
import type {
  TDtiAssessment,
  TDtiFramework,
  TDtiFrameworkCopy,
  TDtiFrameworkCreate,
  TDtiFrameworkImportFields,
  TDtiFrameworkList,
  TDtiFrameworkUpdate,
  TDtiPublicRanking,
  TDtiPublicRoundList,
  TDtiRanking,
  TDtiRound,
  TDtiRoundCreate,
  TDtiRoundList,
  TDtiRoundUpdate,
  TDtiSaveAssessment,
  TDtiVerify,
} from "@dtplan/contracts/dti.ts";
import type { TEvidenceFile } from "@dtplan/contracts/tasks.ts";
import { queryOptions } from "@tanstack/react-query";
import { api } from "./client.ts";

const enc = encodeURIComponent;
const roundPath = (id: string) => `/dti/rounds/${enc(id)}`;
const unitPath = (id: string, unitId: string) => `${roundPath(id)}/units/${enc(unitId)}`;
const anonymous = { allowAnonymous: true } as const;

export interface AssessmentRef {
  roundId: string;
  unitId: string;
}

/** The round's status changes the focal officer makes. */
export type RoundAction = "open" | "close" | "publish";

export const dtiApi = {
  frameworks: () => api.get<TDtiFrameworkList>("/dti/frameworks"),
  framework: (id: string) => api.get<TDtiFramework>(`/dti/frameworks/${enc(id)}`),
  createFramework: (body: TDtiFrameworkCreate) => api.post<TDtiFramework>("/dti/frameworks", body),
  /** 409 when `version` moved (someone else saved). */
  updateFramework: (id: string, body: TDtiFrameworkUpdate) =>
    api.put<TDtiFramework>(`/dti/frameworks/${enc(id)}`, body),
  copyFramework: (id: string, body: TDtiFrameworkCopy) =>
    api.post<TDtiFramework>(`/dti/frameworks/${enc(id)}/copy`, body),
  /** Nhập từ Excel: 400 with one `details` entry per wrong cell (sheet, row, column), nothing saved. */
  importFramework: (fields: TDtiFrameworkImportFields, file: File) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, String(v));
    form.append("file", file, file.name);
    return api.upload<TDtiFramework>("/dti/frameworks/import", form);
  },
  /** Same-origin links, so the session cookie goes with the download. */
  frameworkXlsxUrl: (id: string) => `/api/dti/frameworks/${enc(id)}/xlsx`,

  rounds: () => api.get<TDtiRoundList>("/dti/rounds"),
  round: (id: string) => api.get<TDtiRound>(roundPath(id)),
  createRound: (body: TDtiRoundCreate) => api.post<TDtiRound>("/dti/rounds", body),
  updateRound: (id: string, body: TDtiRoundUpdate) => api.patch<TDtiRound>(roundPath(id), body),
  roundAction: (id: string, action: RoundAction) => api.post<TDtiRound>(`${roundPath(id)}/${action}`),

  assessment: (r: AssessmentRef) => api.get<TDtiAssessment>(unitPath(r.roundId, r.unitId)),
  /** Lưu nháp; 409 when `version` moved. */
  save: (r: AssessmentRef, body: TDtiSaveAssessment) =>
    api.put<TDtiAssessment>(unitPath(r.roundId, r.unitId), body),
  submit: (r: AssessmentRef, version: number) =>
    api.post<TDtiAssessment>(`${unitPath(r.roundId, r.unitId)}/submit`, { version }),
  verify: (r: AssessmentRef, body: TDtiVerify) =>
    api.post<TDtiAssessment>(`${unitPath(r.roundId, r.unitId)}/verify`, body),
  uploadEvidence: (r: AssessmentRef, file: File, onProgress?: (percent: number) => void) => {
    const form = new FormData();
    form.append("file", file, file.name);
    return api.upload<TEvidenceFile>(`${unitPath(r.roundId, r.unitId)}/evidence`, form, onProgress);
  },
  scoresheetXlsxUrl: (r: AssessmentRef) => `/api${unitPath(r.roundId, r.unitId)}/xlsx`,

  ranking: (id: string) => api.get<TDtiRanking>(`${roundPath(id)}/ranking`),
  rankingXlsxUrl: (id: string) => `/api${roundPath(id)}/ranking/xlsx`,
  rankingDocxUrl: (id: string) => `/api${roundPath(id)}/ranking/docx`,

  publicRounds: (province?: string) =>
    api.get<TDtiPublicRoundList>("/dti/public/rounds", { province }, anonymous),
  /** `province` keeps the look-up within that province's data (send it when known). */
  publicRanking: (id: string, province?: string) =>
    api.get<TDtiPublicRanking>(`/dti/public/rounds/${enc(id)}/ranking`, { province }, anonymous),
};

/** Reads of the DTI, keyed under "dti" (a write invalidates them all: rounds, scores and ranks move together). */
export const dtiQueries = {
  frameworks: () => queryOptions({ queryKey: ["dti", "frameworks"], queryFn: dtiApi.frameworks }),
  rounds: () => queryOptions({ queryKey: ["dti", "rounds"], queryFn: dtiApi.rounds }),
  round: (id: string) => queryOptions({ queryKey: ["dti", "round", id], queryFn: () => dtiApi.round(id) }),
  assessment: (r: AssessmentRef) =>
    queryOptions({
      queryKey: ["dti", "assessment", r.roundId, r.unitId],
      queryFn: () => dtiApi.assessment(r),
    }),
  ranking: (id: string) =>
    queryOptions({ queryKey: ["dti", "ranking", id], queryFn: () => dtiApi.ranking(id) }),
};

/** The public page's reads, keyed under "public" like its other reads. */
export const dtiPublicQueries = {
  rounds: (province?: string) =>
    queryOptions({
      queryKey: ["public", "dti-rounds", province ?? null],
      queryFn: () => dtiApi.publicRounds(province),
    }),
  ranking: (id: string, province?: string) =>
    queryOptions({
      queryKey: ["public", "dti-ranking", id, province ?? null],
      queryFn: () => dtiApi.publicRanking(id, province),
    }),
};
