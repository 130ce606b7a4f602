// "Add account": name, email, phone, role, centre and language (and, for a family, the beneficiary
// they care for), created without a password; the answer's invitation link is then shown once.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Me } from '../../../../schemas/auth.ts';
import type { Centre } from '../../../../schemas/centres.ts';
import { locales, roles, type Role } from '../../../../schemas/common.ts';
import type { InvitedAccount } from '../../../../schemas/invitations.ts';
import { managerInvitableRoles, Relationship } from '../../../../schemas/users.ts';
import { ApiError } from '../../data/api-error.ts';
import { listBeneficiaries } from '../../data/beneficiaries.api.ts';
import { createUser } from '../../data/users.api.ts';
import { label } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { emit } from '../../ui/events.ts';
import { formStyles } from '../../ui/form.styles.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { WriteController } from '../../ui/write.controller.ts';
import './invitation-link.component.ts';

type Field = 'name' | 'email' | 'phone' | 'role' | 'centreId' | 'familyLink';

/**
 * @event atensi-user-changed - an account was added; the list reloads
 */
@customElement('atensi-user-new')
export class UserNew extends LitElement {
  static override styles = [sharedStyles, formStyles];

  @property({ attribute: false }) me!: Me;
  @property({ attribute: false }) centres: readonly Centre[] = [];
  @state() private chosenRole: Role = 'family';
  @state() private created: InvitedAccount | undefined;
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private beneficiaries: { id: string; fullName: string }[] = [];

  private readonly locale = new LocaleController(this);
  private readonly write = new WriteController(this);

  override connectedCallback() {
    super.connectedCallback();
    void listBeneficiaries({ limit: 200 }).then((page) => (this.beneficiaries = page.items), () => (this.beneficiaries = []));
  }

  private get roleChoices(): readonly Role[] {
    return this.me.role === 'admin' ? roles : managerInvitableRoles;
  }

  override render() {
    if (this.created) {
      return html`<atensi-invitation-link .link=${this.created.invitation} name=${this.created.user.name}
        @atensi-invitation-closed=${() => (this.created = undefined)}></atensi-invitation-link>`;
    }
    const admin = this.me.role === 'admin';
    const needsCentre = this.chosenRole !== 'admin' && this.chosenRole !== 'family';
    return html`<form class="form card" novalidate @submit=${this.submit} aria-labelledby="new-user-h">
      <h2 id="new-user-h">${t('users.new.heading')}</h2>
      <p class="hint">${t('users.new.intro')}</p>
      ${this.write.errorLine()}
      ${this.input('name', t('col.name'), 'text', 'name')}
      ${this.input('email', t('col.email'), 'email', 'email')}
      ${this.input('phone', t('users.new.phone'), 'tel', 'tel')}
      <div class="row">
        <div>
          <label for="role">${t('col.role')}</label>
          <select id="role" name="role" @change=${(e: Event) => (this.chosenRole = (e.target as HTMLSelectElement).value as Role)}>
            ${this.roleChoices.map((r) => html`<option value=${r} ?selected=${r === this.chosenRole}>${label('role', r)}</option>`)}
          </select>
        </div>
        <div>
          <label for="locale">${t('users.new.locale')}</label>
          <select id="locale" name="locale">${locales.map((l) => html`<option value=${l}>${t(`users.new.locale.${l}`)}</option>`)}</select>
        </div>
      </div>
      ${admin && this.chosenRole !== 'admin'
        ? html`<div>
            <label for="centreId">${t('col.centre')}</label>
            <select id="centreId" name="centreId" aria-invalid=${this.errors.centreId ? 'true' : 'false'} aria-describedby=${this.errors.centreId ? 'centreId-error' : nothing}>
              ${needsCentre ? nothing : html`<option value="">${t('users.new.noCentre')}</option>`}
              ${this.centres.map((c) => html`<option value=${c.id}>${c.name}</option>`)}
            </select>
            ${this.fieldError('centreId')}
          </div>`
        : nothing}
      ${this.chosenRole === 'family' ? this.renderLink() : nothing}
      <div><button type="submit" ?disabled=${this.write.busy}>${t('users.new.submit')}</button></div>
    </form>`;
  }

  private renderLink() {
    return html`<div class="row">
      <div>
        <label for="beneficiary">${t('users.new.beneficiary')}</label>
        <select id="beneficiary" name="beneficiary" aria-invalid=${this.errors.familyLink ? 'true' : 'false'} aria-describedby=${this.errors.familyLink ? 'familyLink-error' : nothing}>
          <option value="">${t('users.new.noBeneficiary')}</option>
          ${this.beneficiaries.map((b) => html`<option value=${b.id}>${b.fullName}</option>`)}
        </select>
        ${this.fieldError('familyLink')}
      </div>
      <div>
        <label for="relationship">${t('users.new.relationship')}</label>
        <select id="relationship" name="relationship">${Relationship.options.map((r) => html`<option value=${r}>${label('relationship', r)}</option>`)}</select>
      </div>
    </div>`;
  }

  private input(field: Field, text: string, type: string, autocomplete: string) {
    const error = this.errors[field];
    return html`<div>
      <label for=${field}>${text}</label>
      <input id=${field} name=${field} type=${type} autocomplete="off" data-autocomplete=${autocomplete} maxlength="160"
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${field}-error` : nothing} />
      ${this.fieldError(field)}
    </div>`;
  }

  private fieldError(field: Field) {
    const error = this.errors[field];
    return error ? html`<p class="field-error" id=${`${field}-error`}>${error}</p>` : nothing;
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const value = (k: string) => String(form.get(k) ?? '').trim();
    const errors: Partial<Record<Field, string>> = {};
    if (!value('name')) errors.name = t('users.new.required');
    if (!value('email')) errors.email = t('users.new.required');
    this.errors = errors;
    if (Object.keys(errors).length) return this.focusError();
    const beneficiaryId = value('beneficiary');
    // Admins choose the centre; a manager's staff are always of their own centre, which the body must name.
    const centreId = value('centreId') || (this.me.role === 'manager' && this.chosenRole !== 'family' ? this.me.centre?.id : undefined);
    const body = {
      name: value('name'),
      email: value('email'),
      ...(value('phone') ? { phone: value('phone') } : {}),
      role: this.chosenRole,
      locale: value('locale') as 'id' | 'en',
      ...(centreId ? { centreId } : {}),
      ...(this.chosenRole === 'family' && beneficiaryId ? { familyLink: { beneficiaryId, relationship: value('relationship') as Relationship } } : {}),
    };
    await this.write.run(async () => {
      try {
        this.created = await createUser(body);
        emit(this, 'user-changed', undefined);
      } catch (err) {
        if (!(err instanceof ApiError) || err.status !== 422 || !err.issues?.length) throw err;
        // An issue about a field this form does not show would otherwise be silent: show the error itself.
        if (err.issues.some((i) => !this.shownFields().includes(String(i.path[0]) as Field))) throw err;
        this.errors = Object.fromEntries(err.issues.map((i) => [String(i.path[0]), t('users.new.invalid')]));
        this.focusError();
      }
    });
  }

  /** The fields the form shows now: the centre only to admins, the child only for a family account. */
  private shownFields(): Field[] {
    return ['name', 'email', 'phone', 'role', ...(this.me.role === 'admin' && this.chosenRole !== 'admin' ? ['centreId' as const] : []), ...(this.chosenRole === 'family' ? ['familyLink' as const] : [])];
  }

  private focusError() {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-user-new': UserNew;
  }
}
