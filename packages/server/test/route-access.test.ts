import type { TDashboardTargetDetail } from "@dtplan/contracts";
import type { Role } from "@dtplan/domain/access/roles.ts";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import {
  budgetItems,
  evidenceFiles,
  indicators,
  type OrgUnitRow,
  planTargets,
  planTasks,
  roleGrants,
  type UserRow,
} from "../src/db/schema.ts";
import { recordAudit } from "../src/modules/audit/audit.repository.ts";
import { listFrameworks } from "../src/modules/dti/dti.repository.ts";
import { createRound, transitionRound } from "../src/modules/dti/rounds.ts";
import { ensureDtiFrameworks } from "../src/modules/dti-seed/framework-rows.ts";
import {
  buildPlan,
  buildPublishedPlan,
  buildReportingPlan,
  buildTenant,
  buildUser,
  describeBothDatabases,
  loginAs,
  multipart,
  type SignedIn,
  signInAs,
} from "./helpers.ts";

/** Routes anyone may call. Adding one here is a decision, not an accident. */
const PUBLIC_ROUTES = [
  "GET /api/health",
  "POST /api/auth/login",
  "GET /api/openapi.json",
  // — public transparency page —
  "GET /api/public/plans",
  "GET /api/public/plans/:province/:code",
  "GET /api/public/provinces",
  "GET /api/public/provinces/:province/units",
  "GET /api/dti/public/rounds",
  "GET /api/dti/public/rounds/:id/ranking",
  // — a person's deadline calendar: the private token in the address is the credential —
  "GET /api/calendar/:token",
];

interface Targets {
  unit: OrgUnitRow;
  sibling: OrgUnitRow;
  user: UserRow;
  /** A draft plan of commune A with one target and one task. */
  plan: { code: string; targetId: string; taskId: string };
  indicatorCode: string;
  evidenceId: string;
  budgetItemId: string;
  /** A DTI framework of the province and an open round assessing commune A. */
  dti: { frameworkId: string; roundId: string; province: string };
}

/**
 * A request for every non-public route, aimed at tenant A's commune A (or a user
 * there). A route missing here fails the test: each new route must show that it
 * refuses strangers.
 */
const SAMPLES: Record<
  string,
  (t: Targets) => {
    url: string;
    payload?: object | Buffer;
    headers?: Record<string, string>;
    listMustNotContain?: string;
    /** Readable by anyone in the province (the indicator catalogue): only other provinces are refused. */
    provinceWide?: boolean;
  }
