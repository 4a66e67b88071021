/**
 * Typed calls to the dtplan API. Every shape is the shared contracts' (zod
 * schemas, `z.infer` types): the web declares none of its own.
 */
import type { ZAuditList, ZAuditPeople, ZAuditQuery } from "@dtplan/contracts/audit.ts";
import type { TLoginRequest, TSessionResponse } from "@dtplan/contracts/auth.ts";
import type { TBulkEditItems, TBulkEditItemsResult } from "@dtplan/contracts/bulk.ts";
import type { TConfirmImplements, TPlanCascade, TSetTargetLinks } from "@dtplan/contracts/cascade.ts";
import type { THealth } from "@dtplan/contracts/health.ts";
import type {
  TCreateIndicator,
  TIndicator,
  ZIndicatorList,
  ZIndicatorListQuery,
} from "@dtplan/contracts/indicators.ts";
import type {
  TCreateOrgUnit,
  TMergeOrgUnits,
  TMergePreview,
  TOrgUnit,
  TOrgUnitDetail,
  TSplitOrgUnit,
  TUpdateOrgUnit,
  ZOrgUnitList,
  ZOrgUnitListQuery,
  ZReorganisationResult,
} from "@dtplan/contracts/org.ts";
import type {
  TCreateTarget,
  TCreateTask,
  TPlanDetail,
  TPlanReview,
  TRemapTableColumns,
  TUpdatePlan,
  TUpdateTarget,
  TUpdateTask,
  ZItemType,
  ZPlanKind,
  ZPlanList,
  ZPlanListQuery,
  ZPlanStatus,
  ZPlanTaskList,
  ZPlanTaskListQuery,
  ZPlanVersionList,
  ZPublishResult,
} from "@dtplan/contracts/plans.ts";
import type {
  TPendingReassignments,
  TReassignmentPreview,
  TReassignmentRequest,
} from "@dtplan/contracts/reassign.ts";
import type { TSetTargetUnitsResult, TTargetUnits, ZSetTargetUnits } from "@dtplan/contracts/target-units.ts";
import type {
  TChangePassword,
  TCreateUser,
  TResetPassword,
  TUpdateUser,
  TUser,
  ZUserList,
  ZUserListQuery,
} from "@dtplan/contracts/users.ts";
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "./client.ts";

/** A list endpoint's query as the web sends it: any of the fields the contract reads. */
type QueryOf<S extends z.ZodType> = Partial<z.output<S>>;

export type TPlanStatus = z.infer<typeof ZPlanStatus>;
export type TPlanKind = z.infer<typeof ZPlanKind>;
export type TItemType = z.infer<typeof ZItemType>;
export type { TTaskStatus } from "@dtplan/contracts/tasks.ts";

export const authApi = {
  login: (body: TLoginRequest) => api.post<TSessionResponse>("/auth/login", body, { allowAnonymous: true }),
  logout: () => api.post<unknown>("/auth/logout", {}, { allowAnonymous: true }),
  me: () => api.get<TSessionResponse>("/auth/me", undefined, { allowAnonymous: true }),
};

export const orgApi = {
  list: (query: QueryOf<typeof ZOrgUnitListQuery>) =>
    api.get<z.infer<typeof ZOrgUnitList>>("/org/units", {
      asOf: query.asOf,
      includeClosed: query.includeClosed ? "true" : undefined,
    }),
  get: (id: string) => api.get<TOrgUnitDetail>(`/org/units/${encodeURIComponent(id)}`),
  create: (body: TCreateOrgUnit) => api.post<TOrgUnit>("/org/units", body),
  update: (id: string, body: TUpdateOrgUnit) =>
    api.patch<TOrgUnit>(`/org/units/${encodeURIComponent(id)}`, body),
  previewMerge: (body: TMergeOrgUnits) => api.post<TMergePreview>("/org/merges/preview", body),
  merge: (body: TMergeOrgUnits) => api.post<z.infer<typeof ZReorganisationResult>>("/org/merges", body),
  split: (id: string, body: TSplitOrgUnit) =>
    api.post<z.infer<typeof ZReorganisationResult>>(`/org/units/${encodeURIComponent(id)}/split`, body),
  pendingReassignments: () => api.get<TPendingReassignments>("/org/reassignments/pending"),
  previewReassignment: (body: TReassignmentRequest) =>
    api.post<TReassignmentPreview>("/org/reassignments/preview", body),
  reassign: (body: TReassignmentRequest) => api.post<TReassignmentPreview>("/org/reassignments", body),
};

type OrgListQuery = Parameters<typeof orgApi.list>[0];

/** Reads of the organisation, keyed under "org". */
export const orgQueries = {
  list: (query: OrgListQuery) =>
    queryOptions({ queryKey: ["org", "list", query], queryFn: () => orgApi.list(query) }),
  unit: (id: string) => queryOptions({ queryKey: ["org", "unit", id], queryFn: () => orgApi.get(id) }),
  /** Closed units that still hold open work (administrators). */
  pending: () => queryOptions({ queryKey: ["org", "pending"], queryFn: () => orgApi.pendingReassignments() }),
  /** What a reassignment would move: a POST that changes nothing, cached like a read. */
  reassignPreview: (body: TReassignmentRequest) =>
    queryOptions({
      queryKey: ["org", "reassign-preview", body],
      queryFn: () => orgApi.previewReassignment(body),
    }),
};

