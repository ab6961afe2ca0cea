// Flat lists from the API → trees for antd Tree/TreeSelect, and search that keeps the path to a match.
import type { Category, Unit } from './types';

export interface TreeNode {
  value: string;
  title: string;
  /** Text searched by TreeSelect: code and name in both languages. */
  searchText: string;
  children?: TreeNode[];
  selectable?: boolean;
}

function buildTree<T>(
  items: readonly T[],
  key: (item: T) => string,
  parent: (item: T) => string | null,
  toNode: (item: T) => Omit<TreeNode, 'children'>,
  order: (a: T, b: T) => number,
): TreeNode[] {
  const byParent = new Map<string | null, T[]>();
  const keys = new Set(items.map(key));
  for (const item of items) {
    // An item whose parent is missing from the list is shown at the top rather than lost.
    const p = parent(item);
    const k = p !== null && keys.has(p) ? p : null;
    const list = byParent.get(k) ?? [];
    list.push(item);
    byParent.set(k, list);
  }
  const seen = new Set<string>();
  const walk = (p: string | null): TreeNode[] =>
    (byParent.get(p) ?? [])
      .slice()
      .sort(order)
      .filter((item) => !seen.has(key(item)))
      .map((item) => {
        seen.add(key(item));
        const children = walk(key(item));
        const node: TreeNode = { ...toNode(item) };
        if (children.length) node.children = children;
        return node;
      });
  return walk(null);
}

// Trees are rebuilt only when the reference lists change (they are loaded once per session).
const categoryCache = new WeakMap<readonly Category[], Map<string, TreeNode[]>>();
const unitCache = new WeakMap<readonly Unit[], Map<string, TreeNode[]>>();

export function categoryTree(categories: readonly Category[], lang: 'zh' | 'en' = 'zh', leavesOnly = false): TreeNode[] {
  const key = `${lang}:${leavesOnly}`;
  let byKey = categoryCache.get(categories);
  if (!byKey) {
    byKey = new Map();
    categoryCache.set(categories, byKey);
  }
  const cached = byKey.get(key);
  if (cached) return cached;
  const built = buildCategoryTree(categories, lang, leavesOnly);
  byKey.set(key, built);
  return built;
}

function buildCategoryTree(categories: readonly Category[], lang: 'zh' | 'en', leavesOnly: boolean): TreeNode[] {
  const tree = buildTree(
    categories,
    (c) => c.code,
    (c) => c.parentCode,
    (c) => ({
      value: c.code,
      title: `${lang === 'en' && c.nameEn ? c.nameEn : c.name}`,
      searchText: `${c.code} ${c.name} ${c.nameEn}`.toLowerCase(),
    }),
    (a, b) => a.code.localeCompare(b.code),
  );
  if (leavesOnly) markLeavesSelectable(tree);
  return tree;
}

function markLeavesSelectable(nodes: TreeNode[]): void {
  for (const n of nodes) {
    if (n.children?.length) {
      n.selectable = false;
      markLeavesSelectable(n.children);
    }
  }
}

export function unitTree(units: readonly Unit[], lang: 'zh' | 'en' = 'zh'): TreeNode[] {
  let byLang = unitCache.get(units);
  if (!byLang) {
    byLang = new Map();
    unitCache.set(units, byLang);
  }
  const cached = byLang.get(lang);
  if (cached) return cached;
  const built = buildUnitTree(units, lang);
  byLang.set(lang, built);
  return built;
}

const unitLabel = (u: Unit, lang: 'zh' | 'en') => (lang === 'en' && u.nameEn ? u.nameEn : u.name);

function buildUnitTree(units: readonly Unit[], lang: 'zh' | 'en'): TreeNode[] {
  return buildTree(
    units,
    (u) => u.id,
    (u) => u.parentId,
    (u) => ({ value: u.id, title: unitLabel(u, lang), searchText: `${u.name} ${u.nameEn ?? ''} ${u.divisionCode ?? ''} ${u.kind}`.toLowerCase() }),
    (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
  );
}

/** TreeSelect filter: match by any part of code or name, case-insensitively. */
export function matchesNode(input: string, node: { searchText?: string; title?: unknown }): boolean {
  const q = input.trim().toLowerCase();
  if (!q) return true;
  const hay = node.searchText ?? String(node.title ?? '').toLowerCase();
  return q.split(/\s+/).every((part) => hay.includes(part));
}

/** Full path of names for a category code, e.g. 城乡建设 / 市容环境 / 占道经营. */
export function categoryPath(categories: readonly Category[], code: string | null | undefined, lang: 'zh' | 'en' = 'zh'): string {
  if (!code) return '';
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const names: string[] = [];
  let cur = byCode.get(code);
  const guard = new Set<string>();
  while (cur && !guard.has(cur.code)) {
    guard.add(cur.code);
    names.unshift(lang === 'en' && cur.nameEn ? cur.nameEn : cur.name);
    cur = cur.parentCode ? byCode.get(cur.parentCode) : undefined;
  }
  return names.length ? names.join(' / ') : code;
}

export function unitName(units: readonly Unit[], id: string | null | undefined, lang: 'zh' | 'en' = 'zh'): string {
  if (!id) return '';
  const u = units.find((x) => x.id === id);
  return u ? unitLabel(u, lang) : id;
}
