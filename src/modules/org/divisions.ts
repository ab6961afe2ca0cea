import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// China's administrative divisions (国家统计局 2023, WTFPL copy in resources/divisions/).
// Four levels: province (2-digit code), city (4), area = district/county (6), street = street/township (9).

import type { Area, City, Divisions, Province, Street } from './domain/divisions';

export type { Area, City, Divisions, Province, Street };

export const DEFAULT_DIVISIONS_DIR = fileURLToPath(new URL('../../../resources/divisions/', import.meta.url));

/**
 * Parses RFC 4180-style CSV: comma separated, fields optionally in double quotes, `""` is an escaped quote
 * inside a quoted field, CRLF or LF line ends. Blank lines are skipped.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let i = 0;
  // Strip a UTF-8 byte order mark so the first header name is clean.
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  const endRow = () => {
    row.push(field);
    field = '';
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
  };
  for (; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      inQuotes = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      endRow();
    } else if (ch === '\r') {
      if (text[i + 1] !== '\n') endRow();
    } else {
      field += ch;
    }
  }
  if (inQuotes) throw new Error('CSV: unterminated quoted field');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** Reads a CSV with a header row into records keyed by the wanted column names (looked up by header, not position). */
function readRecords<K extends string>(file: string, columns: readonly K[]): Record<K, string>[] {
  const rows = parseCsv(readFileSync(file, 'utf8'));
  const header = rows[0];
  if (!header) throw new Error(`${file}: empty file`);
  const index = columns.map((c) => {
    const at = header.indexOf(c);
    if (at < 0) throw new Error(`${file}: missing column "${c}"`);
    return at;
  });
  return rows.slice(1).map((cells, n) => {
    const rec = {} as Record<K, string>;
    columns.forEach((c, k) => {
      const value = cells[index[k]!];
      if (value === undefined) throw new Error(`${file}: row ${n + 2} has no column "${c}"`);
      rec[c] = value.trim();
    });
    return rec;
  });
}

const cache = new Map<string, Divisions>();

/** Loads the four division files from `dir` (default: the repo's resources/divisions). Cached per directory. */
export function loadDivisions(dir: string = DEFAULT_DIVISIONS_DIR): Divisions {
  const hit = cache.get(dir);
  if (hit) return hit;
  const divisions: Divisions = {
    provinces: readRecords(join(dir, 'provinces.csv'), ['code', 'name'] as const),
    cities: readRecords(join(dir, 'cities.csv'), ['code', 'name', 'provinceCode'] as const),
    areas: readRecords(join(dir, 'areas.csv'), ['code', 'name', 'cityCode', 'provinceCode'] as const),
    streets: readRecords(join(dir, 'streets.csv'), ['code', 'name', 'areaCode', 'cityCode', 'provinceCode'] as const),
  };
  cache.set(dir, divisions);
  return divisions;
}
