// App-wide state: language, signed-in user, and the reference lists (categories, units) every page needs.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, getToken, setToken, setUnauthenticatedHandler } from './api';
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
  /** True when the server ended the session (expired, revoked, account disabled): the sign-in page says so. */
  sessionEnded: boolean;
  categories: Category[];
  units: Unit[];
  refsError: boolean;
  reloadRefs: () => void;
}

const Ctx = createContext<AppState | null>(null);
const USER_KEY = 'hotline.user';

function loadCachedUser(): User | null {
  try {
    const raw = localStorage.getItem(USER_KEY);
    const u = raw ? (JSON.parse(raw) as User) : null;
    return u && typeof u.id === 'string' && Array.isArray(u.roles) ? u : null;
  } catch {
    return null;
  }
}

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
  // The last signed-in user is kept with the token so the console can render at once on reload; /me then
  // confirms the session in the background (a 401 signs out).
  const [user, setUserState] = useState<User | null>(() => (getToken() ? loadCachedUser() : null));
  const [checking, setChecking] = useState<boolean>(() => getToken() !== null && loadCachedUser() === null);
  const setUser = useCallback((u: User | null) => {
    setUserState(u);
    try {
      if (u) localStorage.setItem(USER_KEY, JSON.stringify(u));
      else localStorage.removeItem(USER_KEY);
    } catch {
      /* ignore */
    }
  }, []);
  const [categories, setCategories] = useState<Category[]>([]);
  const [units, setUnits] = useState<Unit[]>([]);
  const [refsError, setRefsError] = useState(false);
  const [sessionEnded, setSessionEnded] = useState(false);
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
    if (had) api.logout().catch(() => undefined);
    setToken(null);
    setUser(null);
  }, [setUser]);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      if (getToken()) setSessionEnded(true);
      setToken(null);
      setUser(null);
    });
    return () => setUnauthenticatedHandler(null);
  }, [setUser]);

  // Coming back to the tab: confirm the session, so an account disabled (or a password reset) meanwhile
  // returns to the sign-in page at once instead of at the next click. A 401 goes through the handler above.
  useEffect(() => {
    if (!user) return;
    const onVisible = () => {
      if (document.visibilityState === 'visible') api.me().catch(() => undefined);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [user?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!getToken()) return;
    api
      .me()
      .then(setUser)
      .catch((e: unknown) => {
        // Only a refused session signs out; a network blip keeps the cached user.
        if (e instanceof ApiError && e.status === 401) {
          setSessionEnded(true);
          setToken(null);
          setUser(null);
        }
      })
      .finally(() => setChecking(false));
  }, [setUser]);

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
  }, [user?.id, refsTick]); // eslint-disable-line react-hooks/exhaustive-deps

  const value = useMemo<AppState>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      tv: (prefix, v) => translateValue(lang, prefix, v),
      user,
      checking,
      signIn: (token, u) => {
        setSessionEnded(false);
        setToken(token);
        setUser(u);
        setChecking(false);
      },
      signOut,
      sessionEnded,
      categories,
      units,
      refsError,
      reloadRefs: () => setRefsTick((x) => x + 1),
    }),
    [lang, setLang, user, setUser, checking, signOut, sessionEnded, categories, units, refsError],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useApp(): AppState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useApp outside AppProvider');
  return v;
}
