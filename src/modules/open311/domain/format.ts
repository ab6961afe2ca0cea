/** The response formats: the resource's suffix chooses (`services.xml`, `requests/123.json`). */
export const FORMATS = ['xml', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** XML is the format every GeoReport v2 server must offer: errors about the format itself are sent in it. */
export const DEFAULT_FORMAT: Format = 'xml';

export const CONTENT_TYPES: Record<Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export const isFormat = (s: string): s is Format => (FORMATS as readonly string[]).includes(s);

/** `033.json` → `{name: '033', format: 'json'}`; null without a known suffix. The name is what precedes the last dot. */
export function splitFormat(file: string): { name: string; format: Format } | null {
  const dot = file.lastIndexOf('.');
  if (dot <= 0) return null;
  const format = file.slice(dot + 1).toLowerCase();
  return isFormat(format) ? { name: file.slice(0, dot), format } : null;
}

/** The format a URL asks for (its path's suffix), or the default: what an error about that URL is sent in. */
export function formatOfUrl(url: string): Format {
  const path = url.split('?')[0] ?? '';
  const last = path.slice(path.lastIndexOf('/') + 1);
  return splitFormat(last)?.format ?? DEFAULT_FORMAT;
}
