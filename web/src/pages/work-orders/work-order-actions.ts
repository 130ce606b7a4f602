// The forms that move a work order: assign, schedule the visit, start, parts used, resolve, cancel.
// Only the moves the state machine allows from the current status are offered.
import { html, nothing } from 'lit';
import { Part, PART_QUANTITY, type WorkOrderAction, type WorkOrderActionName, type WorkOrderDetail, workOrderMoves } from '../../../../schemas/work-orders.ts';
import { t } from '../../i18n/i18n.ts';
import { requiredText } from '../fleet/work-order-forms.ts';
import { outcomeFields, readOutcome } from './refurbishment-form.ts';

export interface ActionHandlers {
  busy: boolean;
  parts: Part[];
  notesError: boolean;
  reasonError: boolean;
  /** The parts row whose name or quantity is refused, if any. */
  partError: PartError | undefined;
  submit: (action: WorkOrderAction) => void;
  setParts: (parts: Part[]) => void;
  invalid: (field: 'notes' | 'reason' | 'when' | 'assignee') => void;
  invalidPart: (error: PartError) => void;
}

export interface PartError {
  row: number;
  field: 'name' | 'qty';
}

/**
 * The parts to save, each checked with the shared schema. A row without a name is an unused row and
 * is left out; a named row with a quantity of 0, a negative or a fraction is refused at its field
 * instead of silently dropping the part.
 */
export function checkParts(parts: readonly Part[]): { parts: Part[] } | { error: PartError } {
  const kept: Part[] = [];
  for (const [row, p] of parts.entries()) {
    const part = { name: p.name.trim(), quantity: p.quantity };
    if (!part.name) continue;
    const checked = Part.safeParse(part);
    if (!checked.success) return { error: { row, field: checked.error.issues.some((i) => i.path[0] === 'name') ? 'name' : 'qty' } };
    kept.push(checked.data);
  }
  return { parts: kept };
}

export const allows = (w: WorkOrderDetail, action: WorkOrderActionName) => workOrderMoves[action].from.includes(w.status);

const value = (form: HTMLFormElement, name: string) => String(new FormData(form).get(name) ?? '').trim();

function onForm(build: (form: HTMLFormElement) => WorkOrderAction | null, h: ActionHandlers) {
  return (e: SubmitEvent) => {
    e.preventDefault();
    const action = build(e.target as HTMLFormElement);
    if (action) h.submit(action);
  };
}

