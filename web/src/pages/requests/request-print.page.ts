// A printable summary of a request: the person, assessment with measurements, prescription and
// fittings, on paper for the file or the family. @media print hides the buttons here; the app
// shell hides its header and navigation.
import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { getRequest } from '../../data/requests.api.ts';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import '../../ui/error-message.component.ts';
import { emit } from '../../ui/events.ts';
import { pageStyles } from '../../ui/page.styles.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { fact } from '../../ui/facts.ts';
import { stateLabel } from './pathway-labels.ts';
import { requestStyles } from './request-detail.styles.ts';
import { assessmentSection, fittingSection, prescriptionSection, referralSection } from './request-sections.ts';

@customElement('atensi-request-print-page')
export class RequestPrintPage extends LitElement {
  static override styles = [
    sharedStyles,
    pageStyles,
    requestStyles,
    css`
      .toolbar { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin-bottom: 1rem; }
      @media print {
        .toolbar, .back { display: none !important; }
        .card, .table-wrap { border: 1px solid #999; break-inside: avoid; }
        section { break-inside: avoid-page; }
        h1 { font-size: 1.3rem; }
        a { color: inherit; text-decoration: none; }
      }
    `,
  ];

  @property() requestId = '';

  private readonly locale = new LocaleController(this);

  private readonly detail = new Task(this, {
    task: ([id], { signal }) => getRequest(id, signal),
    args: () => [this.requestId] as const,
    onComplete: (r) => emit(this, 'page-title', { title: t('requests.printTitle', { name: r.beneficiary.fullName }) }),
  });

  override render() {
    const r = this.detail.value;
    return html`
      <a class="back" href=${`/requests/${this.requestId}`}><span aria-hidden="true">←&nbsp;</span>${t('requests.backToRequest')}</a>
      <h1 tabindex="-1">${r ? t('requests.printTitle', { name: r.beneficiary.fullName }) : t('requests.printHeading')}</h1>
      ${this.detail.render({
        pending: () => html`<p class="status" role="status">${t('app.loading')}</p>`,
        error: (error) => html`<atensi-error-message .error=${error} retryable @atensi-retry=${() => this.detail.run()}></atensi-error-message>`,
        complete: (d) => html`
          <div class="toolbar"><button type="button" @click=${() => window.print()}>${t('requests.print')}</button></div>
          <dl class="facts card">
            ${fact('col.name', d.beneficiary.fullName)}
            ${fact('beneficiaries.detail.age', t('beneficiaries.detail.ageValue', { age: d.beneficiary.ageYears }))}
            ${fact('beneficiaries.detail.centre', d.centreName)}
            ${fact('requests.state', stateLabel(d.state))}
            ${d.therapist !== undefined ? fact('requests.therapist', d.therapist?.name) : nothing}
            ${fact('requests.printedOn', formatDate(new Date().toISOString()))}
          </dl>
          ${referralSection(d)} ${assessmentSection(d)} ${prescriptionSection(d)} ${fittingSection(d)}
        `,
      })}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-request-print-page': RequestPrintPage;
  }
}
