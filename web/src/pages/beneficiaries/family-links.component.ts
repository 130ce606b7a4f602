// The family accounts linked to a beneficiary, for admins: link an existing family account (with
// the relationship) or remove a link. New family accounts are made by invitation on the users page.
import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { BeneficiaryDetail } from '../../../../schemas/beneficiaries.ts';
import { Relationship } from '../../../../schemas/users.ts';
import { linkFamily, listFamilyAccounts, unlinkFamily } from '../../data/family-links.api.ts';
import { label } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { confirmAction } from '../../ui/confirm-dialog.component.ts';
import '../../ui/error-message.component.ts';
import { workPageStyles } from '../../ui/page.styles.ts';
import { WriteController } from '../../ui/write.controller.ts';
import '../requests/form/step-form.component.ts';
import type { FieldGroup } from '../requests/form/form-model.ts';

@customElement('atensi-family-links')
export class FamilyLinks extends LitElement {
  static override styles = [
    ...workPageStyles,
    css`
      a { display: inline-flex; align-items: center; min-height: var(--target); }
      li { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; padding: 0.25rem 0; }
    `,
  ];

  @property({ attribute: false }) beneficiary!: BeneficiaryDetail;
  @property({ attribute: false }) onChanged: (() => void) | undefined;

  private readonly locale = new LocaleController(this);
  private readonly write = new WriteController(this);

  private readonly accounts = new Task(this, {
    task: (_args, { signal }) => listFamilyAccounts(signal),
    args: () => [] as const,
  });

  private groups(linked: Set<string>, accounts: { id: string; name: string; email: string }[]): FieldGroup[] {
    const free = accounts.filter((a) => !linked.has(a.id));
    return [{
      fields: [
        { name: 'userId', label: 'beneficiaries.family.account', type: 'select', required: true, searchable: true, wide: true, options: () => free.map((a) => ({ value: a.id, label: `${a.name} (${a.email})` })) },
        { name: 'relationship', label: 'beneficiaries.family.relationship', type: 'select', required: true, options: () => Relationship.options.map((r) => ({ value: r, label: label('relationship', r) })) },
      ],
    }];
  }

  private link = async (body: Record<string, unknown>) => {
    const { userId, relationship } = body as { userId: string; relationship: Relationship };
    await linkFamily(userId, this.beneficiary.id, relationship);
    this.write.message = t('beneficiaries.family.linked');
    this.onChanged?.();
  };

  private async unlink(userId: string, name: string) {
    const yes = await confirmAction({
      title: 'beneficiaries.family.unlinkTitle', consequence: 'beneficiaries.family.unlinkConsequence',
      confirm: 'beneficiaries.family.unlink', keep: 'beneficiaries.family.keep', params: { name, person: this.beneficiary.fullName },
    });
    if (!yes) return;
    const ok = await this.write.run(async () => {
      await unlinkFamily(userId, this.beneficiary.id);
      return t('beneficiaries.family.unlinked', { name });
    });
    if (ok) this.onChanged?.();
  }

  override render() {
    const family = this.beneficiary.family ?? [];
    return html`<h3 id="family-admin-heading">${t('beneficiaries.family.manage')}</h3>
      ${family.length > 0
        ? html`<ul class="card">
            ${family.map((f) => html`<li>${f.name} · ${label('relationship', f.relationship)}
              <button type="button" class="secondary danger" ?disabled=${this.write.busy} @click=${() => this.unlink(f.userId, f.name)}>${t('beneficiaries.family.unlinkNamed', { name: f.name })}</button></li>`)}
          </ul>`
        : html`<p>${t('beneficiaries.family.none')}</p>`}
      ${this.write.statusLine()} ${this.write.errorLine()}
      ${this.accounts.render({
        pending: () => html`<p class="status" role="status">${t('app.loading')}</p>`,
        error: (e) => html`<atensi-error-message .error=${e} retryable @atensi-retry=${() => this.accounts.run()}></atensi-error-message>`,
        complete: (accounts) => html`<atensi-step-form label=${t('beneficiaries.family.link')} .groups=${this.groups(new Set(family.map((f) => f.userId)), accounts)}
          submitLabel="beneficiaries.family.link" .action=${this.link}></atensi-step-form>`,
      })}
      <p><a href="/users">${t('beneficiaries.family.invite')}</a></p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-family-links': FamilyLinks;
  }
}
