// Centres of the programme (admins): code, name, city and province.
import { Task } from '@lit/task';
import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { Centre } from '../../../../schemas/centres.ts';
import { listCentres } from '../../data/centres.api.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import '../../ui/error-message.component.ts';
import { pageStyles } from '../../ui/page.styles.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';

@customElement('atensi-centre-list-page')
export class CentreListPage extends LitElement {
  static override styles = [sharedStyles, pageStyles];

  private readonly locale = new LocaleController(this);

  private readonly centres = new Task(this, {
    task: (_args, { signal }) => listCentres(signal),
    args: () => [],
  });

  override render() {
    return html`
      <h1 tabindex="-1">${t('centres.title')}</h1>
      ${this.centres.render({
        pending: () => html`<p class="status" role="status">${t('app.loading')}</p>`,
        error: (error) => html`<atensi-error-message .error=${error} retryable @atensi-retry=${() => this.centres.run()}></atensi-error-message>`,
        complete: (centres) => this.renderTable(centres),
      })}
    `;
  }

  private renderTable(centres: Centre[]) {
    if (centres.length === 0) return html`<p>${t('centres.empty')}</p>`;
    return html`<div class="table-wrap" role="region" aria-labelledby="centres-caption" tabindex="0">
      <table>
        <caption id="centres-caption" class="visually-hidden">${t('centres.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('col.code')}</th>
            <th scope="col">${t('col.name')}</th>
            <th scope="col">${t('col.city')}</th>
            <th scope="col">${t('col.province')}</th>
            <th scope="col">${t('centres.webhook.col.channel')}</th>
          </tr>
        </thead>
        <tbody>
          ${centres.map(
            (c) => html`<tr><td>${c.code}</td><td>${c.name}</td><td>${c.city}</td><td>${c.province}</td>
              <td><a href=${`/centres/${c.id}/webhook`} aria-label=${t('centres.webhook.linkFor', { centre: c.name })}>${t('centres.webhook.short')}</a></td></tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-centre-list-page': CentreListPage;
  }
}
