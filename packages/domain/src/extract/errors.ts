/** Why a document could not be turned into a plan. */
export type PlanExtractErrorCode =
  | "empty_file"
  | "unsupported_format"
  | "format_mismatch"
  | "file_too_large"
  | "corrupt_file"
  | "zip_bomb"
  | "pdf_no_text"
  | "not_a_plan";

/**
 * The one error the extraction engine throws on bad input. `message` is Vietnamese
 * for the user; `messageEn` is the English equivalent for the English interface.
 */
export class PlanExtractError extends Error {
  readonly code: PlanExtractErrorCode;
  readonly messageEn: string;

  constructor(code: PlanExtractErrorCode, message: string, messageEn: string) {
    super(message);
    this.name = "PlanExtractError";
    this.code = code;
    this.messageEn = messageEn;
  }
}
