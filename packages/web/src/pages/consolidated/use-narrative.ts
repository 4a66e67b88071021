import {
  type TConsolidatedReport,
  ZConsolidatedNarrative,
  ZSaveConsolidated,
} from "@dtplan/contracts/consolidated.ts";
import { App, Form } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { consolidatedApi, consolidatedQueries } from "../../api/consolidated.ts";
import { queryClient } from "../../api/query.ts";
import { inReaderLanguage } from "../../forms/schema-message.ts";
import { useZodForm } from "../../forms/use-zod-form.ts";
import { useI18n } from "../../i18n/i18n.tsx";

export interface NarrativeValues {
  documentNumber: string;
  placeName: string;
  reportDate: Dayjs | null;
  opening: string;
  assessment: string;
  difficulties: string;
  proposals: string;
  nextTasks: string;
  signature: { authority: string; signatory: "chairman" | "vice_chairman"; signerName: string };
  recipients: string;
}

export function toFormValues(r: TConsolidatedReport): NarrativeValues {
  const n = r.narrative;
  return {
    ...n,
    reportDate: dayjs(n.reportDate),
    signature: { ...n.signature },
    recipients: n.recipients.join("\n"),
  };
}

/**
 * The narrative form of one loaded report version and its save: the recipients'
 * lines checked one by one, the rest by the shared schema; the saved report
 * replaces the cached one (the page shows the new version); a 409 becomes a
 * conflict the user resolves by reloading.
 */
export function useNarrative(report: TConsolidatedReport, planCode: string, periodKey: string) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<NarrativeValues>();
  const zod = useZodForm(form);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);

  const save = async () => {
    const v = form.getFieldsValue(true) as NarrativeValues;
    const recipients = (v.recipients ?? "")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    // One text box holds the list: say which line is wrong, under that box.
    const lines = ZConsolidatedNarrative.shape.recipients.safeParse(recipients);
    if (!lines.success) {
      const errors = lines.error.issues.map((i) =>
        typeof i.path[0] === "number"
          ? t("consolidated.form.recipientLine", { n: i.path[0] + 1, message: inReaderLanguage(i.message) })
          : inReaderLanguage(i.message),
      );
      form.setFields([{ name: "recipients", errors }]);
      return;
    }
    const input = zod.validate(ZSaveConsolidated, {
      version: report.version,
      documentNumber: v.documentNumber ?? "",
      placeName: v.placeName ?? "",
      reportDate: v.reportDate ? v.reportDate.format("YYYY-MM-DD") : "",
      opening: v.opening ?? "",
      assessment: v.assessment ?? "",
      difficulties: v.difficulties ?? "",
      proposals: v.proposals ?? "",
      nextTasks: v.nextTasks ?? "",
      signature: v.signature,
      recipients,
    });
    if (!input) return;
    setSaving(true);
    try {
      const saved = await consolidatedApi.save(planCode, periodKey, input);
      queryClient.setQueryData(consolidatedQueries.report(planCode, periodKey).queryKey, saved);
      setConflict(null);
      message.success(t("consolidated.saved"));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setConflict(err.message);
      else zod.showServerError(err);
    } finally {
      setSaving(false);
    }
  };

  return { form, save, saving, conflict, onValuesChange: zod.onValuesChange, formError: zod.formError };
}
