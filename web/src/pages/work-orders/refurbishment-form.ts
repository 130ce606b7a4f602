// A refurbishment's checklist on its work order: one checkbox and note per item, saved together,
// and the outcome fields of its resolve form (back to stock, or retired with a reason).
import { html, nothing } from 'lit';
import { RetireReason, type ChecklistEntry } from '../../../../schemas/chair-life.ts';
import type { WorkOrderAction, WorkOrderDetail } from '../../../../schemas/work-orders.ts';
import { t } from '../../i18n/i18n.ts';

/** The ticks of the submitted checklist form, one entry per item shown. */
function readTicks(form: HTMLFormElement, list: readonly ChecklistEntry[]): WorkOrderAction {
  const data = new FormData(form);
  const items = list.map((e) => {
    const note = String(data.get(`note-${e.item}`) ?? '').trim();
    return { item: e.item, done: data.get(`done-${e.item}`) === 'on', ...(note ? { note } : {}) };
  });
  return { action: 'checklist', items };
}

export function checklistForm(w: WorkOrderDetail, o: { busy: boolean; editable: boolean; submit: (a: WorkOrderAction) => void }) {
  const list = w.checklist ?? [];
  if (w.kind !== 'refurbishment' || list.length === 0) return nothing;
  const done = list.filter((e) => e.done).length;
  return html`<section aria-labelledby="checklist-heading">
    <h2 id="checklist-heading">${t('chairLife.checklist.title')}</h2>
    <p id="checklist-progress">${t('chairLife.checklist.progress', { done, total: list.length })}</p>
    <form class="form card" novalidate aria-describedby="checklist-progress" @submit=${(e: SubmitEvent) => (e.preventDefault(), o.submit(readTicks(e.target as HTMLFormElement, list)))}>
      ${list.map(
        (e) => html`<fieldset data-item=${e.item}>
          <legend>${t(`chairLife.item.${e.item}`)}</legend>
          <label class="radio"><input type="checkbox" name=${`done-${e.item}`} ?checked=${e.done} ?disabled=${!o.editable} />${t('chairLife.checklist.done')}</label>
          <label for=${`note-${e.item}`}>${t('chairLife.checklist.itemNote', { item: t(`chairLife.item.${e.item}`) })}</label>
          <input id=${`note-${e.item}`} name=${`note-${e.item}`} type="text" maxlength="500" .value=${e.note ?? ''} ?disabled=${!o.editable} />
        </fieldset>`,
      )}
      ${o.editable ? html`<div><button type="submit" ?disabled=${o.busy}>${t('chairLife.checklist.save')}</button></div>` : nothing}
    </form>
  </section>`;
}

/** The outcome fields a refurbishment's resolve form adds. */
export function outcomeFields(w: WorkOrderDetail) {
  if (w.kind !== 'refurbishment') return nothing;
  return html`<fieldset>
      <legend>${t('chairLife.outcome.legend')}</legend>
      ${(['in_stock', 'retired'] as const).map(
        (o) => html`<label class="radio"><input type="radio" name="outcome" value=${o} ?checked=${o === 'in_stock'} />${t(`chairLife.outcome.${o}`)}</label>`,
      )}
    </fieldset>
    <div>
      <label for="retireReason">${t('chairLife.retireReason.legend')}</label>
      <select id="retireReason" name="retireReason">
        <option value="">${t('chairLife.choose')}</option>
        ${RetireReason.options.map((r) => html`<option value=${r}>${t(`chairLife.retireReason.${r}`)}</option>`)}
      </select>
    </div>`;
}

/** The outcome read from the resolve form, for a refurbishment. */
export function readOutcome(w: WorkOrderDetail, form: HTMLFormElement) {
  if (w.kind !== 'refurbishment') return {};
  const data = new FormData(form);
  const outcome = data.get('outcome') === 'retired' ? 'retired' : 'in_stock';
  const reason = RetireReason.safeParse(data.get('retireReason'));
  return { outcome, ...(outcome === 'retired' && reason.success ? { retireReason: reason.data } : {}) } as const;
}