/** The value of a datetime-local field (local time), as an instant. */
function localToIso(v: string): string | null {
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function actionForms(w: WorkOrderDetail, h: ActionHandlers) {
  if (!Object.keys(workOrderMoves).some((a) => allows(w, a as WorkOrderActionName))) return html`<p>${t('workOrders.noActions')}</p>`;
  /** The checked parts, or null after pointing the person at the refused field. */
  const cleanParts = (): Part[] | null => {
    const checked = checkParts(h.parts);
    if ('error' in checked) {
      h.invalidPart(checked.error);
      return null;
    }
    return checked.parts;
  };
  return html`
    ${allows(w, 'assign') && w.assignable
      ? html`<form class="form card" novalidate aria-labelledby="assign-h" @submit=${onForm((f) => {
          const id = value(f, 'assignee');
          if (!id) {
            h.invalid('assignee');
            return null;
          }
          return { action: 'assign', assigneeId: id };
        }, h)}>
          <h3 id="assign-h">${t('workOrders.assign')}</h3>
          <div>
            <label for="assignee">${t('workOrders.assignTo')}</label>
            <select id="assignee" name="assignee">
              <option value="">${t('workOrders.choose')}</option>
              ${w.assignable.map((p) => html`<option value=${p.id} ?selected=${p.id === w.assignee?.id}>${p.name} (${t(`role.${p.role}`)})</option>`)}
            </select>
          </div>
          <div><button type="submit" ?disabled=${h.busy}>${t('workOrders.assign')}</button></div>
        </form>`
      : nothing}
    ${allows(w, 'schedule')
      ? html`<form class="form card" novalidate aria-labelledby="schedule-h" @submit=${onForm((f) => {
          const at = localToIso(value(f, 'when'));
          if (!at) {
            h.invalid('when');
            return null;
          }
          return { action: 'schedule', scheduledAt: at, location: value(f, 'location') === 'home' ? 'home' : 'centre' };
        }, h)}>
          <h3 id="schedule-h">${t('workOrders.schedule')}</h3>
          <div>
            <label for="when">${t('workOrders.when')}</label>
            <input id="when" name="when" type="datetime-local" required aria-describedby="family-sees" />
          </div>
          <fieldset>
            <legend>${t('workOrders.where')}</legend>
            ${(['centre', 'home'] as const).map(
              (l) => html`<label class="radio"><input type="radio" name="location" value=${l} ?checked=${(w.location ?? 'centre') === l} />${t(`workOrders.location.${l}`)}</label>`,
            )}
          </fieldset>
          <p class="hint" id="family-sees">${t('workOrders.familySees')}</p>
          <div><button type="submit" ?disabled=${h.busy}>${t('workOrders.schedule')}</button></div>
        </form>`
      : nothing}
    ${allows(w, 'start')
      ? html`<div class="card"><button type="button" ?disabled=${h.busy} @click=${() => h.submit({ action: 'start' })}>${t('workOrders.start')}</button></div>`
      : nothing}
    ${allows(w, 'parts')
      ? partsForm(h, () => {
          const parts = cleanParts();
          if (parts) h.submit({ action: 'parts', parts });
        })
      : nothing}
    ${allows(w, 'resolve')
      ? html`<form class="form card" novalidate aria-labelledby="resolve-h" @submit=${onForm((f) => {
          const notes = value(f, 'notes');
          if (!notes) {
            h.invalid('notes');
            return null;
          }
          const parts = cleanParts();
          if (!parts) return null;
          return { action: 'resolve', notes, ...(parts.length ? { parts } : {}), ...readOutcome(w, f) };
        }, h)}>
          <h3 id="resolve-h">${t('workOrders.resolve')}</h3>
          ${requiredText({ id: 'notes', name: 'notes', label: 'workOrders.resolveNotes', maxLength: 2000, invalid: h.notesError })}
          ${outcomeFields(w)}
          <div><button type="submit" ?disabled=${h.busy}>${t('workOrders.resolve')}</button></div>
        </form>`
      : nothing}
    ${allows(w, 'cancel')
      ? html`<details class="card">
          <summary>${t('workOrders.cancel')}</summary>
          <form class="form" novalidate @submit=${onForm((f) => {
            const reason = value(f, 'reason');
            if (!reason) {
            h.invalid('reason');
            return null;
          }
            return { action: 'cancel', reason };
          }, h)}>
            ${requiredText({ id: 'reason', name: 'reason', label: 'workOrders.cancelReason', maxLength: 500, invalid: h.reasonError })}
            <div><button type="submit" class="secondary danger" ?disabled=${h.busy}>${t('workOrders.cancel')}</button></div>
          </form>
        </details>`
      : nothing}
  `;
}

function partsForm(h: ActionHandlers, save: () => void) {
  const update = (i: number, patch: Partial<Part>) => h.setParts(h.parts.map((p, k) => (k === i ? { ...p, ...patch } : p)));
  return html`<form class="form card" novalidate aria-labelledby="parts-h" @submit=${(e: SubmitEvent) => (e.preventDefault(), save())}>
    <h3 id="parts-h">${t('workOrders.parts')}</h3>
    ${h.parts.map((p, i) => {
      const qtyError = h.partError?.row === i && h.partError.field === 'qty';
      const nameError = h.partError?.row === i && h.partError.field === 'name';
      return html`<fieldset>
        <legend>${t('workOrders.partRow', { n: i + 1 })}</legend>
        <div class="row">
          <div>
            <label for=${`part-name-${i}`}>${t('workOrders.partName')}</label>
            <input id=${`part-name-${i}`} type="text" maxlength="120" .value=${p.name} @input=${(e: InputEvent) => update(i, { name: (e.target as HTMLInputElement).value })}
              aria-invalid=${nameError ? 'true' : 'false'} aria-describedby=${nameError ? `part-name-${i}-error` : nothing} />
            ${nameError ? html`<p class="field-error" id=${`part-name-${i}-error`}>${t('workOrders.partNameInvalid')}</p>` : nothing}
          </div>
          <div>
            <label for=${`part-qty-${i}`}>${t('workOrders.partQty')}</label>
            <input id=${`part-qty-${i}`} type="number" inputmode="numeric" min=${PART_QUANTITY.min} max=${PART_QUANTITY.max} step="1" .value=${String(p.quantity)}
              aria-invalid=${qtyError ? 'true' : 'false'} aria-describedby=${qtyError ? `part-qty-${i}-error` : nothing}
              @input=${(e: InputEvent) => update(i, { quantity: Number((e.target as HTMLInputElement).value) })} />
            ${qtyError ? html`<p class="field-error" id=${`part-qty-${i}-error`}>${t('workOrders.partQtyRange', { min: PART_QUANTITY.min, max: PART_QUANTITY.max })}</p>` : nothing}
          </div>
          <div><button type="button" class="secondary" @click=${() => h.setParts(h.parts.filter((_, k) => k !== i))}>${t('workOrders.removePart', { n: i + 1 })}</button></div>
        </div>
      </fieldset>`;
    })}
    <div class="row">
      <div><button type="button" class="secondary" @click=${() => h.setParts([...h.parts, { name: '', quantity: 1 }])}>${t('workOrders.addPart')}</button></div>
      <div><button type="submit" ?disabled=${h.busy}>${t('workOrders.saveParts')}</button></div>
    </div>
  </form>`;
}
