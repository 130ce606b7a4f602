// A printable QR label for one chair: serial, model, centre, and a QR code of the chair's short
// address (/c/<id>), which opens the chair's page for staff and the report flow for its family.
// On paper only the label prints (the app shell hides its chrome; this page hides its own tools).
import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DeviceDetail } from '../../../../schemas/devices.ts';
import { getDevice } from '../../data/devices.api.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import '../../ui/error-message.component.ts';
import { emit } from '../../ui/events.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { qrSvg } from './qr.ts';

/** The absolute address a chair's label encodes. */
export const chairLinkUrl = (deviceId: string, origin = location.origin) => `${origin}/c/${encodeURIComponent(deviceId)}`;

@customElement('atensi-chair-label-page')
export class ChairLabelPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .tools { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 0 0 1rem; }
      .label {
        width: min(100%, 22rem); margin: 0; border: 2px dashed var(--c-border); border-radius: var(--radius); background: #fff; color: #000;
        padding: 1rem; display: grid; gap: 0.5rem; justify-items: center; text-align: center;
      }
      .qr { width: min(100%, 14rem); height: auto; display: block; }
      .url { font-family: ui-monospace, monospace; font-size: 0.85rem; overflow-wrap: anywhere; margin: 0; }
      .serial { font-size: 1.5rem; font-weight: 800; letter-spacing: 0.04em; margin: 0; }
      .facts { margin: 0; font-size: 1rem; }
      .scan { margin: 0; font-weight: 600; }
      @media print {
        .screen-only { display: none !important; }
        :host { margin: 0; }
        .label { border: 1px solid #000; width: 8cm; padding: 0.4cm; break-inside: avoid; }
        .qr { width: 5cm; }
      }
    `,
  ];

  @property() deviceId = '';

  private readonly locale = new LocaleController(this);

  private readonly device = new Task(this, {
    task: ([id], { signal }) => getDevice(id, signal),
    args: () => [this.deviceId] as const,
    onComplete: (d) => emit(this, 'page-title', { title: t('labels.titleFor', { serial: d.serial }) }),
  });

  override render() {
    const d = this.device.value;
    return html`
      <div class="screen-only">
        <a class="back" href=${`/fleet/${this.deviceId}`}><span aria-hidden="true">←&nbsp;</span>${t('labels.back')}</a>
        <h1 tabindex="-1">${t('labels.title')}</h1>
        <p>${t('labels.intro')}</p>
        ${d ? html`<div class="tools"><button type="button" @click=${() => window.print()}>${t('labels.print')}</button></div>` : nothing}
      </div>
      ${this.device.status === TaskStatus.ERROR
        ? html`<atensi-error-message .error=${this.device.error} retryable @atensi-retry=${() => this.device.run()}></atensi-error-message>`
        : d
          ? this.renderLabel(d)
          : html`<p class="status" role="status">${t('app.loading')}</p>`}
    `;
  }

  private renderLabel(d: DeviceDetail) {
    const url = chairLinkUrl(d.id);
    return html`<figure class="label" aria-labelledby="label-serial">
      <p class="serial" id="label-serial">${d.serial}</p>
      ${qrSvg(url, t('labels.qrAlt', { serial: d.serial }))}
      <p class="url" data-url>${url}</p>
      <p class="facts">${d.modelName}</p>
      <p class="facts">${d.centreName}</p>
      <p class="scan">${t('labels.scan')}</p>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-chair-label-page': ChairLabelPage;
  }
}
