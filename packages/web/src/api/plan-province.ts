// Plan codes are unique within a province only: a superadministrator (or anyone holding
// roles in several provinces) can meet the same code twice. The province a plan was
// opened in — picked on the province page, or the row of the plan list — is remembered
// per code, and the API client names it (`x-dtplan-province`) on every call for that
// plan, so the plan's pages resolve in that province.

const STORAGE_KEY = "dtplan.planProvinces";

let remembered: Record<string, string> | null = null;

function store(): Record<string, string> {
  if (remembered) return remembered;
  try {
    const stored = JSON.parse(globalThis.sessionStorage?.getItem(STORAGE_KEY) ?? "{}");
    remembered = stored && typeof stored === "object" ? (stored as Record<string, string>) : {};
  } catch {
    remembered = {};
  }
  return remembered;
}

/** The user opens plan `code` of province `tenantId` (a province's unit id). */
export function rememberPlanProvince(code: string, tenantId: string): void {
  const map = store();
  if (map[code] === tenantId) return;
  map[code] = tenantId;
  try {
    globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(map));
  } catch {
    // Private browsing: remembered for this page only.
  }
}

/** Forgets every choice (signing out). */
export function forgetPlanProvinces(): void {
  remembered = {};
  try {
    globalThis.sessionStorage?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored.
  }
}

/** The province to name for an API path about a plan (`/plans/{code}…`), if one was chosen. */
export function provinceForPath(path: string): string | null {
  const match = path.match(/^\/plans\/([^/?#]+)/);
  if (!match) return null;
  const code = decodeURIComponent(match[1]);
  return store()[code] ?? null;
}

/**
 * A download link (`/api/plans/{code}…`) naming the plan's province as `?province=`, as
 * the API client names it in a header: links carry no headers.
 */
export function withPlanProvince(url: string): string {
  const province = provinceForPath(url.replace(/^\/api/, ""));
  if (!province) return url;
  return `${url}${url.includes("?") ? "&" : "?"}province=${encodeURIComponent(province)}`;
}
