// How a list's filters are read from and written to the address: one field kind per value shape.

/** One filter in the query string: its value from the address (null when absent), and back. */
export interface QueryField<V> {
  parse(raw: string | null): V;
  /** The text to keep in the address; undefined drops the parameter (the value the address implies when absent). */
  format(value: V): string | undefined;
}

export type QueryFields<F> = { [K in keyof F]: QueryField<F[K]> };

/** Free text (a search box), trimmed and capped so a hand-edited address cannot grow without end. */
export function textField(max = 200): QueryField<string> {
  return { parse: (raw) => (raw ?? '').trim().slice(0, max), format: (v) => v || undefined };
}

/** Text that must match a pattern (an id, a date); anything else reads as empty. */
export function patternField(pattern: RegExp): QueryField<string> {
  return { parse: (raw) => (raw !== null && pattern.test(raw) ? raw : ''), format: (v) => v || undefined };
}

/** `name=true` or nothing. */
export function flagField(): QueryField<boolean> {
  return { parse: (raw) => raw === 'true', format: (v) => (v ? 'true' : undefined) };
}

/** One of a list of choices; `fallback` is the value when the address names none (and is not written). */
export function choiceField<T extends string>(options: readonly T[]): QueryField<T | undefined>;
export function choiceField<T extends string, D extends T | ''>(options: readonly T[], fallback: D): QueryField<T | D>;
export function choiceField<T extends string>(options: readonly T[], fallback?: T | ''): QueryField<T | '' | undefined> {
  return {
    parse: (raw) => (raw !== null && (options as readonly string[]).includes(raw) ? (raw as T) : fallback),
    format: (v) => (v && v !== fallback ? v : undefined),
  };
}

/** The values the address holds for every field. */
export function readFields<F>(fields: QueryFields<F>, params: URLSearchParams): F {
  const out = {} as F;
  for (const key of Object.keys(fields) as (keyof F & string)[]) out[key] = fields[key].parse(params.get(key));
  return out;
}

/** Each field's text for the address (undefined: remove it). */
export function writeFields<F>(fields: QueryFields<F>, values: F): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const key of Object.keys(fields) as (keyof F & string)[]) out[key] = fields[key].format(values[key]);
  return out;
}
