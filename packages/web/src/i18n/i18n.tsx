import dayjs from "dayjs";
import "dayjs/locale/vi";
import "dayjs/locale/en";
import { periodLabel } from "@dtplan/domain/reporting/period-label.ts";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { formatNumber, formatVnd, type Lang } from "../lib/format.ts";
import { isLang, type MessageKey, type Params, translate } from "./translate.ts";

const STORAGE_KEY = "dtplan.lang";

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** Numbers and money in the current language. */
  num: (value: number | null | undefined) => string;
  vnd: (value: number | null | undefined) => string;
  /** A reporting period's name: the stored Vietnamese label, or the English one from its key. */
  period: (period: { key: string; label: string }) => string;
}

const I18nContext = createContext<I18n | null>(null);

let currentLang: Lang = readStoredLang();
dayjs.locale(currentLang);

function readStoredLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLang(stored) ? stored : "vi";
  } catch {
    return "vi";
  }
}

/** Switches the language for the code outside React and remembers it. */
export function chooseLanguage(next: Lang): void {
  currentLang = next;
  dayjs.locale(next);
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private browsing: the choice lasts for this page only.
  }
}

/** The language chosen now, for code outside React (the API client asks the server for it). */
export function currentLanguage(): Lang {
  return currentLang;
}

/** For code outside React (the API client's own messages). */
export function tNow(key: MessageKey, params?: Params): string {
  return translate(currentLang, key, params);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(currentLang);

  const setLang = useCallback((next: Lang) => {
    chooseLanguage(next);
    setLangState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    // The app's own title follows the language; a page that names itself (the public page) keeps its name.
    if (document.title === translate(lang === "vi" ? "en" : "vi", "app.name")) {
      document.title = translate(lang, "app.name");
    }
  }, [lang]);

  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      num: (v) => formatNumber(v, lang),
      vnd: (v) => formatVnd(v, lang),
      period: (p) => periodLabel(p, lang),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n outside <I18nProvider>");
  return ctx;
}

/** The translate function of the current language. */
export function useT(): I18n["t"] {
  return useI18n().t;
}
