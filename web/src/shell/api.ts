// The console's only way to the server: the public API under /api/v1. Errors become ApiError with the
// server's stable code, message and field, so forms can show them next to the right input.
import type { Board } from '../features/board/board';
import type { EmergencyState, DeadlineSettings, DeadlineSettingsPatch, WorkingCalendar } from '../features/deadlines/deadlines';
import type { AutoDispatchAccuracy, IntakeSettings, IntakeSettingsPatch, ModelVersion, OrderCluster } from '../features/intake/intake';
import type { AnalysisForAgent, Attachment, AuditEntry, Category, Page, PublicTicketView, Ticket, Unit, User } from './types';

const BASE = '/api/v1';
const TOKEN_KEY = 'hotline.token';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Seconds to wait, from Retry-After (a rate-limited sign-in). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function getToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

let onUnauthenticated: (() => void) | null = null;
export function setUnauthenticatedHandler(fn: (() => void) | null): void {
  onUnauthenticated = fn;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Public endpoints send no token and never trigger the log-out handler. */
  anonymous?: boolean;
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const token = opts.anonymous ? null : getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(BASE + path, {
      method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', e instanceof Error ? e.message : String(e));
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = (data ?? {}) as { code?: string; message?: string; field?: string };
    if (res.status === 401 && !opts.anonymous && onUnauthenticated) onUnauthenticated();
    const retryAfter = Number(res.headers.get('Retry-After')) || undefined;
    throw new ApiError(res.status, err.code ?? `HTTP.${res.status}`, err.message ?? res.statusText, err.field, retryAfter);
  }
  return data as T;
}

export function queryString(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const SORTS = ['received_desc', 'received_asc', 'updated_desc', 'due_asc', 'urgency_desc'] as const;
export const WARNINGS = ['none', 'yellow', 'orange', 'red'] as const;

export interface TicketQuery {
  status?: string;
  unitId?: string;
  categoryCode?: string;
  tag?: string;
  channel?: string;
  from?: string;
  to?: string;
  q?: string;
  phone?: string;
  urgency?: string;
  /** Warning colour now: none | yellow | orange | red. */
  warning?: string;
  /** Running deadline within N hours (overdue included). */
  dueWithinHours?: number;
  /** One of SORTS. */
  sort?: string;
  page?: number;
  pageSize?: number;
}

export interface NewTicket {
  channel: string;
  content: string;
  title?: string;
  caller?: { name?: string; phone?: string };
  address?: string;
  location?: { lat: number; lng: number };
  categoryCode?: string;
  urgency?: string;
  tags?: string[];
  attachmentIds?: string[];
}

/** Any of these; disabling an account or setting its password signs it out everywhere. */
export interface UserChanges {
  displayName?: string;
  roles?: string[];
  unitId?: string | null;
  active?: boolean;
  password?: string;
}

export const api = {
  login: (username: string, password: string) =>
    request<{ token: string; user: User }>('/auth/login', { body: { username, password }, anonymous: true }),
  logout: () => request<unknown>('/auth/logout', { method: 'POST', body: {} }),
  me: () => request<User>('/me'),
  categories: () => request<{ items: Category[] }>('/categories'),
  units: () => request<{ items: Unit[] }>('/units'),
  createUnit: (body: { name: string; kind: string; parentId?: string | null; divisionCode?: string | null }) =>
    request<Unit>('/units', { body }),
  users: () => request<{ items: User[] }>('/users'),
  createUser: (body: { username: string; password: string; displayName: string; roles: string[]; unitId: string | null }) =>
    request<User>('/users', { body }),
  updateUser: (id: string, body: UserChanges) => request<User>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  audit: (entityType: string, entityId: string) => request<{ items: AuditEntry[] }>(`/audit${queryString({ entityType, entityId })}`),
  tickets: (q: TicketQuery, signal?: AbortSignal) =>
    request<Page<Ticket>>(`/tickets${queryString({ ...q })}`, signal ? { signal } : {}),
  ticket: (id: string) => request<Ticket>(`/tickets/${encodeURIComponent(id)}`),
  createTicket: (body: NewTicket, idempotencyKey: string) =>
    request<Ticket>('/tickets', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  act: (id: string, body: Record<string, unknown> & { action: string; expectedVersion: number }) =>
    request<Ticket>(`/tickets/${encodeURIComponent(id)}/actions`, { body }),
  upload: (body: { filename: string; contentType: string; dataBase64: string }, anonymous = false) =>
    request<Attachment>(anonymous ? '/public/attachments' : '/attachments', { body, anonymous }),
  assist: (body: { content: string; title?: string; address?: string; callerPhone?: string }, signal?: AbortSignal) =>
    request<AnalysisForAgent>('/assist/analyze', signal ? { body, signal } : { body }),
  board: () => request<Board>('/supervision/board'),
  // Smart intake administration: model versions, automatic dispatch settings and accuracy, event clusters.
  models: () => request<{ items: ModelVersion[] }>('/admin/models'),
  /** Trains and activates a new version; takes tens of seconds. */
  trainModel: () => request<ModelVersion>('/admin/models/train', { body: {} }),
  activateModel: (version: number) => request<ModelVersion>(`/admin/models/${version}/activate`, { body: {} }),
  intakeSettings: () => request<IntakeSettings>('/admin/intake/settings'),
  updateIntakeSettings: (body: IntakeSettingsPatch) => request<IntakeSettings>('/admin/intake/settings', { method: 'PUT', body }),
  autoDispatchAccuracy: (since?: string) => request<AutoDispatchAccuracy>(`/assist/auto-dispatch/accuracy${queryString({ since })}`),
  clusters: (q: { days: number; minSize: number; limit?: number }, signal?: AbortSignal) =>
    request<{ items: OrderCluster[] }>(`/assist/clusters${queryString({ ...q })}`, signal ? { signal } : {}),
  // 时限与日历: deadline settings (versioned), the working calendar of a year, emergency response.
  deadlineSettings: () => request<DeadlineSettings>('/admin/sla'),
  deadlineVersions: () => request<{ items: DeadlineSettings[] }>('/admin/sla/versions'),
  updateSla: (body: DeadlineSettingsPatch) => request<DeadlineSettings>('/admin/sla', { method: 'PUT', body }),
  /** Without a year: the current year in Beijing time. */
  workingCalendar: (year: number | null, signal?: AbortSignal) =>
    request<WorkingCalendar>(`/admin/calendar${queryString({ year })}`, signal ? { signal } : {}),
  emergency: () => request<EmergencyState>('/admin/emergency'),
  setEmergency: (body: { active: boolean; tag?: string }) => request<EmergencyState>('/admin/emergency', { method: 'PUT', body }),
  publicSubmit: (body: {
    content: string;
    title?: string;
    caller: { name?: string; phone: string };
    address?: string;
    location?: { lat: number; lng: number };
    attachmentIds?: string[];
  }, idempotencyKey?: string) =>
    request<{ number: string }>('/public/tickets', { body, anonymous: true, ...(idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {}) }),
  publicTrack: (number: string, phone: string) =>
    request<PublicTicketView>(`/public/tickets/${encodeURIComponent(number)}${queryString({ phone })}`, { anonymous: true }),
  publicRate: (number: string, body: { phone: string; satisfaction: string; comment?: string }) =>
    request<unknown>(`/public/tickets/${encodeURIComponent(number)}/rating`, { body, anonymous: true }),
};

export function attachmentUrl(id: string): string {
  return `${BASE}/attachments/${encodeURIComponent(id)}`;
}

/** Read a File into the base64 payload the attachments API takes. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const s = String(reader.result);
      resolve(s.slice(s.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
