// The writes of clinical staff on a beneficiary's page: edit the details, the CP and hydrocephalus
// profiles, record a consent. One form open at a time; after a save the page reloads the record.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BeneficiaryDetail, ConsentBody, CpProfileBody, HydrocephalusProfileBody, UpdateBeneficiaryBody } from '../../../../schemas/beneficiaries.ts';
import { putCpProfile, putHydrocephalusProfile, recordConsent, updateBeneficiary } from '../../data/beneficiaries.api.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { workPageStyles } from '../../ui/page.styles.ts';
import '../requests/form/step-form.component.ts';
import type { FieldGroup, FormValues } from '../requests/form/form-model.ts';
import * as fields from './beneficiary-fields.ts';

type Panel = 'details' | 'cp' | 'hydro' | 'consent';

interface PanelSpec {
  open: MessageKey;
  saved: MessageKey;
  groups: () => FieldGroup[];
  defaults: (b: BeneficiaryDetail) => FormValues;
  schema: unknown;
  save: (id: string, body: Record<string, unknown>) => Promise<unknown>;
}

const panels: Record<Panel, PanelSpec> = {
  details: { open: 'beneficiaries.edit.details', saved: 'beneficiaries.edit.savedDetails', groups: fields.editGroups, defaults: fields.editDefaults, schema: fields.editSchema, save: (id, body) => updateBeneficiary(id, body as UpdateBeneficiaryBody) },
  cp: { open: 'beneficiaries.edit.cp', saved: 'beneficiaries.edit.savedCp', groups: fields.cpGroups, defaults: fields.cpDefaults, schema: fields.cpSchema, save: (id, body) => putCpProfile(id, body as CpProfileBody) },
  hydro: { open: 'beneficiaries.edit.hydro', saved: 'beneficiaries.edit.savedHydro', groups: fields.hydroGroups, defaults: fields.hydroDefaults, schema: fields.hydroSchema, save: (id, body) => putHydrocephalusProfile(id, body as HydrocephalusProfileBody) },
  consent: { open: 'beneficiaries.edit.consent', saved: 'beneficiaries.edit.savedConsent', groups: fields.consentGroups, defaults: fields.consentDefaults, schema: fields.consentSchema, save: (id, body) => recordConsent(id, fields.withPurposes(body, 'root') as ConsentBody) },
};

/** The clinical profiles need the health-data consent (the server refuses them without it). */
function panelsFor(b: BeneficiaryDetail): Panel[] {
  return b.healthDataConsent ? ['details', 'cp', 'hydro', 'consent'] : ['details', 'consent'];
}

@customElement('atensi-beneficiary-edit')
export class BeneficiaryEdit extends LitElement {
  static override styles = [
    ...workPageStyles,
    css`
      .choices { display: flex; flex-wrap: wrap; gap: 0.5rem; }
      .panel { margin-top: 1rem; }
      h3 { margin: 0 0 0.5rem; }
    `,
  ];

  @property({ attribute: false }) beneficiary!: BeneficiaryDetail;
  /** Called after a save, to load the record again. */
  @property({ attribute: false }) onChanged: (() => void) | undefined;

  @state() private open: Panel | undefined;
  @state() private message = '';

  private readonly locale = new LocaleController(this);

  private async toggle(panel: Panel) {
    this.open = this.open === panel ? undefined : panel;
    this.message = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.panel h3')?.focus();
  }

  private save = async (body: Record<string, unknown>) => {
    const panel = this.open!;
    await panels[panel].save(this.beneficiary.id, body);
    this.open = undefined;
    this.message = t(panels[panel].saved);
    this.onChanged?.();
  };

  override render() {
    const b = this.beneficiary;
    const spec = this.open ? panels[this.open] : undefined;
    return html`<section aria-labelledby="edit-heading">
      <h2 id="edit-heading">${t('beneficiaries.edit.title')}</h2>
      <div class="choices">
        ${panelsFor(b).map((p) => html`<button type="button" class="secondary" aria-expanded=${this.open === p ? 'true' : 'false'} @click=${() => this.toggle(p)}>${t(panels[p].open)}</button>`)}
      </div>
      <p class="status" role="status">${this.message}</p>
      ${spec
        ? html`<div class="panel card">
            <h3 tabindex="-1">${t(spec.open)}</h3>
            <atensi-step-form label=${t(spec.open)} .groups=${spec.groups()} .defaults=${spec.defaults(b)} .schema=${spec.schema}
              draftKey=${`beneficiary.${b.id}.${this.open}`} submitLabel="requests.form.save" .action=${this.save}></atensi-step-form>
          </div>`
        : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-beneficiary-edit': BeneficiaryEdit;
  }
}
