// The rows of the "receive chairs" form: one draft per chair, checked with the shared DeviceIntake
// schema before sending, and the server's refusals (by row and field) put next to the right input.
import type { DeviceModel } from '../../../../schemas/device-models.ts';
import { DeviceIntake, IntakeProblemCode } from '../../../../schemas/stock.ts';
import type { ApiIssue } from '../../data/api-error.ts';
import { t } from '../../i18n/i18n.ts';

export const intakeFields = ['serial', 'modelId', 'size', 'receivedAt', 'supplier', 'fundingSource', 'batteryInstalledAt'] as const;
export type IntakeField = (typeof intakeFields)[number];

/** One chair as typed: every value a string, the size as "width x depth". */
export type IntakeDraft = Record<IntakeField, string> & { key: number };

/** Messages per row (by position) and field, and those that belong to no field (e.g. the centre). */
export interface IntakeErrors {
  rows: Partial<Record<IntakeField, string>>[];
  other: string[];
}
export const noErrors = (): IntakeErrors => ({ rows: [], other: [] });
export const errorCount = (e: IntakeErrors) => e.rows.reduce((n, r) => n + Object.keys(r ?? {}).length, 0) + e.other.length;

export const sizeValue = (s: { seatWidthMm: number; seatDepthMm: number }) => `${s.seatWidthMm}x${s.seatDepthMm}`;

/** A new row: empty serial, the rest copied from `from` (a batch usually shares model, date and paperwork). */
export function newDraft(key: number, today: string, from?: IntakeDraft): IntakeDraft {
  return { key, serial: '', modelId: '', size: '', receivedAt: today, supplier: '', fundingSource: '', batteryInstalledAt: '', ...(from && { ...from, key, serial: '' }) };
}

/** The row after a change of model: a size the model lacks is dropped (its only size is taken), a manual chair has no battery. */
export function withModel(draft: IntakeDraft, model: DeviceModel | undefined): IntakeDraft {
  const sizes = model?.sizes.map(sizeValue) ?? [];
  const size = sizes.includes(draft.size) ? draft.size : sizes.length === 1 ? sizes[0]! : '';
  return { ...draft, modelId: model?.id ?? '', size, batteryInstalledAt: model?.kind === 'electric' ? draft.batteryInstalledAt : '' };
}

function toBody(d: IntakeDraft, electric: boolean, centreId: string | undefined) {
  const [w, h] = d.size ? d.size.split('x').map(Number) : [];
  const optional = (v: string) => (v.trim() ? v.trim() : undefined);
  return {
    serial: d.serial.trim(), modelId: d.modelId, seatWidthMm: w, seatDepthMm: h, receivedAt: d.receivedAt,
    ...(centreId && { centreId }),
    ...(optional(d.supplier) && { supplier: optional(d.supplier) }),
    ...(optional(d.fundingSource) && { fundingSource: optional(d.fundingSource) }),
    ...(electric && d.batteryInstalledAt && { batteryInstalledAt: d.batteryInstalledAt }),
  };
}

const fieldOf = (path: string): IntakeField | undefined =>
  path === 'seatWidthMm' || path === 'seatDepthMm' ? 'size' : (intakeFields as readonly string[]).includes(path) ? (path as IntakeField) : undefined;

/** The words for one issue: the intake rule broken, else what the shared schema refused. */
function message(issue: Pick<ApiIssue, 'code'>, field: IntakeField | undefined, missing: boolean): string {
  const rule = IntakeProblemCode.safeParse(issue.code);
  if (rule.success) return t(`stock.problem.${rule.data}`);
  if (missing) return t('stock.error.required');
  if (field === 'serial') return t('stock.error.serial');
  if (field === 'receivedAt' || field === 'batteryInstalledAt') return t('stock.error.date');
  return t('stock.problem.invalid');
}

function place(errors: IntakeErrors, index: number, path: string, issue: Pick<ApiIssue, 'code'>, drafts: readonly IntakeDraft[]) {
  const field = fieldOf(path);
  const draft = drafts[index];
  const text = message(issue, field, !!field && !!draft && draft[field].trim() === '');
  if (!field || !draft) {
    if (!errors.other.includes(text)) errors.other.push(text);
    return;
  }
  const row = (errors.rows[index] ??= {});
  row[field] ??= text;
}

/** The rows ready to send, or what is wrong with them; the server checks everything again. */
export function checkDrafts(drafts: readonly IntakeDraft[], models: readonly DeviceModel[], centreId: string | undefined): { rows: DeviceIntake[] } | { errors: IntakeErrors } {
  const errors = noErrors();
  const rows: DeviceIntake[] = [];
  drafts.forEach((d, i) => {
    const electric = models.find((m) => m.id === d.modelId)?.kind === 'electric';
    const parsed = DeviceIntake.safeParse(toBody(d, electric, centreId));
    if (parsed.success) rows.push(parsed.data);
    else for (const issue of parsed.error.issues) place(errors, i, String(issue.path[0] ?? ''), issue, drafts);
  });
  return errorCount(errors) > 0 ? { errors } : { rows };
}

/** A refusal's issues, which name `[field]` (one chair sent) or `['items', index, field]`, by row and field. */
export function serverErrors(issues: readonly ApiIssue[], drafts: readonly IntakeDraft[]): IntakeErrors {
  const errors = noErrors();
  for (const issue of issues) {
    const bulk = issue.path[0] === 'items';
    const index = bulk ? Number(issue.path[1]) : 0;
    place(errors, index, String((bulk ? issue.path[2] : issue.path[0]) ?? ''), issue, drafts);
  }
  return errors;
}
