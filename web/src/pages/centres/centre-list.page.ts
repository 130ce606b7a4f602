// Centres of the programme (admins): code, name, city and province; adding and changing one, and
// loading the programme's centre list in one action.
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Centre } from '../../../../schemas/centres.ts';
import { listCentres, loadProgrammeCentres } from '../../data/centres.api.ts';
import { WriteController } from '../../ui/write.controller.ts';
import './centre-form.component.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { ListController } from '../../ui/list.controller.ts';
import { pageStyles } from '../../ui/page.styles.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { dataTable } from '../../ui/data-table.ts';

@customElement('atensi-centre-list-page')
export class CentreListPage extends LitElement {
  static override styles = [sharedStyles, pageStyles];

  /** The centre being changed, if any. */
  @state() private editing: Centre | undefined;

  private readonly locale = new LocaleController(this);
  private readonly write = new WriteController(this);

  private readonly centres = new ListController(this, {
    filters: {},
    load: async (_filters, _page, signal) => ({ items: await listCentres(signal) }),
  });

  override render() {
    return html`
      <h1 tabindex="-1">${t('centres.title')}</h1>
      <section class="card" aria-labelledby="programme-h">
        <h2 id="programme-h">${t('centres.programme.heading')}</h2>
        <p>${t('centres.programme.intro')}</p>
        ${this.write.statusLine()} ${this.write.errorLine()}
        <button type="button" ?disabled=${this.write.busy} @click=${this.loadProgramme}>${t('centres.programme.load')}</button>
      </section>
      <atensi-centre-form .centre=${this.editing} @atensi-centres-changed=${() => this.centres.refresh()}></atensi-centre-form>
      ${this.editing ? html`<p><button type="button" class="secondary" @click=${() => (this.editing = undefined)}>${t('centres.form.addInstead')}</button></p>` : ''}
      ${this.centres.render({ empty: t('centres.empty'), rows: (centres) => this.renderTable(centres) })}
    `;
  }

  private loadProgramme() {
    void this.write.run(async () => {
      const r = await loadProgrammeCentres();
      this.centres.refresh();
      return t('centres.programme.done', { created: r.created, updated: r.updated, unchanged: r.unchanged });
    });
  }

  private edit(c: Centre) {
    this.editing = c;
    void this.updateComplete.then(() => this.renderRoot.querySelector('atensi-centre-form')?.scrollIntoView());
  }

  private renderTable(centres: readonly Centre[]) {
    return dataTable({
      id: 'centres-caption',
      caption: t('centres.caption'),
      columns: [...(['col.code', 'col.name', 'col.city', 'col.province'] as const).map((k) => ({ label: t(k) })), { label: t('centres.webhook.col.channel') }, { label: t('users.actions') }],
      rows: centres,
      row: (c) => html`<tr><td>${c.code}</td><td>${c.name}</td><td>${c.city}</td><td>${c.province}</td>
        <td><a href=${`/centres/${c.id}/webhook`} aria-label=${t('centres.webhook.linkFor', { centre: c.name })}>${t('centres.webhook.short')}</a></td>
        <td><button type="button" class="secondary" aria-label=${t('centres.form.editLabel', { centre: c.name })} @click=${() => this.edit(c)}>${t('centres.form.editButton')}</button></td></tr>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-centre-list-page': CentreListPage;
  }
}
