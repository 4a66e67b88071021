/** Tags and labels of the DTI's closed lists, from the domain's label maps (one source). */
import {
  DTI_ASSESSMENT_STATUS_LABELS,
  DTI_ROUND_STATUS_LABELS,
  DTI_VERIFICATION_OUTCOME_LABELS,
  type DtiAssessmentStatus,
  type DtiRoundStatus,
  type DtiSubject,
  type DtiVerificationOutcome,
} from "@dtplan/domain/dti/lists.ts";
import { Tag } from "antd";
import { useI18n } from "../../i18n/i18n.tsx";

/** Who a framework assesses (message keys). */
export const SUBJECT_KEYS = {
  province: "dti.subject.province",
  units: "dti.subject.units",
} as const satisfies Record<DtiSubject, string>;

const ROUND_COLOR: Record<DtiRoundStatus, string> = {
  draft: "default",
  open: "processing",
  closed: "warning",
  published: "success",
};

const ASSESSMENT_COLOR: Record<DtiAssessmentStatus, string> = {
  draft: "default",
  submitted: "processing",
  returned: "warning",
};

const OUTCOME_COLOR: Record<DtiVerificationOutcome, string> = {
  accepted: "success",
  adjusted: "gold",
  returned: "warning",
};

export function RoundStatusTag({ status }: { status: DtiRoundStatus }) {
  const { lang } = useI18n();
  return (
    <Tag color={ROUND_COLOR[status]} data-testid="round-status">
      {DTI_ROUND_STATUS_LABELS[status][lang]}
    </Tag>
  );
}

/** A unit's self-assessment; null is "not started". */
export function AssessmentStatusTag({ status }: { status: DtiAssessmentStatus | null }) {
  const { t, lang } = useI18n();
  if (!status) return <Tag data-testid="assessment-status">{t("dti.notStarted")}</Tag>;
  return (
    <Tag color={ASSESSMENT_COLOR[status]} data-testid="assessment-status">
      {DTI_ASSESSMENT_STATUS_LABELS[status][lang]}
    </Tag>
  );
}

export function OutcomeTag({ outcome }: { outcome: DtiVerificationOutcome }) {
  const { lang } = useI18n();
  return <Tag color={OUTCOME_COLOR[outcome]}>{DTI_VERIFICATION_OUTCOME_LABELS[outcome][lang]}</Tag>;
}
