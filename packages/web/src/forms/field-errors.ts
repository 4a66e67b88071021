/**
 * Maps validation problems — zod issues from the shared contracts, or the
 * server's `details: [{ path, message }]` — to antd form fields. Pure: no React.
 */
export type FieldPath = (string | number)[];
export interface FieldError {
  name: FieldPath;
  errors: string[];
}

export interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

/** Groups messages by field; issues without a path (whole-form refinements) come back in `formErrors`. */
export function issuesToFieldErrors(issues: readonly IssueLike[]): {
  fields: FieldError[];
  formErrors: string[];
} {
  const byPath = new Map<string, FieldError>();
  const formErrors: string[] = [];
  for (const issue of issues) {
    const name = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    if (name.length === 0) {
      if (!formErrors.includes(issue.message)) formErrors.push(issue.message);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byPath.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(issue.message)) entry.errors.push(issue.message);
    byPath.set(key, entry);
  }
  return { fields: [...byPath.values()], formErrors };
}

/**
 * A server path (`name`, `body.grants.0.unitId`, `/grants/0/unitId`, `grants[0].unitId`)
 * as a field name: `["grants", 0, "unitId"]`.
 */
export function parseServerPath(path: string): FieldPath {
  const parts = path
    .replace(/\[(\d+)\]/g, ".$1")
    .split(/[./]/)
    .filter((p) => p !== "");
  if (parts[0] === "body") parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export function serverDetailsToFieldErrors(details: readonly { path: string; message: string }[]) {
  return issuesToFieldErrors(details.map((d) => ({ path: parseServerPath(d.path), message: d.message })));
}
