/** Typed calls to the dtplan API; shapes come from the shared contracts. */

import type { TAuditEntry } from "@dtplan/contracts/audit.ts";
import type { TLoginRequest, TSessionResponse } from "@dtplan/contracts/auth.ts";
import type { THealth } from "@dtplan/contracts/health.ts";
import type { TCreateIndicator, TIndicator, TPillar } from "@dtplan/contracts/indicators.ts";
import type {
  TCreateOrgUnit,
  TMergeOrgUnits,
  TMergePreview,
  TOrgUnit,
  TOrgUnitDetail,
  TSplitOrgUnit,
  TUpdateOrgUnit,
} from "@dtplan/contracts/org.ts";
import type {
  TCreateTarget,
  TCreateTask,
  TPlanDetail,
  TPlanDiff,
  TPlanReview,
  TPlanSummary,
  TPlanTask,
  TUpdatePlan,
  TUpdateTarget,
  TUpdateTask,
} from "@dtplan/contracts/plans.ts";
import type { TCreateUser, TResetPassword, TUpdateUser, TUser } from "@dtplan/contracts/users.ts";
import { queryOptions } from "@tanstack/react-query";
import { api } from "./client.ts";

export interface ReorganisationResult {
  created: TOrgUnit[];
  closed: TOrgUnit[];
  moved: TOrgUnit[];
}

export const authApi = {
  login: (body: TLoginRequest) => api.post<TSessionResponse>("/auth/login", body, { allowAnonymous: true }),
  logout: () => api.post<unknown>("/auth/logout", {}, { allowAnonymous: true }),
  me: () => api.get<TSessionResponse>("/auth/me", undefined, { allowAnonymous: true }),
};

export const orgApi = {
  list: (query: { asOf?: string; includeClosed?: boolean }) =>
    api.get<{ items: TOrgUnit[] }>("/org/units", {
      asOf: query.asOf,
      includeClosed: query.includeClosed ? "true" : undefined,
    }),
  get: (id: string) => api.get<TOrgUnitDetail>(`/org/units/${encodeURIComponent(id)}`),
  create: (body: TCreateOrgUnit) => api.post<TOrgUnit>("/org/units", body),
  update: (id: string, body: TUpdateOrgUnit) =>
    api.patch<TOrgUnit>(`/org/units/${encodeURIComponent(id)}`, body),
  previewMerge: (body: TMergeOrgUnits) => api.post<TMergePreview>("/org/merges/preview", body),
  merge: (body: TMergeOrgUnits) => api.post<ReorganisationResult>("/org/merges", body),
  split: (id: string, body: TSplitOrgUnit) =>
    api.post<ReorganisationResult>(`/org/units/${encodeURIComponent(id)}/split`, body),
};

type OrgListQuery = Parameters<typeof orgApi.list>[0];

/** Reads of the organisation, keyed under "org". */
export const orgQueries = {
  list: (query: OrgListQuery) =>
    queryOptions({ queryKey: ["org", "list", query], queryFn: () => orgApi.list(query) }),
  unit: (id: string) => queryOptions({ queryKey: ["org", "unit", id], queryFn: () => orgApi.get(id) }),
};

export const usersApi = {
  list: (query: { q?: string; unitId?: string; limit?: number; offset?: number }) =>
    api.get<{ items: TUser[]; total: number }>("/users", query),
  create: (body: TCreateUser) => api.post<TUser>("/users", body),
  update: (id: string, body: TUpdateUser) => api.patch<TUser>(`/users/${encodeURIComponent(id)}`, body),
  resetPassword: (id: string, body: TResetPassword) =>
    api.post<unknown>(`/users/${encodeURIComponent(id)}/reset-password`, body),
};

export const usersQueries = {
  list: (query: Parameters<typeof usersApi.list>[0]) =>
    queryOptions({ queryKey: ["users", "list", query], queryFn: () => usersApi.list(query) }),
};

export const auditApi = {
  list: (query: { entity?: string; entityId?: string; limit?: number; offset?: number }) =>
    api.get<{ items: TAuditEntry[]; total: number }>("/audit", query),
};

export const auditQueries = {
  list: (query: Parameters<typeof auditApi.list>[0]) =>
    queryOptions({ queryKey: ["audit", "list", query], queryFn: () => auditApi.list(query) }),
};

export const healthApi = {
  get: () => api.get<THealth>("/health", undefined, { allowAnonymous: true }),
};

export const healthQuery = queryOptions({ queryKey: ["health"], queryFn: healthApi.get });

export type TPlanStatus = TPlanSummary["status"];
export type TPlanKind = TPlanSummary["kind"];
export type TTaskStatus = "not_started" | "in_progress" | "done" | "done_late" | "overdue";
export type TItemType = "target" | "task";

