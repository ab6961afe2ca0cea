import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Empty, Result, Skeleton, Tag, Typography, type FormInstance } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { ApiError } from '../api';
import { useApp } from '../context';
import { describeError, type ErrorView } from '../errors';
import type { Lang } from '../i18n';
import { warningColor } from '../format';
import type { Status } from '../types';

export const STATUS_COLORS: Record<Status, string> = {
  registered: 'default',
  dispatched: 'blue',
  in_progress: 'processing',
  replied: 'purple',
  awaiting_callback: 'cyan',
  closed: 'success',
};

export function StatusTag({ status }: { status: string }) {
  const { tv } = useApp();
  return (
    <Tag color={STATUS_COLORS[status as Status] ?? 'default'} data-status={status}>
      {tv('status', status)}
    </Tag>
  );
}

export function UrgencyTag({ urgency }: { urgency: string }) {
  const { tv } = useApp();
  if (urgency === 'normal') return null;
  return <Tag color={urgency === 'emergency' ? 'red' : 'volcano'}>{tv('urgency', urgency)}</Tag>;
}

export function WarningTag({ level }: { level: string | null | undefined }) {
  const { tv } = useApp();
  if (!level || level === 'none' || level === 'green') return null;
  return (
    <Tag color={warningColor(level)} data-warning={level}>
      {tv('warning', level)}
    </Tag>
  );
}

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  setData: (d: T) => void;
}

/** Runs a loader when its deps change; stale answers from earlier runs are dropped. */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  // The first request starts while the page renders, not after: heavy pages (filters, trees) then overlap
  // their first render with the network instead of waiting for it.
  const first = useRef<{ ctl: AbortController; promise: Promise<T> } | null>(null);
  if (first.current === null) {
    const ctl = new AbortController();
    const promise = load(ctl.signal);
    promise.catch(() => undefined);
    first.current = { ctl, promise };
  }
  const usedFirst = useRef(false);
  useEffect(() => {
    const reuse = !usedFirst.current && first.current !== null && !first.current.ctl.signal.aborted;
    usedFirst.current = true;
    const ctl = reuse && first.current ? first.current.ctl : new AbortController();
    setLoading(true);
    setError(null);
    (reuse && first.current ? first.current.promise : loadRef.current(ctl.signal))
      .then((d) => {
        if (!ctl.signal.aborted) setData(d);
      })
      .catch((e: unknown) => {
        if (!ctl.signal.aborted) setError(e);
      })
      .finally(() => {
        if (!ctl.signal.aborted) setLoading(false);
      });
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((x) => x + 1), []);
  return { data, error, loading, reload, setData };
}

/** The API's refusal in the user's language (chosen by its code, naming the field); null for other errors. */
export function apiErrorView(e: unknown, lang: Lang): ErrorView | null {
  return e instanceof ApiError ? describeError(lang, e) : null;
}

/**
 * Puts the API's refusal next to the input it names (in the user's language, chosen by code); false when it
 * belongs in a banner. `fields` names the form's inputs: a list when they are called as the API calls them, else a
 * map from the API's field to the input. The field's full path is tried first, then its first part
 * (`supervision.maxEscalations`, then `supervision`).
 */
export function applyFieldError(e: unknown, form: FormInstance, fields: readonly string[] | Readonly<Record<string, string>>, lang: Lang): boolean {
  if (!(e instanceof ApiError) || !e.field) return false;
  const view = describeError(lang, e);
  const path = view.field ?? '';
  const input = (key: string): string | undefined => {
    if (Array.isArray(fields)) return fields.includes(key) ? key : undefined;
    const map = fields as Readonly<Record<string, string>>;
    return Object.hasOwn(map, key) ? map[key] : undefined;
  };
  const name = input(path) ?? input(path.split('.')[0] ?? '');
  if (name === undefined) return false;
  form.setFields([{ name, errors: [view.inline] }]);
  return true;
}

/** One line for a banner or a toast: the API's refusal by code, else the error's own message, else the fallback. */
export function errorMessage(e: unknown, fallback: string, lang: Lang, namingField = true): string {
  const view = apiErrorView(e, lang);
  if (view) return namingField ? view.text : view.inline;
  if (typeof e === 'string') return e;
  if (e instanceof Error) return e.message || fallback;
  return fallback;
}

/** The server's own words under our text, small: what support needs, without being the message. */
export function ErrorDetail({ error }: { error: unknown }) {
  const { t, lang } = useApp();
  const detail = apiErrorView(error, lang)?.detail;
  if (!detail) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="error-detail">
      {t('error.detail', { message: detail })}
    </Typography.Text>
  );
}

/** A banner for an error of any kind (ApiError, Error or a text of ours). */
export function ErrorAlert({ error, fallback, testId, namingField = true }: { error: unknown; fallback?: string; testId?: string; namingField?: boolean }) {
  const { t, lang } = useApp();
  if (!error) return null;
  const view = apiErrorView(error, lang);
  return (
    <Alert
      type="error"
      showIcon
      title={errorMessage(error, fallback ?? t('app.networkError'), lang, namingField)}
      description={view?.detail ? <ErrorDetail error={error} /> : undefined}
      style={{ marginBottom: 12 }}
      data-testid={testId ?? 'error-alert'}
      data-code={view?.code}
    />
  );
}

/** Loading, error and empty states in one place, so every page shows them the same way. */
export function PageState({
  loading,
  error,
  empty,
  onRetry,
  children,
}: {
  loading: boolean;
  error: unknown;
  empty?: boolean;
  onRetry?: () => void;
  children: ReactNode;
}) {
  const { t, lang } = useApp();
  if (error) {
    const forbidden = error instanceof ApiError && (error.status === 403 || error.status === 404);
    return (
      <div data-testid="page-error">
        <Result
          status={forbidden ? '403' : 'error'}
          title={forbidden ? t('app.forbidden') : t('app.error')}
          subTitle={
            <>
              <div>{errorMessage(error, t('app.networkError'), lang)}</div>
              <ErrorDetail error={error} />
            </>
          }
          extra={onRetry && !forbidden ? <Button onClick={onRetry}>{t('app.retry')}</Button> : undefined}
        />
      </div>
    );
  }
  if (loading) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (empty) return <Empty description={t('app.empty')} />;
  return <>{children}</>;
}

/** A page the user's roles do not include (opened from a link): says so instead of failing on the API's 403. */
export function NoAccess() {
  const { t } = useApp();
  return (
    <div data-testid="no-access">
      <Result status="403" title={t('app.noAccess')} />
    </div>
  );
}

/** A page's title with its refresh button, and for a role that may only read, a banner saying so. */
export function PageHeader({ title, onRefresh, readOnly, readOnlyTestId }: { title: string; onRefresh: () => void; readOnly?: string | null; readOnlyTestId?: string }) {
  const { t } = useApp();
  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8, gap: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={onRefresh}>
          {t('app.refresh')}
        </Button>
      </div>
      {readOnly && <Alert type="info" showIcon title={readOnly} style={{ marginBottom: 12 }} data-testid={readOnlyTestId} />}
    </>
  );
}
