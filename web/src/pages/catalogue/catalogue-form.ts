// The form to add or change a device model: name, maker, kind, ISO 9999 code, sizes, supports,
// battery (electric only), service interval and the thresholds where the model differs from the
// defaults. Reads the submitted form into a request body; the server validates everything again.
import { html, nothing } from 'lit';
import { BatteryChemistry, DeviceKind } from '../../../../schemas/devices.ts';
import type { DeviceModel } from '../../../../schemas/device-models.ts';
import { defaultThresholds, modelThresholdBounds, type ModelThresholdKey } from '../../../../schemas/maintenance-rules.ts';
import type { ModelInput } from '../../data/device-models.api.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';

export type FormErrors = Partial<Record<'name' | 'manufacturer' | 'isoCode' | 'sizes', MessageKey>>;
const supports = ['pelvicBelt', 'lateralSupports', 'headSupport', 'tiltInSpace'] as const;
const thresholdKeys = Object.keys(modelThresholdBounds) as ModelThresholdKey[];

/** "400x420, 440 × 450" → the pairs; null when a part is not a width × depth pair. */
export function parseSizes(text: string): { seatWidthMm: number; seatDepthMm: number }[] | null {
  const parts = text.split(/[,;\n]+/).map((s) => s.trim()).filter(Boolean);
  const sizes = parts.map((p) => /^(\d{3})\s*[x×X*]\s*(\d{3})$/.exec(p)).map((m) => (m ? { seatWidthMm: Number(m[1]), seatDepthMm: Number(m[2]) } : null));
  return sizes.length && sizes.every((s) => s !== null) ? (sizes as { seatWidthMm: number; seatDepthMm: number }[]) : null;
}

const numberOrNull = (v: FormDataEntryValue | null) => (v === null || String(v).trim() === '' ? null : Number(v));

export function readModelForm(form: HTMLFormElement): { body: ModelInput } | { errors: FormErrors } {
  const data = new FormData(form);
  const text = (k: string) => String(data.get(k) ?? '').trim();
  const errors: FormErrors = {};
  if (!text('name')) errors.name = 'catalogue.error.required';
  if (!text('manufacturer')) errors.manufacturer = 'catalogue.error.required';
  if (!/^\d{2} ?\d{2} ?\d{2}$/.test(text('isoCode'))) errors.isoCode = 'catalogue.error.isoCode';
  const sizes = parseSizes(text('sizes'));
  if (!sizes) errors.sizes = 'catalogue.error.sizes';
  if (Object.keys(errors).length) return { errors };
  const kind = DeviceKind.parse(data.get('kind'));
  const electric = kind === 'electric';
  const thresholds = Object.fromEntries(thresholdKeys.map((k) => [k, numberOrNull(data.get(`t-${k}`))]).filter(([, v]) => v !== null));
  const body: ModelInput = {
    name: text('name'), manufacturer: text('manufacturer'), kind, isoCode: text('isoCode'), sizes: sizes!,
    ...Object.fromEntries(supports.map((s) => [s, data.get(s) === 'on'])),
    serviceIntervalMonths: Number(data.get('serviceIntervalMonths') || 12),
    batteryChemistry: electric ? BatteryChemistry.parse(data.get('batteryChemistry')) : null,
    ratedAh: electric ? numberOrNull(data.get('ratedAh')) : null,
    ratedCycles: electric ? numberOrNull(data.get('ratedCycles')) : null,
    serviceIntervalKm: electric ? numberOrNull(data.get('serviceIntervalKm')) : null,
    thresholds: electric && Object.keys(thresholds).length ? thresholds : null,
  };
  return { body };
}

function field(o: { id: string; label: MessageKey; value?: string | number | null; error?: MessageKey; type?: string; hint?: MessageKey; attrs?: { min?: number; max?: number; step?: string } }) {
  const errorId = `${o.id}-error`;
  const hintId = `${o.id}-hint`;
  const described = [o.hint ? hintId : '', o.error ? errorId : ''].filter(Boolean).join(' ');
  return html`<div>
    <label for=${o.id}>${t(o.label)}</label>
    <input id=${o.id} name=${o.id} type=${o.type ?? 'text'} .value=${o.value === null || o.value === undefined ? '' : String(o.value)}
      min=${o.attrs?.min ?? nothing} max=${o.attrs?.max ?? nothing} step=${o.attrs?.step ?? nothing}
      aria-invalid=${o.error ? 'true' : 'false'} aria-describedby=${described || nothing} />
    ${o.hint ? html`<p class="hint" id=${hintId}>${t(o.hint)}</p>` : nothing}
    ${o.error ? html`<p class="field-error" id=${errorId}>${t(o.error)}</p>` : nothing}
  </div>`;
}

