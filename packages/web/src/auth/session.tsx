import type { TLoginRequest, TSessionResponse, TSessionUser } from "@dtplan/contracts/auth.ts";
import { wholeProvinces } from "@dtplan/domain/access/access.ts";
import { type Permission, roleGrants } from "@dtplan/domain/access/roles.ts";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { ApiError, setCsrfToken, setUnauthenticatedHandler } from "../api/client.ts";
import { authApi } from "../api/endpoints.ts";
import { forgetPlanProvinces } from "../api/plan-province.ts";
import { queryClient } from "../api/query.ts";

type SessionState =
  | { status: "loading" }
  | { status: "anonymous"; expired: boolean }
  | { status: "signed-in"; user: TSessionUser; limits: TSessionResponse["limits"] };

interface Session {
  state: SessionState;
  user: TSessionUser | null;
  login: (credentials: TLoginRequest) => Promise<void>;
  logout: () => Promise<void>;
  can: (permission: Permission) => boolean;
}

const SessionContext = createContext<Session | null>(null);

/** Whether the user holds `permission` through any of their grants (superadministrators hold all). */
export function userCan(user: TSessionUser | null, permission: Permission): boolean {
  if (!user) return false;
  if (user.isSuperadmin) return true;
  return user.grants.some((g) => roleGrants(g.role, permission));
}

/**
 * Whether `permission` reaches a whole province for the user (the province view, "Toàn
 * tỉnh"): the server's own rule, so nobody is offered a page that then refuses them.
 */
export function userCanProvince(user: TSessionUser | null, permission: Permission): boolean {
  return !!user && wholeProvinces(user.grants, permission).size > 0;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  useEffect(() => {
    let cancelled = false;
    authApi
      .me()
      .then((res) => {
        if (cancelled) return;
        setCsrfToken(res.csrfToken);
        setState({ status: "signed-in", user: res.user, limits: res.limits });
      })
      .catch(() => {
        if (!cancelled) setState({ status: "anonymous", expired: false });
      });
    setUnauthenticatedHandler(() => {
      // What was loaded belongs to the session that ended.
      queryClient.clear();
      setState({ status: "anonymous", expired: true });
    });
    return () => {
      cancelled = true;
      setUnauthenticatedHandler(null);
    };
  }, []);

  const login = useCallback(async (credentials: TLoginRequest) => {
    const res = await authApi.login(credentials);
    setCsrfToken(res.csrfToken);
    setState({ status: "signed-in", user: res.user, limits: res.limits });
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } catch (err) {
      // Already signed out on the server: nothing to undo.
      if (!(err instanceof ApiError)) throw err;
    }
    setCsrfToken(null);
    forgetPlanProvinces();
    queryClient.clear();
    setState({ status: "anonymous", expired: false });
  }, []);

  const value = useMemo<Session>(() => {
    const user = state.status === "signed-in" ? state.user : null;
    return { state, user, login, logout, can: (p) => userCan(user, p) };
  }, [state, login, logout]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error("useSession outside <SessionProvider>");
  return ctx;
}

/** The signed-in user; only for screens behind the login. */
export function useUser(): TSessionUser {
  const { user } = useSession();
  if (!user) throw new Error("useUser without a signed-in user");
  return user;
}

/** The server's limits the browser checks before sending (the evidence file size). */
export function useLimits(): TSessionResponse["limits"] {
  const { state } = useSession();
  if (state.status !== "signed-in") throw new Error("useLimits without a signed-in user");
  return state.limits;
}