> = {
  "GET /api/auth/me": () => ({ url: "/api/auth/me" }),
  "POST /api/auth/logout": () => ({ url: "/api/auth/logout" }),
  "POST /api/account/password": () => ({
    url: "/api/account/password",
    payload: { currentPassword: "mat-khau-cu-bat-ky", newPassword: "mat-khau-moi-bat-ky" },
  }),
  "GET /api/users": (t) => ({ url: "/api/users?limit=200", listMustNotContain: t.user.id }),
  "GET /api/users/:id": (t) => ({ url: `/api/users/${t.user.id}` }),
  "POST /api/users": (t) => ({
    url: "/api/users",
    payload: {
      username: `la-${Date.now()}`,
      fullName: "Người lạ",
      password: "mat-khau-nguoi-la",
      grants: [{ unitId: t.unit.id, role: "administrator" }],
    },
  }),
  "PATCH /api/users/:id": (t) => ({
    url: `/api/users/${t.user.id}`,
    payload: { fullName: "Đổi tên trái phép" },
  }),
  "POST /api/users/:id/reset-password": (t) => ({
    url: `/api/users/${t.user.id}/reset-password`,
    payload: { newPassword: "mat-khau-trai-phep" },
  }),
  "GET /api/org/units": (t) => ({ url: "/api/org/units?includeClosed=true", listMustNotContain: t.unit.id }),
  "GET /api/org/units/:id": (t) => ({ url: `/api/org/units/${t.unit.id}` }),
  "GET /api/org/units/:id/lineage": (t) => ({ url: `/api/org/units/${t.unit.id}/lineage` }),
  "POST /api/org/units": (t) => ({
    url: "/api/org/units",
    payload: { parentId: t.unit.id, code: "LA", name: "Đơn vị lạ", kind: "school" },
  }),
  "PATCH /api/org/units/:id": (t) => ({
    url: `/api/org/units/${t.unit.id}`,
    payload: { name: "Đổi tên trái phép" },
  }),
  "POST /api/org/merges/preview": (t) => ({
    url: "/api/org/merges/preview",
    payload: { sourceIds: [t.unit.id], targetId: t.sibling.id, effectiveDate: "2025-07-01" },
  }),
  "POST /api/org/merges": (t) => ({
    url: "/api/org/merges",
    payload: { sourceIds: [t.unit.id], targetId: t.sibling.id, effectiveDate: "2025-07-01" },
  }),
  "GET /api/org/reassignments/pending": (t) => ({
    url: `/api/org/reassignments/pending?tenantId=${t.unit.tenantId}`,
    listMustNotContain: t.unit.id,
  }),
  "POST /api/org/reassignments/preview": (t) => ({
    url: "/api/org/reassignments/preview",
    payload: { moves: [{ fromUnitId: t.unit.id, toUnitId: t.sibling.id }] },
  }),
  "POST /api/org/reassignments": (t) => ({
    url: "/api/org/reassignments",
    payload: { moves: [{ fromUnitId: t.unit.id, toUnitId: t.sibling.id }] },
  }),
  "POST /api/org/units/:id/split/preview": (t) => ({
    url: `/api/org/units/${t.unit.id}/split/preview`,
    payload: {
      parts: [
        { code: "S1", name: "Tách 1", kind: "commune" },
        { code: "S2", name: "Tách 2", kind: "commune" },
      ],
      effectiveDate: "2025-07-01",
    },
  }),
  "POST /api/org/units/:id/split": (t) => ({
    url: `/api/org/units/${t.unit.id}/split`,
    payload: {
      parts: [
        { code: "S1", name: "Tách 1", kind: "commune" },
        { code: "S2", name: "Tách 2", kind: "commune" },
      ],
      effectiveDate: "2025-07-01",
    },
  }),
  "GET /api/audit": (t) => ({ url: "/api/audit?limit=200", listMustNotContain: t.unit.id }),
  "GET /api/audit/people": (t) => ({ url: "/api/audit/people", listMustNotContain: t.user.id }),
  "GET /api/exports/audit": (t) => ({ url: "/api/exports/audit", listMustNotContain: t.unit.id }),
  "GET /api/plans": (t) => ({ url: "/api/plans?limit=200", listMustNotContain: t.plan.code }),
  "POST /api/plans/import": (t) => ({
    url: "/api/plans/import",
    ...multipart({ unitId: t.unit.id }, { name: "file", fileName: "ke-hoach.txt", bytes: "Kế hoạch" }),
  }),
  "GET /api/plans/:code": (t) => ({ url: `/api/plans/${t.plan.code}` }),
  "GET /api/plans/:code/review": (t) => ({ url: `/api/plans/${t.plan.code}/review` }),
  "DELETE /api/plans/:code": (t) => ({ url: `/api/plans/${t.plan.code}` }),
  "PATCH /api/plans/:code": (t) => ({
    url: `/api/plans/${t.plan.code}`,
    payload: { title: "Đổi tên trái phép" },
  }),
  "POST /api/plans/:code/targets": (t) => ({
    url: `/api/plans/${t.plan.code}/targets`,
    payload: { text: "Lạ" },
  }),
  "PATCH /api/plans/:code/targets/:itemId": (t) => ({
    url: `/api/plans/${t.plan.code}/targets/${t.plan.targetId}`,
    payload: { text: "Lạ" },
  }),
  "DELETE /api/plans/:code/targets/:itemId": (t) => ({
    url: `/api/plans/${t.plan.code}/targets/${t.plan.targetId}`,
  }),
  "POST /api/plans/:code/tasks": (t) => ({ url: `/api/plans/${t.plan.code}/tasks`, payload: { text: "Lạ" } }),
  "PATCH /api/plans/:code/tasks/:itemId": (t) => ({
    url: `/api/plans/${t.plan.code}/tasks/${t.plan.taskId}`,
    payload: { text: "Lạ" },
  }),
  "DELETE /api/plans/:code/tasks/:itemId": (t) => ({
    url: `/api/plans/${t.plan.code}/tasks/${t.plan.taskId}`,
  }),
  "POST /api/plans/:code/tables/:tableId/columns": (t) => ({
    url: `/api/plans/${t.plan.code}/tables/tbl-1/columns`,
    payload: { columns: [{ index: 0, role: "task" }] },
  }),
  "POST /api/plans/:code/split": (t) => ({
    url: `/api/plans/${t.plan.code}/split`,
    payload: { type: "task", id: t.plan.taskId, at: 5 },
  }),
  "POST /api/plans/:code/merge": (t) => ({
    url: `/api/plans/${t.plan.code}/merge`,
    payload: { type: "task", ids: [t.plan.taskId, t.plan.taskId] },
  }),
  "POST /api/plans/:code/publish": (t) => ({ url: `/api/plans/${t.plan.code}/publish`, payload: {} }),
  "GET /api/plans/:code/target-units": (t) => ({ url: `/api/plans/${t.plan.code}/target-units` }),
  "GET /api/plans/:code/cascade": (t) => ({ url: `/api/plans/${t.plan.code}/cascade` }),
  "PUT /api/plans/:code/implements": (t) => ({
    url: `/api/plans/${t.plan.code}/implements`,
    payload: { implementsPlanCode: null },
  }),
  "PUT /api/plans/:code/target-links": (t) => ({
    url: `/api/plans/${t.plan.code}/target-links`,
    payload: { links: [{ targetKey: t.plan.taskId, higherTargetKey: null }] },
  }),
  "POST /api/plans/:code/target-units": (t) => ({
    url: `/api/plans/${t.plan.code}/target-units`,
    payload: { targetKeys: [t.plan.taskId], mode: "suggested" },
  }),
  "POST /api/plans/:code/amendments": (t) => ({
    url: `/api/plans/${t.plan.code}/amendments`,
    payload: { reason: "Trái phép" },
  }),
  "GET /api/plans/:code/versions": (t) => ({ url: `/api/plans/${t.plan.code}/versions` }),
  "GET /api/plans/:code/versions/:version": (t) => ({ url: `/api/plans/${t.plan.code}/versions/1` }),
  "GET /api/plan-tasks": (t) => ({
    url: "/api/plan-tasks?includeDrafts=true&limit=200",
    listMustNotContain: t.plan.taskId,
  }),
  "GET /api/tasks/:id": (t) => ({ url: `/api/tasks/${t.plan.taskId}` }),
  "POST /api/tasks/:id/progress": (t) => ({
    url: `/api/tasks/${t.plan.taskId}/progress`,
    payload: { progress: 50 },
  }),
  "POST /api/tasks/:id/comments": (t) => ({
    url: `/api/tasks/${t.plan.taskId}/comments`,
    payload: { kind: "direction", body: "Trái phép" },
  }),
  "POST /api/tasks/:id/evidence": (t) => ({
    url: `/api/tasks/${t.plan.taskId}/evidence`,
    ...multipart({}, { name: "file", fileName: "minh-chung.txt", bytes: "Minh chứng" }),
  }),
  "GET /api/evidence/:id": (t) => ({ url: `/api/evidence/${t.evidenceId}` }),
  "GET /api/plans/:code/periods": (t) => ({ url: `/api/plans/${t.plan.code}/periods` }),
  "POST /api/plans/:code/periods": (t) => ({
    url: `/api/plans/${t.plan.code}/periods`,
    payload: { label: "Đột xuất", start: "2025-01-01", end: "2025-01-31", dueDate: "2025-02-05" },
  }),
  "PATCH /api/plans/:code/periods/:key": (t) => ({
    url: `/api/plans/${t.plan.code}/periods/2025-Q1`,
    payload: { dueDate: "2025-03-20" },
  }),
  "GET /api/plans/:code/periods/:key/status": (t) => ({
    url: `/api/plans/${t.plan.code}/periods/2025-Q1/status`,
  }),
  "GET /api/plans/:code/periods/:key/reports/:unitId": (t) => ({
    url: `/api/plans/${t.plan.code}/periods/2025-Q1/reports/${t.unit.id}`,
  }),
  "PUT /api/plans/:code/periods/:key/reports/:unitId": (t) => ({
    url: `/api/plans/${t.plan.code}/periods/2025-Q1/reports/${t.unit.id}`,
    payload: { version: 1, difficulties: "Lạ" },
  }),
  "POST /api/plans/:code/periods/:key/reports/:unitId/submit": (t) => ({
    url: `/api/plans/${t.plan.code}/periods/2025-Q1/reports/${t.unit.id}/submit`,
    payload: {},
  }),
  "POST /api/plans/:code/periods/:key/reports/:unitId/approve": (t) => ({
    url: `/api/plans/${t.plan.code}/periods/2025-Q1/reports/${t.unit.id}/approve`,
    payload: {},
  }),
  "POST /api/plans/:code/periods/:key/reports/:unitId/return": (t) => ({
    url: `/api/plans/${t.plan.code}/periods/2025-Q1/reports/${t.unit.id}/return`,
    payload: { comment: "Trả lại trái phép" },
  }),
  "POST /api/plans/:code/items/bulk": (t) => ({
    url: `/api/plans/${t.plan.code}/items/bulk`,
    payload: { action: "assign_lead", ids: [t.plan.taskId], leadUnitId: t.unit.id },
  }),
  "POST /api/plans/:code/periods/:key/reports/bulk-review": (t) => ({
    url: `/api/plans/${t.plan.code}/periods/2025-Q1/reports/bulk-review`,
    payload: { action: "approve", items: [{ unitId: t.unit.id }] },
  }),
  "POST /api/plans/:code/periods/:key/reports/:unitId/reopen": (t) => ({
    url: `/api/plans/${t.plan.code}/periods/2025-Q1/reports/${t.unit.id}/reopen`,
    payload: { reason: "Mở lại trái phép" },
  }),
  "GET /api/plans/:code/periods/:key/reports/:unitId/history": (t) => ({
    url: `/api/plans/${t.plan.code}/periods/2025-Q1/reports/${t.unit.id}/history`,
  }),
  "GET /api/plans/:code/periods/:key/reports/:unitId/xlsx": (t) => ({
    url: `/api/plans/${t.plan.code}/periods/2025-Q1/reports/${t.unit.id}/xlsx`,
  }),
  "GET /api/plans/:code/periods/:key/reports/:unitId/document.xlsx": (t) => ({
    url: `/api/plans/${t.plan.code}/periods/2025-Q1/reports/${t.unit.id}/document.xlsx`,
  }),
  "GET /api/plans/:code/periods/:key/reports/:unitId/document.pdf": (t) => ({
    url: `/api/plans/${t.plan.code}/periods/2025-Q1/reports/${t.unit.id}/document.pdf`,
  }),
  "POST /api/plans/:code/periods/:key/reports/:unitId/xlsx": (t) => {
    const body = multipart({}, { name: "file", fileName: "bao-cao.xlsx", bytes: "PK" });
    return {
      url: `/api/plans/${t.plan.code}/periods/2025-Q1/reports/${t.unit.id}/xlsx`,
      payload: body.payload,
      headers: body.headers,
    };
  },
  "POST /api/plans/:code/periods/:key/reports/:unitId/evidence": (t) => {
    const body = multipart({}, { name: "file", fileName: "minh-chung.txt", bytes: "Minh chứng" });
    return {
      url: `/api/plans/${t.plan.code}/periods/2025-Q1/reports/${t.unit.id}/evidence`,
      payload: body.payload,
      headers: body.headers,
    };
  },
  "POST /api/plans/:code/periods/:key/remind": (t) => ({
    url: `/api/plans/${t.plan.code}/periods/2025-Q1/remind`,
  }),
  // Own notifications only: another user's id is simply not found.
  "GET /api/notifications": () => ({ url: "/api/notifications" }),
  "POST /api/notifications/:id/read": () => ({
    url: "/api/notifications/00000000-0000-4000-8000-000000000000/read",
  }),
  "POST /api/notifications/read-all": () => ({ url: "/api/notifications/read-all" }),
  // Own settings only: every request reads and writes the caller's own rows.
  "GET /api/account/notifications": () => ({ url: "/api/account/notifications" }),
  "PUT /api/account/notifications": () => ({
    url: "/api/account/notifications",
    payload: { channels: { digest: true } },
  }),
  "POST /api/account/calendar": () => ({ url: "/api/account/calendar" }),
  "DELETE /api/account/calendar": () => ({ url: "/api/account/calendar" }),
  "GET /api/my-todo": () => ({ url: "/api/my-todo" }),
  "GET /api/plans/:code/attainment": (t) => ({ url: `/api/plans/${t.plan.code}/attainment` }),
  "GET /api/plans/:code/budget": (t) => ({ url: `/api/plans/${t.plan.code}/budget` }),
  "GET /api/plans/:code/budget-items": (t) => ({ url: `/api/plans/${t.plan.code}/budget-items` }),
  "POST /api/plans/:code/budget-items": (t) => ({
    url: `/api/plans/${t.plan.code}/budget-items`,
    payload: { title: "Lạ", amountPlanned: 1 },
  }),
  "PATCH /api/plans/:code/budget-items/:itemId": (t) => ({
    url: `/api/plans/${t.plan.code}/budget-items/${t.budgetItemId}`,
    payload: { amountDisbursed: 1 },
  }),
  "DELETE /api/plans/:code/budget-items/:itemId": (t) => ({
    url: `/api/plans/${t.plan.code}/budget-items/${t.budgetItemId}`,
  }),
  "GET /api/my-work": (t) => ({ url: "/api/my-work", listMustNotContain: t.plan.taskId }),
  "GET /api/search": (t) => ({
    url: `/api/search?q=${encodeURIComponent(t.plan.code)}`,
    listMustNotContain: `/plans/${t.plan.code}`,
  }),
  "GET /api/indicators": (t) => ({ url: `/api/indicators?tenantId=${t.unit.tenantId}`, provinceWide: true }),
  "POST /api/indicators": (t) => ({
    url: "/api/indicators",
    payload: {
      unitId: t.unit.id,
      code: "LA-1",
      name: "Lạ",
      unit: "%",
      pillar: "other",
      aggregation: "ratio",
    },
  }),
  // — consolidated reports —
  "GET /api/plans/:code/periods/:key/consolidated": (t) => ({
    url: `/api/plans/${t.plan.code}/periods/2025-Q1/consolidated`,
  }),
  "PUT /api/plans/:code/periods/:key/consolidated": (t) => ({
    url: `/api/plans/${t.plan.code}/periods/2025-Q1/consolidated`,
    payload: {
      version: 0,
      documentNumber: "",
      placeName: "Lạ",
      reportDate: "2025-07-05",
      opening: "",
      assessment: "",
      difficulties: "",
      proposals: "",
      nextTasks: "",
      signature: { authority: "", signatory: "chairman", signerName: "" },
      recipients: [],
    },
  }),
  "GET /api/plans/:code/periods/:key/consolidated.docx": (t) => ({
    url: `/api/plans/${t.plan.code}/periods/2025-Q1/consolidated.docx`,
  }),
  "GET /api/plans/:code/periods/:key/consolidated.xlsx": (t) => ({
    url: `/api/plans/${t.plan.code}/periods/2025-Q1/consolidated.xlsx`,
  }),
  "GET /api/plans/:code/periods/:key/consolidated.pdf": (t) => ({
    url: `/api/plans/${t.plan.code}/periods/2025-Q1/consolidated.pdf`,
  }),
  // — leader dashboard —
  "GET /api/plans/:code/dashboard": (t) => ({ url: `/api/plans/${t.plan.code}/dashboard` }),
  "GET /api/plans/:code/dashboard/targets/:targetKey": (t) => ({
    url: `/api/plans/${t.plan.code}/dashboard/targets/00000000-0000-4000-8000-000000000000`,
  }),
  // — province view —
  "GET /api/province": (t) => ({ url: `/api/province?tenantId=${t.unit.tenantId}` }),
  "GET /api/province/export": (t) => ({ url: `/api/province/export?format=csv&tenantId=${t.unit.tenantId}` }),
  // — backups (superadministrators only; the refusal of other administrators is in backup-routes.test.ts) —
  "GET /api/admin/backups": () => ({ url: "/api/admin/backups" }),
  "POST /api/admin/backups": () => ({ url: "/api/admin/backups" }),
  "GET /api/admin/backups/:name": () => ({ url: "/api/admin/backups/dtplan-backup-20260101T000000Z.tar" }),
  // — exports —
  "GET /api/exports/tasks": (t) => ({
    url: "/api/exports/tasks?includeDrafts=true&format=json",
    listMustNotContain: t.plan.taskId,
  }),
  "GET /api/exports/my-tasks": (t) => ({
    url: "/api/exports/my-tasks?format=json",
    listMustNotContain: t.plan.taskId,
  }),
  "GET /api/plans/:code/exports/targets": (t) => ({ url: `/api/plans/${t.plan.code}/exports/targets` }),
  "GET /api/plans/:code/exports/indicator-values": (t) => ({
    url: `/api/plans/${t.plan.code}/exports/indicator-values?format=json`,
  }),
  // — DTI: the province's frameworks are read province-wide; everything else is the province's
  // focal officer's, its reviewers' or commune A's own. Creating names province A explicitly.
  "GET /api/dti/frameworks": (t) => ({
    url: "/api/dti/frameworks",
    provinceWide: true,
    listMustNotContain: t.dti.frameworkId,
  }),
  "GET /api/dti/frameworks/:id": (t) => ({
    url: `/api/dti/frameworks/${t.dti.frameworkId}`,
    provinceWide: true,
  }),
  "POST /api/dti/frameworks": (t) => ({
    url: "/api/dti/frameworks",
    headers: { "x-dtplan-province": t.dti.province },
    payload: {
      code: "la",
      year: 2025,
      name: "Lạ",
      subject: "units",
      nodes: [{ code: "1", name: "Lạ", kind: "criterion", maxPoints: 1, rule: { kind: "boolean" } }],
    },
  }),
  "PUT /api/dti/frameworks/:id": (t) => ({
    url: `/api/dti/frameworks/${t.dti.frameworkId}`,
    payload: {
      version: 1,
      name: "Lạ",
      subject: "units",
      nodes: [{ code: "1", name: "Lạ", kind: "criterion", maxPoints: 1, rule: { kind: "boolean" } }],
    },
  }),
  "POST /api/dti/frameworks/:id/copy": (t) => ({
    url: `/api/dti/frameworks/${t.dti.frameworkId}/copy`,
    payload: { year: 2031 },
  }),
  "GET /api/dti/rounds": (t) => ({ url: "/api/dti/rounds", listMustNotContain: t.dti.roundId }),
  "GET /api/dti/rounds/:id": (t) => ({ url: `/api/dti/rounds/${t.dti.roundId}` }),
  "POST /api/dti/rounds": (t) => ({
    url: "/api/dti/rounds",
    headers: { "x-dtplan-province": t.dti.province },
    payload: {
      frameworkId: t.dti.frameworkId,
      year: 2025,
      name: "Lạ",
      unitIds: [t.unit.id],
      startDate: "2026-01-01",
      dueDate: "2026-02-01",
    },
  }),
  "PATCH /api/dti/rounds/:id": (t) => ({ url: `/api/dti/rounds/${t.dti.roundId}`, payload: { name: "Lạ" } }),
  "POST /api/dti/rounds/:id/open": (t) => ({ url: `/api/dti/rounds/${t.dti.roundId}/open` }),
  "POST /api/dti/rounds/:id/close": (t) => ({ url: `/api/dti/rounds/${t.dti.roundId}/close` }),
  "POST /api/dti/rounds/:id/publish": (t) => ({ url: `/api/dti/rounds/${t.dti.roundId}/publish` }),
  "GET /api/dti/rounds/:id/units/:unitId": (t) => ({
    url: `/api/dti/rounds/${t.dti.roundId}/units/${t.unit.id}`,
  }),
  "PUT /api/dti/rounds/:id/units/:unitId": (t) => ({
    url: `/api/dti/rounds/${t.dti.roundId}/units/${t.unit.id}`,
    payload: { version: 1, entries: [] },
  }),
  "POST /api/dti/rounds/:id/units/:unitId/submit": (t) => ({
    url: `/api/dti/rounds/${t.dti.roundId}/units/${t.unit.id}/submit`,
    payload: { version: 1 },
  }),
  "POST /api/dti/rounds/:id/units/:unitId/verify": (t) => ({
    url: `/api/dti/rounds/${t.dti.roundId}/units/${t.unit.id}/verify`,
    payload: { version: 1, items: [{ code: "1", outcome: "accepted" }] },
  }),
  "POST /api/dti/rounds/:id/units/:unitId/evidence": (t) => ({
    url: `/api/dti/rounds/${t.dti.roundId}/units/${t.unit.id}/evidence`,
    ...multipart({}, { name: "file", fileName: "minh-chung.txt", bytes: "Minh chứng" }),
  }),
  "GET /api/dti/rounds/:id/ranking": (t) => ({ url: `/api/dti/rounds/${t.dti.roundId}/ranking` }),
  "GET /api/dti/rounds/:id/ranking/xlsx": (t) => ({ url: `/api/dti/rounds/${t.dti.roundId}/ranking/xlsx` }),
  "GET /api/dti/rounds/:id/ranking/docx": (t) => ({ url: `/api/dti/rounds/${t.dti.roundId}/ranking/docx` }),
  "GET /api/dti/rounds/:id/units/:unitId/xlsx": (t) => ({
    url: `/api/dti/rounds/${t.dti.roundId}/units/${t.unit.id}/xlsx`,
  }),
  "GET /api/dti/frameworks/:id/xlsx": (t) => ({
    url: `/api/dti/frameworks/${t.dti.frameworkId}/xlsx`,
    provinceWide: true,
  }),
  "POST /api/dti/frameworks/import": (t) => {
    const form = multipart(
      { code: "la", year: "2025", name: "Lạ", subject: "units" },
      { name: "file", fileName: "bo-chi-so.xlsx", bytes: "PK" },
    );
    return {
      url: "/api/dti/frameworks/import",
      payload: form.payload,
      headers: { ...form.headers, "x-dtplan-province": t.dti.province },
    };
  },
};