export function modelForm(o: { model: DeviceModel | null; kind: DeviceKind; errors: FormErrors; busy: boolean; onKind: (k: DeviceKind) => void; onSubmit: (e: SubmitEvent) => void; onCancel: () => void }) {
  const m = o.model;
  const electric = o.kind === 'electric';
  return html`<form class="form card" id="model-form" @submit=${o.onSubmit} novalidate aria-labelledby="model-form-h">
    <h2 id="model-form-h" tabindex="-1">${t(m ? 'catalogue.form.editTitle' : 'catalogue.form.addTitle')}</h2>
    <div class="row">
      ${field({ id: 'name', label: 'catalogue.col.name', value: m?.name, error: o.errors.name })}
      ${field({ id: 'manufacturer', label: 'catalogue.col.manufacturer', value: m?.manufacturer, error: o.errors.manufacturer })}
    </div>
    <div class="row">
      <div>
        <label for="kind">${t('catalogue.col.kind')}</label>
        <select id="kind" name="kind" @change=${(e: Event) => o.onKind(DeviceKind.parse((e.target as HTMLSelectElement).value))}>
          ${DeviceKind.options.map((k) => html`<option value=${k} ?selected=${k === o.kind}>${t(`fleet.kind.${k}`)}</option>`)}
        </select>
      </div>
      ${field({ id: 'isoCode', label: 'catalogue.col.isoCode', value: m?.isoCode, error: o.errors.isoCode, hint: 'catalogue.form.isoHint' })}
    </div>
    ${field({ id: 'sizes', label: 'catalogue.col.sizes', value: m?.sizes.map((s) => `${s.seatWidthMm}×${s.seatDepthMm}`).join(', '), error: o.errors.sizes, hint: 'catalogue.form.sizesHint' })}
    <fieldset>
      <legend>${t('catalogue.form.supports')}</legend>
      ${supports.map((s) => html`<label class="radio"><input type="checkbox" name=${s} ?checked=${m ? m[s] : s === 'pelvicBelt'} /> ${t(`catalogue.support.${s}`)}</label>`)}
    </fieldset>
    <div class="row">
      ${field({ id: 'serviceIntervalMonths', label: 'catalogue.form.serviceMonths', value: m?.serviceIntervalMonths ?? 12, type: 'number', attrs: { min: 1, max: 60 } })}
      ${electric ? field({ id: 'serviceIntervalKm', label: 'catalogue.form.serviceKm', value: m?.serviceIntervalKm, type: 'number', attrs: { min: 10, max: 20000 } }) : nothing}
    </div>
    ${electric ? html`<fieldset>
      <legend>${t('catalogue.form.battery')}</legend>
      <div class="row">
        <div>
          <label for="batteryChemistry">${t('catalogue.form.chemistry')}</label>
          <select id="batteryChemistry" name="batteryChemistry">
            ${BatteryChemistry.options.map((c) => html`<option value=${c} ?selected=${m?.batteryChemistry === c}>${t(`fleet.chemistry.${c}`)}</option>`)}
          </select>
        </div>
        ${field({ id: 'ratedAh', label: 'catalogue.form.ratedAh', value: m?.ratedAh, type: 'number', attrs: { min: 1, max: 400, step: 'any' } })}
        ${field({ id: 'ratedCycles', label: 'catalogue.form.ratedCycles', value: m?.ratedCycles, type: 'number', attrs: { min: 50, max: 10000 } })}
      </div>
    </fieldset>
    <details class="thresholds">
      <summary>${t('catalogue.form.thresholds')}</summary>
      <p class="hint">${t('catalogue.form.thresholdsHint')}</p>
      <div class="row">
        ${thresholdKeys.map((k) => html`<div>
          <label for=${`t-${k}`}>${t(`catalogue.threshold.${k}`)}</label>
          <input id=${`t-${k}`} name=${`t-${k}`} type="number" step="any" min=${modelThresholdBounds[k][0]} max=${modelThresholdBounds[k][1]}
            placeholder=${String(defaultThresholds[k])} .value=${m?.thresholds?.[k] === undefined ? '' : String(m.thresholds[k])}
            aria-describedby=${`t-${k}-default`} />
          <p class="hint" id=${`t-${k}-default`}>${t('catalogue.form.default', { value: String(defaultThresholds[k]) })}</p>
        </div>`)}
      </div>
    </details>` : nothing}
    <div class="row">
      <button type="submit" ?disabled=${o.busy}>${t(m ? 'catalogue.form.save' : 'catalogue.form.add')}</button>
      <button type="button" class="secondary" @click=${o.onCancel}>${t('catalogue.form.cancel')}</button>
    </div>
  </form>`;
}
