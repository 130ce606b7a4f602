// Detail sections about the person and the record: personal data, diagnosis, consents, family.
import { html, nothing, type TemplateResult } from 'lit';
import type { BeneficiaryDetail } from '../../../../schemas/beneficiaries.ts';
import { Relationship } from '../../../../schemas/users.ts';
import { formatDate, label } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { fact } from '../../ui/facts.ts';
import { dataTable } from '../../ui/data-table.ts';

export function personalSection(b: BeneficiaryDetail) {
  return html`<section aria-labelledby="personal-heading">
    <h2 id="personal-heading">${t('beneficiaries.detail.personal')}</h2>
    <dl class="facts card">
      ${b.nik !== undefined ? fact('beneficiaries.form.nik', b.nik) : nothing}
      ${fact('beneficiaries.detail.birthDate', formatDate(b.birthDate))}
      ${fact('beneficiaries.detail.age', t('beneficiaries.detail.ageValue', { age: b.ageYears }))}
      ${fact('beneficiaries.detail.sex', label('sex', b.sex))}
      ${fact('beneficiaries.detail.city', b.city)}
      ${b.address !== undefined ? fact('beneficiaries.detail.address', b.address) : nothing}
      ${b.phone !== undefined ? fact('beneficiaries.detail.phone', b.phone) : nothing}
      ${fact('beneficiaries.detail.centre', b.centreName)}
    </dl>
  </section>`;
}

export function diagnosisSection(b: BeneficiaryDetail) {
  if (b.clinicalWithheld) return html`<p class="notice withheld" role="note">${t('beneficiaries.privacy.clinicalWithheld')}</p>`;
  if (b.diagnosis === undefined) return nothing;
  return html`<section aria-labelledby="diagnosis-heading">
    <h2 id="diagnosis-heading">${t('beneficiaries.detail.diagnosis')}</h2>
    <dl class="facts card">
      ${fact('beneficiaries.detail.diagnosis', label('diagnosis', b.diagnosis))}
      ${b.diagnosisNotes !== undefined ? fact('beneficiaries.detail.diagnosisNotes', b.diagnosisNotes) : nothing}
    </dl>
  </section>`;
}

export type Consent = NonNullable<BeneficiaryDetail['consents']>[number];

function givenBy(c: Consent) {
  if (c.guardianName && c.guardianRelationship) {
    return t('beneficiaries.consent.guardianRelated', { name: c.guardianName, relationship: label('guardianRelationship', c.guardianRelationship) });
  }
  return c.guardianName ? t('beneficiaries.consent.guardianNamed', { name: c.guardianName }) : label('givenBy', c.givenBy);
}

function consentStatus(c: Consent) {
  return c.withdrawnAt
    ? html`<span class="badge off">${t('beneficiaries.consent.withdrawn', { date: formatDate(c.withdrawnAt) })}</span>`
    : html`<span class="badge ok">${t('beneficiaries.consent.active')}</span>`;
}

/** The consents; with `onWithdraw` (clinical writers) each active one has a withdraw button. */
export function consentSection(b: BeneficiaryDetail, onWithdraw?: (c: Consent) => void) {
  if (b.consents === undefined) return nothing;
  const columns = ['purpose', 'givenBy', 'method', 'givenAt', 'status'] as const;
  return html`<section aria-labelledby="consent-heading">
    <h2 id="consent-heading">${t('beneficiaries.consent.title')}</h2>
    ${b.consents.length === 0
      ? html`<p>${t('beneficiaries.consent.none')}</p>`
      : dataTable({
          id: 'consent-heading',
          columns: [...columns.map((c) => ({ label: t(`beneficiaries.consent.${c}`) })), ...(onWithdraw ? [{ label: t('beneficiaries.consent.actions') }] : [])],
          rows: b.consents,
          row: (c) => html`<tr>
            <td>${label('purpose', c.purpose)}</td>
            <td>${givenBy(c)}</td>
            <td>${label('method', c.method)}</td>
            <td>${formatDate(c.givenAt)}</td>
            <td>${consentStatus(c)}</td>
            ${onWithdraw
              ? html`<td>${c.withdrawnAt ? nothing : html`<button type="button" class="secondary danger" @click=${() => onWithdraw(c)}>${t('beneficiaries.consent.withdrawNamed', { purpose: label('purpose', c.purpose) })}</button>`}</td>`
              : nothing}
          </tr>`,
        })}
  </section>`;
}

function relationship(value: string) {
  const parsed = Relationship.safeParse(value);
  return parsed.success ? label('relationship', parsed.data) : value;
}

/** The linked family accounts; `manage` (for admins) replaces the plain list with the link controls. */
export function familySection(b: BeneficiaryDetail, manage?: TemplateResult) {
  if (b.family === undefined) return nothing;
  return html`<section aria-labelledby="family-heading">
    <h2 id="family-heading">${t('beneficiaries.family.title')}</h2>
    ${manage ?? nothing}
    ${manage ? nothing : b.family.length === 0
      ? html`<p>${t('beneficiaries.family.none')}</p>`
      : html`<ul class="card people">
          ${b.family.map((f) => html`<li><strong>${f.name}</strong> · ${relationship(f.relationship)}</li>`)}
        </ul>`}
  </section>`;
}