describeBothDatabases("every /api route checks its permission", (ctx) => {
  let targets: Targets;
  let otherTenantAdmin: SignedIn;
  let siblingUnitAdmin: SignedIn;

  beforeAll(async () => {
    const a = await buildTenant(ctx.db);
    const user = await buildUser(ctx.db, { grants: [{ unit: a.communeA, role: "unit_reporter" }] });
    const plan = await buildPlan(ctx.db, a.communeA, user.id);
    const [target] = await ctx.db.select().from(planTargets).where(eq(planTargets.planId, plan.id)).limit(1);
    const [task] = await ctx.db.select().from(planTasks).where(eq(planTasks.planId, plan.id)).limit(1);
    const indicatorCode = `RIENG-${Date.now().toString(36)}`;
    await ctx.db.insert(indicators).values({
      tenantId: a.province.id,
      code: indicatorCode,
      name: "Chỉ số riêng",
      unit: "%",
      pillar: "other",
      aggregation: "ratio",
      direction: "increase",
      origin: "local",
    });
    const [evidence] = await ctx.db
      .insert(evidenceFiles)
      .values({
        tenantId: a.province.id,
        ownerType: "task",
        ownerKey: task.key,
        planId: plan.id,
        originalName: "minh-chung.pdf",
        storageKey: `${a.province.id}/route-access`,
        contentType: "application/pdf",
        sizeBytes: 1,
        sha256: "0",
      })
      .returning();
    const [budgetItem] = await ctx.db
      .insert(budgetItems)
      .values({ tenantId: a.province.id, planCode: plan.code, title: "Hạng mục", amountPlanned: 1 })
      .returning();
    await ensureDtiFrameworks(ctx.db, a.province.id);
    const [dtiFramework] = await listFrameworks(ctx.db, a.province.id);
    const powers = { tenantId: a.province.id, manage: true, verify: true, readResults: true };
    const roundId = await createRound(ctx.db, {
      powers,
      actorId: user.id,
      input: {
        frameworkId: dtiFramework?.id as string,
        year: 2025,
        name: "Đánh giá DTI",
        unitIds: [a.communeA.id],
        startDate: "2026-01-01",
        dueDate: "2026-02-01",
      },
    });
    await transitionRound(ctx.db, { powers, actorId: user.id, id: roundId, action: "open" });
    targets = {
      dti: { frameworkId: dtiFramework?.id as string, roundId, province: a.province.id },
      unit: a.communeA,
      sibling: a.communeB,
      user,
      plan: { code: plan.code, targetId: target.id, taskId: task.id },
      indicatorCode,
      evidenceId: evidence.id,
      budgetItemId: budgetItem.id,
    };
    await recordAudit(ctx.db, {
      tenantId: a.province.id,
      actorId: null,
      action: "org.unit.update",
      entity: "org_unit",
      entityId: a.communeA.id,
      unitId: a.communeA.id,
      after: { id: a.communeA.id },
    });
    const b = await buildTenant(ctx.db);
    otherTenantAdmin = await signInAs(ctx, b.province, "administrator");
    // Administers the sibling commune in the same province: a different unit.
    siblingUnitAdmin = await signInAs(ctx, a.communeB, "administrator");
  });

  it("declares access on every route and has a refusal sample for each non-public one", () => {
    const routes = ctx.app.apiRoutes.map((r) => `${r.method} ${r.url}`);
    const publicOnes = ctx.app.apiRoutes
      .filter((r) => r.access === "public")
      .map((r) => `${r.method} ${r.url}`);
    expect(publicOnes.sort()).toEqual([...PUBLIC_ROUTES].sort());
    const missing = routes.filter((r) => !PUBLIC_ROUTES.includes(r) && !SAMPLES[r]);
    expect(missing, "routes without a refusal sample in route-access.test.ts").toEqual([]);
  });

  it("refuses every non-public route without a session (401)", async () => {
    for (const route of ctx.app.apiRoutes.filter((r) => r.access !== "public")) {
      const sample = SAMPLES[`${route.method} ${route.url}`](targets);
      const response = await ctx.app.inject({
        method: route.method as "GET",
        url: sample.url,
        payload: sample.payload,
        headers: sample.headers,
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.json().error.code).toBe("unauthenticated");
    }
  });

  for (const who of [
    "an administrator of another province",
    "an administrator of another commune",
  ] as const) {
    it(`refuses ${who} on every route that acts on a unit or account (403/404), and keeps them out of lists`, async () => {
      const session = who === "an administrator of another province" ? otherTenantAdmin : siblingUnitAdmin;
      for (const route of ctx.app.apiRoutes.filter((r) => typeof r.access === "object")) {
        const sample = SAMPLES[`${route.method} ${route.url}`](targets);
        const response = await ctx.app.inject({
          method: route.method as "GET",
          url: sample.url,
          payload: sample.payload,
          headers: { ...sample.headers, ...session.headers },
        });
        const label = `${route.method} ${route.url}: ${response.body.slice(0, 200)}`;
        if (sample.provinceWide && session === siblingUnitAdmin) {
          expect(response.statusCode, label).toBe(200);
          continue;
        }
        if (sample.listMustNotContain) {
          expect(response.statusCode, label).toBe(200);
          expect(response.body, label).not.toContain(sample.listMustNotContain);
        } else {
          expect([403, 404], label).toContain(response.statusCode);
        }
      }
    });
  }
});

describeBothDatabases("report content: other units' figures only for the period's reviewers", (ctx) => {
  let world: Awaited<ReturnType<typeof buildReportingPlan>>;
  const sessions = {} as Record<"reporter" | "officer" | "leader" | "viewer" | "otherAdmin", SignedIn>;
  const as = (session: SignedIn, url: string) =>
    ctx.app.inject({ method: "GET", url, headers: session.headers });

  beforeAll(async () => {
    world = await buildReportingPlan(ctx.db);
    const signIn = async (unit: OrgUnitRow, role: Role) =>
      loginAs(ctx.app, await buildUser(ctx.db, { grants: [{ unit, role }] }));
    sessions.reporter = await signIn(world.communeA, "unit_reporter");
    sessions.officer = await signIn(world.district, "focal_officer");
    sessions.leader = await signIn(world.district, "leader");
    sessions.viewer = await signIn(world.province, "province_viewer");
    const other = await buildTenant(ctx.db);
    sessions.otherAdmin = await signIn(other.province, "administrator");
  });

  const contentUrls = () => {
    const period = `/api/plans/${world.plan.code}/periods/2025-Q1`;
    return [
      `${period}/consolidated`,
      `${period}/consolidated.docx`,
      `${period}/consolidated.xlsx`,
      `${period}/consolidated.pdf`,
      `${period}/status`,
    ];
  };
  const targetUrl = () => `/api/plans/${world.plan.code}/dashboard/targets/${world.targetKey}`;

  it("refuses a unit reporter the consolidated report (JSON, Word, Excel, PDF), every unit's status and other units' figures of a target", async () => {
    for (const url of contentUrls()) {
      const res = await as(sessions.reporter, url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.message, url).toMatch(/cán bộ báo cáo xem báo cáo của đơn vị mình/);
    }
    // Its own report stays open to it; another unit's does not.
    const own = `/api/plans/${world.plan.code}/periods/2025-Q1/reports/${world.communeA.id}`;
    expect((await as(sessions.reporter, own)).statusCode).toBe(200);
    const other = `/api/plans/${world.plan.code}/periods/2025-Q1/reports/${world.communeB.id}`;
    expect((await as(sessions.reporter, other)).statusCode).toBe(403);
    // A target's panel opens, with its own unit's figures only (dashboard.test.ts shows them).
    const target = (await as(sessions.reporter, targetUrl())).json() as TDashboardTargetDetail;
    expect(target.ownUnitsOnly).toBe(true);
  });

  it("lets the focal officer, the leader and the province viewer read them, and every unit of a target's figures", async () => {
    for (const who of ["officer", "leader", "viewer"] as const) {
      for (const url of contentUrls().filter((u) => !u.endsWith(".pdf"))) {
        const res = await as(sessions[who], url);
        expect(res.statusCode, `${who} ${url}: ${res.body.slice(0, 200)}`).toBe(200);
      }
      const detail = (await as(sessions[who], targetUrl())).json() as TDashboardTargetDetail;
      expect(detail.ownUnitsOnly, who).toBe(false);
    }
  });

  it("shows another province's administrator no account and no grant outside their province", async () => {
    const superadmin = await buildUser(ctx.db, {
      isSuperadmin: true,
      grants: [
        { unit: world.province, role: "administrator" },
        { unit: (await buildTenant(ctx.db)).province, role: "administrator" },
      ],
    });
    const third = await buildTenant(ctx.db);
    await ctx.db.insert(roleGrants).values({
      tenantId: third.province.id,
      userId: superadmin.id,
      unitId: third.province.id,
      role: "administrator",
    });
    const thirdAdmin = await loginAs(
      ctx.app,
      await buildUser(ctx.db, { grants: [{ unit: third.province, role: "administrator" }] }),
    );
    const list = (await as(thirdAdmin, "/api/users?limit=200")).json() as {
      items: { id: string; grants: { tenantId: string }[] }[];
    };
    const listed = list.items.find((u) => u.id === superadmin.id);
    expect(listed?.grants.map((g) => g.tenantId)).toEqual([third.province.id]);
    for (const user of list.items) {
      expect(user.grants.every((g) => g.tenantId === third.province.id)).toBe(true);
    }
    expect((await as(thirdAdmin, `/api/users/${superadmin.id}`)).statusCode).toBe(403);
  });

  it("resolves a plan code only in a province the caller holds or chooses", async () => {
    // The same code in two provinces, and a superadministrator holding roles in both.
    const other = await buildTenant(ctx.db);
    const code = `trung-ma-${Date.now().toString(36)}`;
    const here = await buildPublishedPlan(ctx.db, world.district, { code });
    const there = await buildPublishedPlan(ctx.db, other.district, { code });
    const both = await loginAs(
      ctx.app,
      await buildUser(ctx.db, {
        isSuperadmin: true,
        grants: [
          { unit: other.province, role: "administrator" },
          { unit: world.province, role: "administrator" },
        ],
      }),
    );
    // Home province (the first grant's) wins without a choice.
    expect((await as(both, `/api/plans/${code}`)).json().id).toBe(there.plan.id);
    const chosen = await ctx.app.inject({
      method: "GET",
      url: `/api/plans/${code}?province=${world.province.id}`,
      headers: both.headers,
    });
    expect(chosen.json().id).toBe(here.plan.id);
    const byHeader = await ctx.app.inject({
      method: "GET",
      url: `/api/plans/${code}`,
      headers: { ...both.headers, "x-dtplan-province": world.province.id },
    });
    expect(byHeader.json().id).toBe(here.plan.id);
    // The plan list names each plan's province: the web sends it back as x-dtplan-province.
    const listed = (await as(both, `/api/plans?q=${code}`)).json().items;
    expect(listed.map((p: { id: string; tenantId: string }) => [p.id, p.tenantId]).sort()).toEqual(
      [
        [here.plan.id, world.province.id],
        [there.plan.id, other.province.id],
      ].sort(),
    );
    // A province the caller holds no role in resolves nothing.
    const stranger = await ctx.app.inject({
      method: "GET",
      url: `/api/plans/${code}?province=${(await buildTenant(ctx.db)).province.id}`,
      headers: both.headers,
    });
    expect(stranger.statusCode).toBe(404);
    // Held in two provinces, neither the home one: the caller must choose.
    const twoAway = await loginAs(
      ctx.app,
      await buildUser(ctx.db, {
        grants: [
          { unit: (await buildTenant(ctx.db)).province, role: "province_viewer" },
          { unit: world.province, role: "province_viewer" },
          { unit: other.province, role: "province_viewer" },
        ],
      }),
    );
    const ambiguous = await as(twoAway, `/api/plans/${code}`);
    expect(ambiguous.statusCode).toBe(409);
    expect(ambiguous.json().error.message).toMatch(/chọn tỉnh/);
    const bad = await as(twoAway, `/api/plans/${code}?province=khong-phai-uuid`);
    expect(bad.statusCode).toBe(400);
  });
});

describeBothDatabases("DTI scores: a unit reads its own; another unit's only once published", (ctx) => {
  let world: Awaited<ReturnType<typeof buildTenant>>;
  let roundId: string;
  const sessions = {} as Record<
    "reporterA" | "leaderA" | "reporterB" | "officer" | "leader" | "viewer",
    SignedIn
  >;
  const as = (session: SignedIn, url: string) =>
    ctx.app.inject({ method: "GET", url, headers: session.headers });
  const unitUrls = (unitId: string) => [
    `/api/dti/rounds/${roundId}/units/${unitId}`,
    `/api/dti/rounds/${roundId}/units/${unitId}/xlsx`,
  ];
  const resultUrls = () => [
    `/api/dti/rounds/${roundId}/ranking`,
    `/api/dti/rounds/${roundId}/ranking/xlsx`,
    `/api/dti/rounds/${roundId}/ranking/docx`,
  ];

  beforeAll(async () => {
    world = await buildTenant(ctx.db);
    await ensureDtiFrameworks(ctx.db, world.province.id);
    const signIn = async (unit: OrgUnitRow, role: Role) =>
      loginAs(ctx.app, await buildUser(ctx.db, { grants: [{ unit, role }] }));
    sessions.reporterA = await signIn(world.communeA, "unit_reporter");
    sessions.leaderA = await signIn(world.communeA, "leader");
    sessions.reporterB = await signIn(world.communeB, "unit_reporter");
    sessions.officer = await signIn(world.province, "focal_officer");
    sessions.leader = await signIn(world.province, "leader");
    sessions.viewer = await signIn(world.province, "province_viewer");
    const frameworks = await listFrameworks(ctx.db, world.province.id);
    const powers = { tenantId: world.province.id, manage: true, verify: true, readResults: true };
    const actor = await buildUser(ctx.db, { grants: [{ unit: world.province, role: "focal_officer" }] });
    roundId = await createRound(ctx.db, {
      powers,
      actorId: actor.id,
      input: {
        frameworkId: frameworks.find((f) => f.subject === "units")?.id as string,
        year: 2025,
        name: "Đánh giá DTI 2025",
        unitIds: [world.communeA.id, world.communeB.id],
        startDate: "2026-01-05",
        dueDate: "2026-02-15",
      },
    });
    await transitionRound(ctx.db, { powers, actorId: actor.id, id: roundId, action: "open" });
  });

  it("refuses a unit another unit's self-assessment and scoresheet, and the unpublished ranking", async () => {
    for (const who of ["reporterA", "leaderA"] as const) {
      for (const url of unitUrls(world.communeA.id))
        expect((await as(sessions[who], url)).statusCode, url).toBe(200);
      for (const url of [...unitUrls(world.communeB.id), ...resultUrls()]) {
        expect((await as(sessions[who], url)).statusCode, `${who} ${url}`).toBe(403);
      }
    }
  });

  it("lets the focal officer, the leader and the province viewer read every unit and the ranking", async () => {
    for (const who of ["officer", "leader", "viewer"] as const) {
      for (const url of [...unitUrls(world.communeA.id), ...unitUrls(world.communeB.id), ...resultUrls()]) {
        expect((await as(sessions[who], url)).statusCode, `${who} ${url}`).toBe(200);
      }
    }
  });

  it("opens the ranking to every unit once published, never another unit's self-assessment", async () => {
    const powers = { tenantId: world.province.id, manage: true, verify: true, readResults: true };
    const actor = await buildUser(ctx.db, { grants: [{ unit: world.province, role: "focal_officer" }] });
    for (const action of ["close", "publish"] as const) {
      await transitionRound(ctx.db, { powers, actorId: actor.id, id: roundId, action });
    }
    for (const url of resultUrls()) expect((await as(sessions.reporterB, url)).statusCode, url).toBe(200);
    for (const url of unitUrls(world.communeA.id))
      expect((await as(sessions.reporterB, url)).statusCode, url).toBe(403);
  });
});