export const usersApi = {
  list: (query: QueryOf<typeof ZUserListQuery>) => api.get<z.infer<typeof ZUserList>>("/users", query),
  create: (body: TCreateUser) => api.post<TUser>("/users", body),
  update: (id: string, body: TUpdateUser) => api.patch<TUser>(`/users/${encodeURIComponent(id)}`, body),
  resetPassword: (id: string, body: TResetPassword) =>
    api.post<unknown>(`/users/${encodeURIComponent(id)}/reset-password`, body),
  changeOwnPassword: (body: TChangePassword) => api.post<unknown>("/account/password", body),
};

export const usersQueries = {
  list: (query: Parameters<typeof usersApi.list>[0]) =>
    queryOptions({ queryKey: ["users", "list", query], queryFn: () => usersApi.list(query) }),
};

export const auditApi = {
  list: (query: QueryOf<typeof ZAuditQuery>) => api.get<z.infer<typeof ZAuditList>>("/audit", query),
  people: () => api.get<z.infer<typeof ZAuditPeople>>("/audit/people"),
};

export const auditQueries = {
  list: (query: Parameters<typeof auditApi.list>[0]) =>
    queryOptions({ queryKey: ["audit", "list", query], queryFn: () => auditApi.list(query) }),
  people: () => queryOptions({ queryKey: ["audit", "people"], queryFn: () => auditApi.people() }),
};

export const healthApi = {
  get: () => api.get<THealth>("/health", undefined, { allowAnonymous: true }),
};

export const healthQuery = queryOptions({ queryKey: ["health"], queryFn: healthApi.get });

const planPath = (code: string) => `/plans/${encodeURIComponent(code)}`;

export const plansApi = {
  list: (query: QueryOf<typeof ZPlanListQuery>) => api.get<z.infer<typeof ZPlanList>>("/plans", query),
  get: (code: string, version?: number) => api.get<TPlanDetail>(planPath(code), { version }),
  review: (code: string) => api.get<TPlanReview>(`${planPath(code)}/review`),
  /** `file` and the issuing `unitId`, multipart, with upload progress. */
  import: (
    unitId: string,
    file: File,
    onProgress?: (percent: number) => void,
    mode: "new" | "amendment" = "new",
  ) => {
    const form = new FormData();
    form.append("unitId", unitId);
    form.append("mode", mode);
    form.append("file", file, file.name);
    return api.upload<TPlanReview>("/plans/import", form, onProgress);
  },
  update: (code: string, body: TUpdatePlan) => api.patch<TPlanReview>(planPath(code), body),
  /** Xóa bản nháp (a published plan cannot be deleted). */
  deleteDraft: (code: string) => api.delete<{ ok: true; planRemains: boolean }>(planPath(code)),
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
  /** "This column is the lead unit": every row of the table follows. */
  remapColumns: (code: string, tableId: string, body: TRemapTableColumns) =>
    api.post<TPlanReview>(`${planPath(code)}/tables/${encodeURIComponent(tableId)}/columns`, body),
  publish: (code: string, note?: string, issuingUnitReports?: boolean) =>
    api.post<z.infer<typeof ZPublishResult>>(`${planPath(code)}/publish`, { note, issuingUnitReports }),
  /** Đơn vị báo cáo of each target, with suggestions and the units to choose from. */
  targetUnits: (code: string) => api.get<TTargetUnits>(`${planPath(code)}/target-units`),
  setTargetUnits: (code: string, body: z.input<typeof ZSetTargetUnits>) =>
    api.post<TSetTargetUnitsResult>(`${planPath(code)}/target-units`, body),
  /** Giao chủ trì / xác nhận chỉ số hàng loạt; `preview: true` changes nothing. */
  bulkItems: (code: string, body: TBulkEditItems) =>
    api.post<TBulkEditItemsResult>(`${planPath(code)}/items/bulk`, body),
  /** Kế hoạch cấp trên ↔ cấp dưới: the communes' targets per target, or the province targets served. */
  cascade: (code: string) => api.get<TPlanCascade>(`${planPath(code)}/cascade`),
  confirmImplements: (code: string, body: TConfirmImplements) =>
    api.put<TConfirmImplements>(`${planPath(code)}/implements`, body),
  setTargetLinks: (code: string, body: TSetTargetLinks) =>
    api.put<{ saved: number }>(`${planPath(code)}/target-links`, body),
  amend: (code: string, reason: string) => api.post<TPlanReview>(`${planPath(code)}/amendments`, { reason }),
  versions: (code: string) => api.get<z.infer<typeof ZPlanVersionList>>(`${planPath(code)}/versions`),
  tasks: (query: QueryOf<typeof ZPlanTaskListQuery>) =>
    api.get<z.infer<typeof ZPlanTaskList>>("/plan-tasks", query),
};

export const indicatorsApi = {
  list: (query: QueryOf<typeof ZIndicatorListQuery>) =>
    api.get<z.infer<typeof ZIndicatorList>>("/indicators", query),
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
  targetUnits: (code: string) =>
    queryOptions({ queryKey: ["plans", "target-units", code], queryFn: () => plansApi.targetUnits(code) }),
  cascade: (code: string) =>
    queryOptions({ queryKey: ["plans", "cascade", code], queryFn: () => plansApi.cascade(code) }),
  versions: (code: string) =>
    queryOptions({ queryKey: ["plans", "versions", code], queryFn: () => plansApi.versions(code) }),
};

export const indicatorsQueries = {
  list: (query: Parameters<typeof indicatorsApi.list>[0]) =>
    queryOptions({ queryKey: ["indicators", "list", query], queryFn: () => indicatorsApi.list(query) }),
};
