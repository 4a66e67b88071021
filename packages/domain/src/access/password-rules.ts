/** Mật khẩu: the rules every password set in dtplan follows (accounts, the first administrator, the demo). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export interface PasswordProblem {
  vi: string;
  en: string;
}

/**
 * What is wrong with `password` for the account `username`, or null when it may be used:
 * at least 12 characters, not the username, not on the list of common passwords
 * (`isCommon`, given by the caller), and not one or two characters repeated.
 */
export function passwordProblem(
  password: string,
  username: string,
  isCommon: (lowerCased: string) => boolean,
): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return {
      vi: `Mật khẩu tối thiểu ${PASSWORD_MIN_LENGTH} ký tự`,
      en: `The password needs at least ${PASSWORD_MIN_LENGTH} characters`,
    };
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return {
      vi: `Mật khẩu tối đa ${PASSWORD_MAX_LENGTH} ký tự`,
      en: `The password may have at most ${PASSWORD_MAX_LENGTH} characters`,
    };
  }
  const lower = password.toLowerCase();
  if (username.trim() !== "" && lower.trim() === username.trim().toLowerCase()) {
    return { vi: "Mật khẩu không được trùng tên đăng nhập", en: "The password must not be the username" };
  }
  if (new Set(lower.replace(/\s/g, "")).size < 4) {
    return {
      vi: "Mật khẩu quá đơn giản (lặp lại vài ký tự)",
      en: "The password is too simple (a few characters repeated)",
    };
  }
  if (isCommon(lower)) {
    return {
      vi: "Mật khẩu này quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác",
      en: "This password is too common and easy to guess; choose another",
    };
  }
  return null;
}
