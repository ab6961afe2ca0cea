/**
 * An error as GeoReport v2 shapes it: an HTTP status (404 for what does not exist, 403 for a wrong or missing
 * api_key, 400 for anything else that cannot be done) and a list of `{code, description}`, all reported at once.
 * `code` is the HTTP status, as the specification suggests for most cases.
 */
export interface Open311Problem {
  code: number;
  description: string;
}

export class Open311Error extends Error {
  readonly problems: readonly Open311Problem[];
  constructor(
    readonly status: number,
    descriptions: string | readonly string[],
  ) {
    const list = typeof descriptions === 'string' ? [descriptions] : descriptions;
    super(list.join('; '));
    this.name = 'Open311Error';
    this.problems = list.map((description) => ({ code: status, description }));
  }
}

export const isOpen311Error = (e: unknown): e is Open311Error => e instanceof Open311Error;