export interface TPlanVersion {
  version: number;
  status: TPlanStatus;
  publishedAt: string | null;
  publishedBy: string | null;
  reason: string | null;
  diff: TPlanDiff | null;
}

export interface TPlanTaskListItem extends TPlanTask {
  plan: { code: string; title: string; version: number };
  status: TTaskStatus;
}

export interface TPublishResult {
  plan: TPlanDetail;
  warnings: string[];
  diff: TPlanDiff | null;
}

const planPath = (code: string) => `/plans/${encodeURIComponent(code)}`;

export const plansApi = {
  list: (query: {
    unitId?: string;
    kind?: TPlanKind;
    status?: TPlanStatus;
    year?: number;
    q?: string;
    limit?: number;
    offset?: number;
  }) => api.get<{ items: TPlanSummary[]; total: number }>("/plans", query),
  get: (code: string, version?: number) => api.get<TPlanDetail>(planPath(code), { version }),
  review: (code: string) => api.get<TPlanReview>(`${planPath(code)}/review`),
  /** `file` and the issuing `unitId`, multipart, with upload progress. */
  import: (unitId: string, file: File, onProgress?: (percent: number) => void) => {
    const form = new FormData();
    form.append("unitId", unitId);
    form.append("file", file, file.name);
    return api.upload<TPlanReview>("/plans/import", form, onProgress);
  },
  update: (code: string, body: TUpdatePlan) => api.patch<TPlanReview>(planPath(code), body),
  addTarget: (code: string, body: TCreateTarget) => api.post<TPlanReview>(`${planPath(code)}/targets`, body),
  addTask: (code: string, body: TCreateTask) => api.post<TPlanReview>(`${planPath(code)}/tasks`, body),
  updateTarget: (code: string, id: string, body: TUpdateTarget) =>
    api.patch<TPlanReview>(`${planPath(code)}/targets/${encodeURIComponent(id)}`, body),
  updateTask: (code: string, id: string, body: TUpdateTask) =>
    api.patch<TPlanReview>(`${planPath(code)}/tasks/${encodeURIComponent(id)}`, body),
  deleteItem: (code: string, type: TItemType, id: string) =>
    api.delete<{ ok: true }>(`${planPath(code)}/${type}s/${encodeURIComponent(id)}`),
  split: (code: string, body: { type: TItemType; id: string; at: number }) =>
    api.post<TPlanReview>(`${planPath(code)}/split`, body),
  merge: (code: string, body: { type: TItemType; ids: [string, string] }) =>
    api.post<TPlanReview>(`${planPath(code)}/merge`, body),
  publish: (code: string, note?: string) => api.post<TPublishResult>(`${planPath(code)}/publish`, { note }),
  amend: (code: string, reason: string) => api.post<TPlanReview>(`${planPath(code)}/amendments`, { reason }),
  versions: (code: string) => api.get<{ items: TPlanVersion[] }>(`${planPath(code)}/versions`),
  tasks: (query: {
    planCode?: string;
    unitId?: string;
    pillar?: TPillar;
    status?: TTaskStatus;
    deadlineFrom?: string;
    deadlineTo?: string;
    limit?: number;
    offset?: number;
  }) => api.get<{ items: TPlanTaskListItem[]; total: number }>("/plan-tasks", query),
};

export const indicatorsApi = {
  list: (query: { pillar?: TPillar; q?: string; limit?: number; offset?: number }) =>
    api.get<{ items: TIndicator[]; total: number }>("/indicators", query),
  create: (body: TCreateIndicator) => api.post<TIndicator>("/indicators", body),
};

/** Reads of plans, keyed under "plans" (a plan's budget is "budget", its periods "reporting"). */
export const plansQueries = {
  list: (query: Parameters<typeof plansApi.list>[0]) =>
    queryOptions({ queryKey: ["plans", "list", query], queryFn: () => plansApi.list(query) }),
  /** Without `version`: the version in force. */
  detail: (code: string, version?: number) =>
    queryOptions({
      queryKey: ["plans", "detail", code, version ?? null],
      queryFn: () => plansApi.get(code, version),
    }),
  review: (code: string) =>
    queryOptions({ queryKey: ["plans", "review", code], queryFn: () => plansApi.review(code) }),
  versions: (code: string) =>
    queryOptions({ queryKey: ["plans", "versions", code], queryFn: () => plansApi.versions(code) }),
};

export const indicatorsQueries = {
  list: (query: Parameters<typeof indicatorsApi.list>[0]) =>
    queryOptions({ queryKey: ["indicators", "list", query], queryFn: () => indicatorsApi.list(query) }),
};
