import type { FormInstance } from "antd";
import { useCallback, useState } from "react";
import type { z } from "zod";
import { ApiError, errorMessage } from "../api/client.ts";
import { useAction } from "../lib/use-action.ts";
import { issuesToFieldErrors, serverDetailsToFieldErrors } from "./field-errors.ts";
import { inReaderLanguage } from "./schema-message.ts";

/**
 * Validation for an antd form with a contract schema: messages appear under the
 * fields in the reader's language, and server errors land on the same fields or,
 * when they name none, above the form.
 */
export function useZodForm(form: FormInstance) {
  const [formError, setFormError] = useState<string | null>(null);

  const validate = useCallback(
    <S extends z.ZodType>(schema: S, values: unknown): z.infer<S> | null => {
      setFormError(null);
      const result = schema.safeParse(values);
      if (result.success) return result.data;
      const { fields, formErrors } = issuesToFieldErrors(
        result.error.issues.map((issue) => ({ path: issue.path, message: inReaderLanguage(issue.message) })),
      );
      form.setFields(fields);
      if (formErrors.length > 0) setFormError(formErrors.join(" "));
      return null;
    },
    [form],
  );

  const showServerError = useCallback(
    (err: unknown) => {
      if (err instanceof ApiError && err.details.length > 0) {
        const { fields, formErrors } = serverDetailsToFieldErrors(err.details);
        form.setFields(fields);
        setFormError(formErrors.length > 0 ? formErrors.join(" ") : err.message);
        return;
      }
      setFormError(errorMessage(err));
    },
    [form],
  );

  /** Clears a field's error as soon as it is edited. */
  const onValuesChange = useCallback(
    (changed: Record<string, unknown>) => {
      const names = Object.keys(changed);
      form.setFields(names.map((name) => ({ name, errors: [] })));
    },
    [form],
  );

  const reset = useCallback(() => setFormError(null), []);

  /** Sends the form: `saving` while the request runs, its error shown on the form. */
  const { saving, run } = useAction(showServerError);

  return { validate, showServerError, onValuesChange, formError, setFormError, reset, saving, run };
}
