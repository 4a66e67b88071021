import { ROLES } from "@dtplan/domain/access/roles.ts";
import { SIGN_IN_FAILURE_SCOPES } from "@dtplan/domain/access/sign-in.ts";
import {
  DTI_ASSESSMENT_STATUSES,
  DTI_NODE_KINDS,
  DTI_ROUND_STATUSES,
  DTI_RULE_KINDS,
  DTI_SUBJECTS,
  DTI_VERIFICATION_OUTCOMES,
} from "@dtplan/domain/dti/lists.ts";
import { AGGREGATIONS, DIRECTIONS, INDICATOR_ORIGINS } from "@dtplan/domain/indicators/lists.ts";
import { LINEAGE_EVENTS } from "@dtplan/domain/org/lists.ts";
import { COMPARATORS, PLAN_KINDS, PLAN_STATUSES, TASK_KINDS } from "@dtplan/domain/plans/lists.ts";
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  OUTBOX_KINDS,
} from "@dtplan/domain/reminders/notifications.ts";
import { OUTBOX_STATUSES } from "@dtplan/domain/reminders/outbox.ts";
import {
  REPORT_EVENT_ACTIONS,
  REPORT_STATUSES,
  REPORTING_FREQUENCIES,
} from "@dtplan/domain/reporting/lists.ts";
import { EVIDENCE_OWNER_TYPES, TASK_COMMENT_KINDS } from "@dtplan/domain/tasks/lists.ts";
import { LANGUAGES } from "@dtplan/domain/text/format.ts";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../src/db/database.ts";
import { DATABASE_KINDS, openTestDatabase } from "./helpers.ts";

/** Each CHECK constraint that closes a column to a list, and the domain array it must equal. */
const LISTS: Record<string, readonly string[]> = {
  indicators_aggregation: AGGREGATIONS,
  indicators_direction: DIRECTIONS,
  indicators_origin: INDICATOR_ORIGINS,
  plans_kind: PLAN_KINDS,
  plans_status: PLAN_STATUSES,
  plan_targets_comparator: COMPARATORS,
  plan_tasks_kind: TASK_KINDS,
  plan_reporting_rules_frequency: REPORTING_FREQUENCIES,
  org_unit_lineage_event: LINEAGE_EVENTS,
  role_grants_role: ROLES,
  reporting_periods_frequency: REPORTING_FREQUENCIES,
  unit_reports_status: REPORT_STATUSES,
  report_events_action: REPORT_EVENT_ACTIONS,
  task_comments_kind: TASK_COMMENT_KINDS,
  evidence_files_owner_type: EVIDENCE_OWNER_TYPES,
  outbox_status: OUTBOX_STATUSES,
  sign_in_failures_scope_check: SIGN_IN_FAILURE_SCOPES,
  dti_frameworks_subject: DTI_SUBJECTS,
  dti_nodes_kind: DTI_NODE_KINDS,
  dti_nodes_rule_kind: DTI_RULE_KINDS,
  dti_rounds_status: DTI_ROUND_STATUSES,
  dti_round_units_status: DTI_ASSESSMENT_STATUSES,
  dti_entries_verification_outcome: DTI_VERIFICATION_OUTCOMES,
  notifications_kind: NOTIFICATION_KINDS,
  outbox_kind: OUTBOX_KINDS,
  notification_channels_channel: NOTIFICATION_CHANNELS,
  users_language: LANGUAGES,
};

describe.each(DATABASE_KINDS)("closed lists in the database (%s)", (kind) => {
  it("holds every column closed to a list to exactly the domain's array, in its order", async () => {
    const { db, close } = await openTestDatabase(kind);
    try {
      const rows = await queryRows<{ name: string; def: string }>(
        db,
        sql`SELECT c.conname AS name, pg_get_constraintdef(c.oid) AS def
              FROM pg_constraint c
              JOIN pg_namespace n ON n.oid = c.connamespace AND n.nspname = 'public'
             WHERE c.contype = 'c'`,
      );
      // A list CHECK reads `col = ANY (ARRAY['a'::text, 'b'::text])` once PostgreSQL has parsed it.
      const lists = rows
        .filter((r) => r.def.includes("ANY (ARRAY["))
        .map((r) => [r.name, [...r.def.matchAll(/'((?:[^']|'')*)'::text/g)].map((m) => m[1])] as const);
      expect(Object.fromEntries(lists)).toEqual(
        Object.fromEntries(Object.entries(LISTS).map(([name, values]) => [name, [...values]])),
      );
    } finally {
      await close();
    }
  });
});
