// App-wide state: language, signed-in user, and the reference lists (categories, units) every page needs.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, getToken, setToken, setUnauthenticatedHandler } from './api';
import { LANG_KEY, translate, translateValue, type Lang, type MessageKey } from './i18n';
import type { Category, Unit, User } from './types';

export interface AppState {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  tv: (prefix: string, value: string | null | undefined) => string;
  user: User | null;
  /** undefined while the saved token is being checked. */
  checking: boolean;
  signIn: (token: string, user: User) => void;
  signOut: () => void;
  categories: Category[];
  units: Unit[];
  refsError: boolean;
  reloadRefs: () => void;
}

const Ctx = createContext<AppState | null>(null);

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved === 'en' || saved === 'zh') return saved;
  } catch {
    /* storage unavailable: default */
  }
  return 'zh';
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [user, setUser] = useState<User | null>(null);
  const [checking, setChecking] = useState<boolean>(() => getToken() !== null);
  const [categories, setCategories] = useState<Category[]>([]);
  const [units, setUnits] = useState<Unit[]>([]);
  const [refsError, setRefsError] = useState(false);
  const [refsTick, setRefsTick] = useState(0);

  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(LANG_KEY, l);
    } catch {
      /* ignore */
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  const signOut = useCallback(() => {
    const had = getToken();
    setToken(null);
    setUser(null);
    if (had) api.logout().catch(() => undefined);
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setToken(null);
      setUser(null);
    });
    return () => setUnauthenticatedHandler(null);
  }, []);

  useEffect(() => {
    if (!getToken()) return;
    api
      .me()
      .then(setUser)
      .catch(() => setToken(null))
      .finally(() => setChecking(false));
  }, []);

  useEffect(() => {
    if (!user) return;
    let live = true;
    setRefsError(false);
    Promise.all([api.categories(), api.units()])
      .then(([c, u]) => {
        if (!live) return;
        setCategories(c.items);
        setUnits(u.items);
      })
      .catch(() => live && setRefsError(true));
    return () => {
      live = false;
    };
  }, [user, refsTick]);

  const value = useMemo<AppState>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      tv: (prefix, v) => translateValue(lang, prefix, v),
      user,
      checking,
      signIn: (token, u) => {
        setToken(token);
        setUser(u);
        setChecking(false);
      },
      signOut,
      categories,
      units,
      refsError,
      reloadRefs: () => setRefsTick((x) => x + 1),
    }),
    [lang, setLang, user, checking, signOut, categories, units, refsError],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useApp(): AppState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useApp outside AppProvider');
  return v;
}
