import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDivisions, parseCsv } from './divisions';

describe('parseCsv', () => {
  it.each([
    ['plain fields', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['quoted fields', 'code,name\n11,"北京市"\n', [['code', 'name'], ['11', '北京市']]],
    ['comma inside quotes', '1,"a,b",c', [['1', 'a,b', 'c']]],
    ['escaped quote', '1,"say ""hi"""', [['1', 'say "hi"']]],
    ['newline inside quotes', '1,"x\ny"\n2,z', [['1', 'x\ny'], ['2', 'z']]],
    ['CRLF and no final newline', 'a,b\r\n1,2', [['a', 'b'], ['1', '2']]],
    ['blank lines skipped', 'a\n\nb\n\n', [['a'], ['b']]],
    ['empty fields kept', ',x,', [['', 'x', '']]],
    ['byte order mark stripped', '\ufeffcode\n1', [['code'], ['1']]],
  ])('%s', (_label, input, expected) => {
    expect(parseCsv(input)).toEqual(expected);
  });

  it('rejects an unterminated quote', () => {
    expect(() => parseCsv('1,"open')).toThrow(/unterminated/);
  });
});

describe('loadDivisions on a fixture', () => {
  const dir = mkdtempSync(join(tmpdir(), 'divisions-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'provinces.csv'), 'code,name\n32,"江苏省"\n');
  writeFileSync(join(dir, 'cities.csv'), 'code,name,provinceCode\n3203,"徐州市",32\n');
  writeFileSync(join(dir, 'areas.csv'), 'code,name,cityCode,provinceCode\n320302,"鼓楼区",3203,32\n');
  // Same column order as the real file: cityCode comes after provinceCode.
  writeFileSync(
    join(dir, 'streets.csv'),
    'code,name,areaCode,provinceCode,cityCode\n320302001,"黄楼街道",320302,32,3203\n320302002,"丰财街道",320302,32,3203\n',
  );

  it('maps columns by header name', () => {
    const d = loadDivisions(dir);
    expect(d.provinces).toEqual([{ code: '32', name: '江苏省' }]);
    expect(d.cities).toEqual([{ code: '3203', name: '徐州市', provinceCode: '32' }]);
    expect(d.areas).toEqual([{ code: '320302', name: '鼓楼区', cityCode: '3203', provinceCode: '32' }]);
    expect(d.streets).toEqual([
      { code: '320302001', name: '黄楼街道', areaCode: '320302', cityCode: '3203', provinceCode: '32' },
      { code: '320302002', name: '丰财街道', areaCode: '320302', cityCode: '3203', provinceCode: '32' },
    ]);
  });

  it('caches per directory', () => {
    expect(loadDivisions(dir)).toBe(loadDivisions(dir));
  });

  it('fails clearly when a column is missing', () => {
    const bad = mkdtempSync(join(tmpdir(), 'divisions-bad-'));
    try {
      writeFileSync(join(bad, 'provinces.csv'), 'id,name\n32,"江苏省"\n');
      expect(() => loadDivisions(bad)).toThrow(/missing column "code"/);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});

describe('the shipped division files', () => {
  const d = loadDivisions();

  it('have every level in full', () => {
    expect(d.provinces).toHaveLength(31);
    expect(d.cities).toHaveLength(342);
    expect(d.areas).toHaveLength(2978);
    expect(d.streets).toHaveLength(41352);
  });

  it('contain Xuzhou under Jiangsu', () => {
    expect(d.provinces.find((p) => p.code === '32')?.name).toBe('江苏省');
    expect(d.cities.find((c) => c.code === '3203')).toEqual({ code: '3203', name: '徐州市', provinceCode: '32' });
    expect(d.streets.find((s) => s.code === '320302001')).toEqual({
      code: '320302001', name: '黄楼街道', areaCode: '320302', cityCode: '3203', provinceCode: '32',
    });
  });

  it('have well-formed codes nested in their parents', () => {
    expect(d.areas.every((a) => /^\d{6}$/.test(a.code) && a.code.startsWith(a.cityCode))).toBe(true);
    expect(d.streets.every((s) => /^\d{9}$/.test(s.code) && s.code.startsWith(s.areaCode) && s.areaCode.startsWith(s.cityCode))).toBe(true);
  });
});
