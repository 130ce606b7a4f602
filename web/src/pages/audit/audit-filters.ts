// The audit log's filter bar: what the address and the form hold, how a local date range becomes
// the API's instants, and the form itself (applied with one button, so nothing reloads mid-typing).
// The form's default values are the applied filters, so form.reset() shows them again.
import { html, nothing } from 'lit';
import { Id } from '../../../../schemas/common.ts';
import type { AuditQuery } from '../../data/audit.api.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { patternField, textField, type QueryFields } from '../../ui/query-fields.ts';
import { actionGroups, actionLabel, entityLabel, entityTypes, groupLabel, type ActionGroup } from './audit-words.ts';

export const filterKeys = ['action', 'entityType', 'entityId', 'actorId', 'from', 'to'] as const;
export type AuditFilters = Record<(typeof filterKeys)[number], string>;

/** A problem per field, as a message key; the filters are applied only without any. */
export type FilterErrors = Partial<Record<'entityType' | 'entityId' | 'actorId' | 'to', MessageKey>>;

export const noFilters: AuditFilters = { action: '', entityType: '', entityId: '', actorId: '', from: '', to: '' };

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** How each filter is kept in the address (unknown or malformed values are dropped). */
export const auditFields: QueryFields<AuditFilters> = {
  action: textField(),
  entityType: textField(),
  entityId: textField(),
  actorId: textField(),
  from: patternField(datePattern),
  to: patternField(datePattern),
};

export function readFilterForm(form: HTMLFormElement): AuditFilters {
  const data = new FormData(form);
  const filters = { ...noFilters };
  for (const key of filterKeys) filters[key] = String(data.get(key) ?? '').trim();
  return filters;
}

/** What the API would refuse, said before asking it. */
export function validateFilters(f: AuditFilters): FilterErrors {
  const errors: FilterErrors = {};
  if (f.entityId && !Id.safeParse(f.entityId).success) errors.entityId = 'audit.filter.badId';
  if (f.entityId && !f.entityType) errors.entityType = 'audit.filter.needsType';
  if (f.actorId && !Id.safeParse(f.actorId).success) errors.actorId = 'audit.filter.badId';
  if (f.from && f.to && f.to < f.from) errors.to = 'audit.filter.dateOrder';
  return errors;
}

/** Dates are days in the person's own time zone: from its first to its last millisecond. */
export function toQuery(f: AuditFilters): AuditQuery {
  const query: AuditQuery = {};
  if (f.action) query.action = f.action;
  if (f.entityType) query.entityType = f.entityType;
  if (f.entityId) query.entityId = f.entityId;
  if (f.actorId) query.actorId = f.actorId;
  if (f.from) query.from = new Date(`${f.from}T00:00:00`).toISOString();
  if (f.to) query.to = new Date(`${f.to}T23:59:59.999`).toISOString();
  return query;
}

export interface FilterFormOptions {
  filters: AuditFilters;
  /** The actor's name when it was chosen from the table. */
  actorName: string | undefined;
  errors: FilterErrors;
  onSubmit: (e: SubmitEvent) => void;
  onClear: () => void;
}

function actionOptions(selected: string) {
  const known = (Object.keys(actionGroups) as ActionGroup[]).flatMap((g) => [`${g}.`, ...actionGroups[g]]);
  return html`
    <option value="" ?selected=${selected === ''}>${t('audit.filter.allActions')}</option>
    ${selected && !known.includes(selected) ? html`<option value=${selected} selected>${selected}</option>` : nothing}
    ${(Object.keys(actionGroups) as ActionGroup[]).map(
      (group) => html`<optgroup label=${groupLabel(group)}>
        <option value=${`${group}.`} ?selected=${selected === `${group}.`}>${t('audit.filter.groupAll', { group: groupLabel(group) })}</option>
        ${actionGroups[group].map((a) => html`<option value=${a} ?selected=${selected === a}>${actionLabel(a)}</option>`)}
      </optgroup>`,
    )}
  `;
}

function typeOptions(selected: string) {
  return html`
    <option value="" ?selected=${selected === ''}>${t('audit.filter.allTypes')}</option>
    ${selected && !(entityTypes as readonly string[]).includes(selected) ? html`<option value=${selected} selected>${selected}</option>` : nothing}
    ${entityTypes.map((type) => html`<option value=${type} ?selected=${selected === type}>${entityLabel(type)}</option>`)}
  `;
}

/** aria attributes and the message of a field that may be in error; the hint (if any) stays described. */
function fieldError(id: string, error: MessageKey | undefined, hint?: string) {
  const describedBy = [hint, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return {
    invalid: error ? 'true' : 'false',
    describedBy: describedBy || nothing,
    message: error ? html`<p class="field-error" id=${`${id}-error`}>${t(error)}</p>` : nothing,
  };
}

export function filterForm(o: FilterFormOptions) {
  const f = o.filters;
  const type = fieldError('f-type', o.errors.entityType);
  const entity = fieldError('f-entity', o.errors.entityId);
  const actor = fieldError('f-actor', o.errors.actorId, 'f-actor-hint');
  const to = fieldError('f-to', o.errors.to);
  return html`<form class="filters" role="search" aria-label=${t('audit.filter.label')} @submit=${o.onSubmit} novalidate>
    <div>
      <label for="f-action">${t('audit.filter.action')}</label>
      <select id="f-action" name="action">${actionOptions(f.action)}</select>
    </div>
    <div>
      <label for="f-type">${t('audit.filter.entityType')}</label>
      <select id="f-type" name="entityType" aria-invalid=${type.invalid} aria-describedby=${type.describedBy}>${typeOptions(f.entityType)}</select>
      ${type.message}
    </div>
    <div>
      <label for="f-entity">${t('audit.filter.entityId')}</label>
      <input id="f-entity" name="entityId" type="text" autocomplete="off" spellcheck="false" value=${f.entityId}
        aria-invalid=${entity.invalid} aria-describedby=${entity.describedBy} />
      ${entity.message}
    </div>
    <div>
      <label for="f-actor">${t('audit.filter.actor')}</label>
      <input id="f-actor" name="actorId" type="text" autocomplete="off" spellcheck="false" value=${f.actorId}
        aria-invalid=${actor.invalid} aria-describedby=${actor.describedBy} />
      <p class="hint" id="f-actor-hint">${o.actorName && f.actorId ? t('audit.filter.actorNamed', { name: o.actorName }) : t('audit.filter.actorHint')}</p>
      ${actor.message}
    </div>
    <div>
      <label for="f-from">${t('audit.filter.from')}</label>
      <input id="f-from" name="from" type="date" value=${f.from} />
    </div>
    <div>
      <label for="f-to">${t('audit.filter.to')}</label>
      <input id="f-to" name="to" type="date" value=${f.to} aria-invalid=${to.invalid} aria-describedby=${to.describedBy} />
      ${to.message}
    </div>
    <div class="actions">
      <button type="submit">${t('audit.filter.apply')}</button>
      <button type="button" class="secondary" @click=${o.onClear}>${t('audit.filter.clear')}</button>
    </div>
  </form>`;
}
