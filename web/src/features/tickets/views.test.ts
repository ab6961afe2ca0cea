import { describe, expect, it } from 'vitest';
import { deleteView, loadViews, saveView, type KeyValueStore } from './views';
import { homeFor, menuFor } from '../../shell/registry';

function memory(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('saved views', () => {
  it('saves per user, replaces by name, drops empty filters', () => {
    const s = memory();
    saveView(s, 'u1', { name: '待签收', filters: { status: 'dispatched', q: '' } });
    saveView(s, 'u1', { name: '路灯', filters: { categoryCode: '010102' } });
    const views = saveView(s, 'u1', { name: '待签收', filters: { status: 'dispatched', tag: '疫情' } });
    expect(views).toEqual([
      { name: '路灯', filters: { categoryCode: '010102' } },
      { name: '待签收', filters: { status: 'dispatched', tag: '疫情' } },
    ]);
    expect(loadViews(s, 'u2')).toEqual([]);
    expect(deleteView(s, 'u1', '路灯').map((v) => v.name)).toEqual(['待签收']);
  });

  it('ignores corrupt storage', () => {
    const s = memory();
    s.setItem('hotline.views.u1', '{not json');
    expect(loadViews(s, 'u1')).toEqual([]);
    s.setItem('hotline.views.u1', JSON.stringify([{ name: 1 }, { name: 'ok', filters: {} }]));
    expect(loadViews(s, 'u1')).toEqual([{ name: 'ok', filters: {} }]);
  });
});

describe('role homes and menus', () => {
  it.each([
    [['agent'], '/desk'],
    [['dispatcher'], '/review'],
    [['unit_handler'], '/unit'],
    [['admin'], '/admin'],
    [['supervisor'], '/board'],
    [['leader'], '/board'],
    [['citizen'], '/portal'],
    [['dispatcher', 'agent'], '/desk'],
  ] as const)('%j lands on %s', (roles, home) => {
    expect(homeFor([...roles])).toBe(home);
  });

  it('a unit handler sees its desk and the order list, not administration', () => {
    expect(menuFor(['unit_handler'])).toEqual(['/unit', '/tickets']);
    expect(menuFor(['admin'])).toContain('/admin');
  });
});
