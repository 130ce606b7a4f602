// The data side of the pathway forms, without any rendering: fields described as data, raw input
// values turned into an API body, and validation issues (the shared Zod schema's, or the server's
// 422 issues) turned into messages next to the right field, in the person's language.
import type { ApiIssue } from '../../../data/api-error.ts';
import type { DraftValues } from '../../../data/drafts.ts';
import { t, type MessageKey } from '../../../i18n/i18n.ts';

export type FormValues = DraftValues;
export type FieldType = 'text' | 'textarea' | 'number' | 'select' | 'checkbox' | 'date' | 'datetime';

export interface FieldOption {
  value: string;
  label: string;
}

export interface FieldDef {
  /** Where the value goes in the body, dotted for nesting: `measurements.hipWidthMm`. */
  name: string;
  label: MessageKey;
  type: FieldType;
  /** Shown as "required"; the schema decides what is actually required. */
  required?: boolean;
  /** Options of a select, computed at render time so they follow the language. */
  options?: () => FieldOption[];
  unit?: 'mm' | 'h';
  min?: number;
  max?: number;
  step?: number;
  hint?: MessageKey;
  /** The message for a schema `custom` issue on this field (a cross-field rule). */
  custom?: MessageKey;
  /** Other body paths whose issues belong to this field (e.g. a combined model-and-size choice). */
  aliases?: string[];
  /** A select whose values are numbers (e.g. GMFCS levels). */
  asNumber?: boolean;
  /** Turns the raw value into body entries; by default the value is set at `name`. */
  toBody?: (raw: string | boolean) => Record<string, unknown>;
  /** A long select (e.g. every beneficiary of a centre): a search box above it filters its options. */
  searchable?: boolean;
  /** Spans the whole row (long option labels, free text). */
  wide?: boolean;
  /** Shown (and sent) only when this holds for the current values. */
  when?: (values: FormValues) => boolean;
}

export interface FieldGroup {
  legend?: MessageKey;
  fields: FieldDef[];
}

export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9]+/g, '-')}`;

export const visibleFields = (groups: FieldGroup[], values: FormValues) =>
  groups.flatMap((g) => g.fields).filter((f) => !f.when || f.when(values));

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}

/** A raw input as the API wants it; undefined leaves an empty field out of the body. */
function convert(f: FieldDef, raw: string | boolean | undefined): unknown {
  if (f.type === 'checkbox') return raw === true;
  const s = typeof raw === 'string' ? raw.trim() : '';
  if (s === '') return undefined;
  if (f.type === 'number' || f.asNumber) return Number.isNaN(Number(s)) ? s : Number(s);
  // datetime-local has no zone: it is the person's local time, sent as an instant.
  if (f.type === 'datetime') return Number.isNaN(new Date(s).getTime()) ? s : new Date(s).toISOString();
  return s;
}

/** The body for the visible fields, on top of `base` (e.g. `{ to: 'assessed' }`). */
export function buildBody(groups: FieldGroup[], values: FormValues, base: Record<string, unknown> = {}): Record<string, unknown> {
  const body: Record<string, unknown> = { ...base };
  for (const f of visibleFields(groups, values)) {
    const raw = values[f.name];
    if (f.toBody) {
      if (raw !== undefined && raw !== '') Object.assign(body, f.toBody(raw));
      continue;
    }
    const value = convert(f, raw);
    if (value !== undefined) setPath(body, f.name, value);
  }
  return body;
}

/** Server rule codes with a message of their own (see server/src/requests/steps). */
export const ruleMessages: Record<string, MessageKey> = {
  date_order: 'requests.issue.dateOrder',
  date_in_future: 'requests.issue.dateInFuture',
  date_in_past: 'requests.issue.dateInPast',
  date_too_far: 'requests.issue.dateTooFar',
  required_for_diagnosis: 'requests.issue.requiredForDiagnosis',
  not_for_diagnosis: 'requests.issue.notForDiagnosis',
  not_in_catalogue: 'requests.issue.notInCatalogue',
  size_not_in_catalogue: 'requests.issue.sizeNotInCatalogue',
  feature_unavailable: 'requests.issue.featureUnavailable',
  device_required: 'requests.issue.deviceRequired',
  device_unavailable: 'requests.issue.deviceUnavailable',
  device_mismatch: 'requests.issue.deviceMismatch',
  refit_keeps_device: 'requests.issue.refitKeepsDevice',
  reason_required: 'requests.issue.required',
  training_incomplete: 'requests.issue.trainingIncomplete',
  not_a_therapist_here: 'requests.issue.notATherapistHere',
};

/** The message for one issue on one field (or on no field), in the current language. */
export function issueMessage(issue: Pick<ApiIssue, 'code' | 'message'>, field: FieldDef | undefined, missing: boolean): string {
  const rule = ruleMessages[issue.code];
  if (rule) return t(rule);
  if (missing) return t('requests.issue.required');
  if ((issue.code === 'too_small' || issue.code === 'too_big') && field?.min !== undefined && field.max !== undefined) {
    return t(field.unit === 'mm' ? 'requests.issue.rangeMm' : 'requests.issue.range', { min: field.min, max: field.max });
  }
  if (issue.code === 'too_big') return t('requests.issue.tooLong');
  if (issue.code === 'invalid_type' && field?.type === 'number') return t('requests.issue.number');
  if (issue.code === 'invalid_value') return t('requests.issue.choose');
  if (issue.code === 'invalid_format') return field?.type === 'date' || field?.type === 'datetime' ? t('requests.issue.date') : t('requests.issue.format');
  if (issue.code === 'custom' && field?.custom) return t(field.custom);
  return t('requests.issue.invalid');
}

export interface MappedIssues {
  /** Message per field name. */
  byField: Map<string, string>;
  /** Messages that belong to no visible field, for the summary. */
  other: string[];
}

/** Puts issues next to their fields; a field keeps its first issue. */
export function mapIssues(groups: FieldGroup[], values: FormValues, issues: Pick<ApiIssue, 'path' | 'code' | 'message'>[]): MappedIssues {
  const fields = visibleFields(groups, values);
  const byField = new Map<string, string>();
  const other: string[] = [];
  for (const issue of issues) {
    const path = issue.path.join('.');
    const field = fields.find((f) => f.name === path || f.aliases?.includes(path) || path.startsWith(`${f.name}.`));
    const raw = field ? values[field.name] : undefined;
    const missing = !!field && field.type !== 'checkbox' && (raw === undefined || raw === '');
    const message = issueMessage(issue, field, missing);
    if (field) {
      if (!byField.has(field.name)) byField.set(field.name, message);
    } else if (!other.includes(message)) {
      other.push(message);
    }
  }
  return { byField, other };
}

/** Folds case and accents, so "sri" finds "Sri" and "jose" finds "José". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The options whose label contains every typed word; the chosen one always stays. */
export function filterOptions(options: readonly FieldOption[], query: string, chosen: string): FieldOption[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...options];
  return options.filter((o) => o.value === chosen || words.every((w) => fold(o.label).includes(w)));
}
