import { availableParallelism } from "node:os";
import { passwordProblem } from "@dtplan/domain/access/password-rules.ts";
import { type Algorithm, hash, verify } from "@node-rs/argon2";
import * as commonPasswords from "@zxcvbn-ts/language-common";
import { AppError } from "../../errors.ts";

// OWASP's argon2id minimum, set explicitly (the libraries' defaults differ).
const ARGON2_OPTIONS = {
  algorithm: 2 as Algorithm.Argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

// Each argon2 run holds 19 MiB for ~50 ms: a burst of sign-ins (200 at once) would ask for
// gigabytes and slow every one of them to a crawl. A few at a time, the rest wait in turn.
const MAX_CONCURRENT_HASHES = Math.max(2, availableParallelism());
let running = 0;
const waiting: (() => void)[] = [];

async function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export function hashPassword(password: string): Promise<string> {
  return oneAtATime(() => hash(password, ARGON2_OPTIONS));
}

let dummyHash: Promise<string> | null = null;

/**
 * Checks a password against a stored hash. Without a hash (unknown user) it still
 * verifies against a throwaway one, so a wrong username costs the same time as a
 * wrong password.
 */
export async function verifyPassword(
  storedHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword("dtplan-no-such-user-padding");
    const padding = await dummyHash;
    await oneAtATime(() => verify(padding, password)).catch(() => false);
    return false;
  }
  try {
    return await oneAtATime(() => verify(storedHash, password));
  } catch {
    return false;
  }
}

let common: Set<string> | null = null;

/** On the list of ~49 000 common passwords that @zxcvbn-ts/language-common ships (offline). */
export function isCommonPassword(lowerCased: string): boolean {
  common ??= new Set(commonPasswords.dictionary["passwords-common"] as string[]);
  return common.has(lowerCased);
}

/** A 400 naming one field of the body, in Vietnamese and in English. */
export function fieldRefusal(field: string, problem: { vi: string; en: string }): AppError {
  const path = `body.${field}`;
  return new AppError("validation_failed", `Dữ liệu gửi lên không hợp lệ — ${path}: ${problem.vi}`, [
    { path, message: problem.vi },
  ]).inEnglish(`The data sent is not valid — ${path}: ${problem.en}`, [{ path, message: problem.en }]);
}

/** Throws a 400 naming the field when `password` breaks the rules (domain: passwordProblem). */
export function assertAcceptablePassword(password: string, username: string, field = "password"): void {
  const problem = passwordProblem(password, username, isCommonPassword);
  if (problem) throw fieldRefusal(field, problem);
}
