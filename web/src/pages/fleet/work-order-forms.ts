// Form pieces for work orders: the form to open one by hand (from the chair page) and a required text field.
import { html, nothing } from 'lit';
import { FaultCategory, WorkOrderKind, WorkOrderPriority, type CreateWorkOrderBody } from '../../../../schemas/work-orders.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';

/** A required free-text field; when left empty its error is tied to it for screen readers. */
export function requiredText(o: { id: string; name: string; label: MessageKey; maxLength: number; invalid: boolean }) {
  const errorId = `${o.id}-error`;
  return html`<div>
    <label for=${o.id}>${t(o.label)}</label>
    <textarea id=${o.id} name=${o.name} maxlength=${o.maxLength} required aria-invalid=${o.invalid ? 'true' : 'false'}
      aria-describedby=${o.invalid ? errorId : nothing}></textarea>
    ${o.invalid ? html`<p class="field-error" id=${errorId}>${t('workOrders.required')}</p>` : nothing}
  </div>`;
}

/** The fields of a hand-made work order, read from the submitted form. */
export function readNewWorkOrder(form: HTMLFormElement, deviceId: string): CreateWorkOrderBody | { error: 'description' } {
  const data = new FormData(form);
  const description = String(data.get('description') ?? '').trim();
  if (!description) return { error: 'description' };
  const kind = WorkOrderKind.parse(data.get('kind'));
  const category = String(data.get('category') ?? '');
  return {
    deviceId,
    kind,
    priority: WorkOrderPriority.parse(data.get('priority')),
    description,
    ...(kind === 'repair' && category ? { category: FaultCategory.parse(category) } : {}),
  };
}

export function newWorkOrderForm(o: { electric: boolean; busy: boolean; descriptionError: boolean; onSubmit: (e: SubmitEvent) => void }) {
  // A refurbishment is opened by a return, with its checklist, never by hand.
  const kinds = WorkOrderKind.options.filter((k) => k !== 'refurbishment' && (o.electric || k !== 'battery_replacement'));
  return html`<form class="form card" @submit=${o.onSubmit} novalidate>
    <div class="row">
      <div>
        <label for="wo-kind">${t('workOrders.new.kind')}</label>
        <select id="wo-kind" name="kind">${kinds.map((k) => html`<option value=${k} ?selected=${k === 'repair'}>${t(`workOrders.kind.${k}`)}</option>`)}</select>
      </div>
      <div>
        <label for="wo-priority">${t('workOrders.new.priority')}</label>
        <select id="wo-priority" name="priority">
          ${WorkOrderPriority.options.map((p) => html`<option value=${p} ?selected=${p === 'normal'}>${t(`workOrders.priority.${p}`)}</option>`)}
        </select>
      </div>
      <div>
        <label for="wo-category">${t('workOrders.new.category')}</label>
        <select id="wo-category" name="category">
          <option value="">${t('workOrders.new.categoryNone')}</option>
          ${FaultCategory.options.map((c) => html`<option value=${c}>${t(`workOrders.category.${c}`)}</option>`)}
        </select>
      </div>
    </div>
    ${requiredText({ id: 'wo-description', name: 'description', label: 'workOrders.new.description', maxLength: 2000, invalid: o.descriptionError })}
    <div><button type="submit" ?disabled=${o.busy}>${t('workOrders.new.submit')}</button></div>
  </form>`;
}
