// Saved filter views of the order list, kept per user in localStorage.
export interface TicketFilters {
  status?: string;
  unitId?: string;
  categoryCode?: string;
  channel?: string;
  tag?: string;
  from?: string;
  to?: string;
  q?: string;
  urgency?: string;
  warning?: string;
  sort?: string;
}

export interface SavedView {
  name: string;
  filters: TicketFilters;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const keyFor = (userId: string) => `hotline.views.${userId}`;

export function loadViews(store: KeyValueStore, userId: string): SavedView[] {
  try {
    const raw = store.getItem(keyFor(userId));
    if (!raw) return [];
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (v): v is SavedView => typeof v === 'object' && v !== null && typeof (v as SavedView).name === 'string' && typeof (v as SavedView).filters === 'object',
    );
  } catch {
    return [];
  }
}

/** Adds or replaces (same name) a view; empty filter values are dropped so views stay small. */
export function saveView(store: KeyValueStore, userId: string, view: SavedView): SavedView[] {
  const clean: TicketFilters = {};
  for (const [k, v] of Object.entries(view.filters)) if (v !== undefined && v !== null && v !== '') (clean as Record<string, string>)[k] = String(v);
  const views = loadViews(store, userId).filter((v) => v.name !== view.name);
  views.push({ name: view.name.trim(), filters: clean });
  store.setItem(keyFor(userId), JSON.stringify(views));
  return views;
}

export function deleteView(store: KeyValueStore, userId: string, name: string): SavedView[] {
  const views = loadViews(store, userId).filter((v) => v.name !== name);
  store.setItem(keyFor(userId), JSON.stringify(views));
  return views;
}
