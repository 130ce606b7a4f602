// Detail sections with clinical data (therapists, managers and admins only; the API leaves them out
// for everyone else): the cerebral palsy and hydrocephalus profiles.
import { html, nothing } from 'lit';
import type { BeneficiaryDetail } from '../../../../schemas/beneficiaries.ts';
import { formatDate, formatNumber, label } from '../../i18n/format.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { fact } from '../../ui/facts.ts';

type CpProfile = NonNullable<BeneficiaryDetail['cpProfile']>;
type HydroProfile = NonNullable<BeneficiaryDetail['hydrocephalusProfile']>;

const roman = ['I', 'II', 'III', 'IV', 'V'];
const deformities = ['scoliosis', 'hipDislocation', 'windsweptHips', 'kyphosis'] as const;

/** Whether the diagnosis makes an absent profile worth pointing out. */
const expects = {
  cp: (b: BeneficiaryDetail) => b.diagnosis === 'cp' || b.diagnosis === 'both',
  hydro: (b: BeneficiaryDetail) => b.diagnosis === 'hydrocephalus' || b.diagnosis === 'both',
};

function notRecorded(id: string, title: MessageKey) {
  return html`<section aria-labelledby=${id}>
    <h2 id=${id}>${t(title)}</h2>
    <p class="card muted">${t('beneficiaries.detail.notRecorded')}</p>
  </section>`;
}

function deformityList(p: CpProfile) {
  const present = deformities.filter((d) => p[d]);
  if (present.length === 0) return t('beneficiaries.cp.noDeformities');
  return present.map((d) => t(`beneficiaries.deformity.${d}`)).join(', ');
}

export function cpSection(b: BeneficiaryDetail) {
  const p = b.cpProfile;
  if (p === undefined) return nothing;
  if (p === null) return expects.cp(b) ? notRecorded('cp-heading', 'beneficiaries.cp.title') : nothing;
  return html`<section aria-labelledby="cp-heading">
    <h2 id="cp-heading">${t('beneficiaries.cp.title')}</h2>
    <dl class="facts card">
      ${fact('beneficiaries.cp.gmfcs', t('beneficiaries.cp.gmfcsLevel', { level: roman[p.gmfcs - 1] ?? String(p.gmfcs) }))}
      ${fact('beneficiaries.cp.type', label('cpType', p.type))}
      ${fact('beneficiaries.cp.distribution', label('distribution', p.distribution))}
      ${fact('beneficiaries.cp.sitting', label('sitting', p.sittingLevel))}
      ${fact('beneficiaries.cp.tone', label('tone', p.tone))}
      ${fact('beneficiaries.cp.pelvic', p.pelvicPosition)}
      ${fact('beneficiaries.cp.deformities', deformityList(p))}
      ${fact('beneficiaries.cp.contractures', p.contractures)}
    </dl>
  </section>`;
}

function headCircumferences(p: HydroProfile) {
  if (p.headCircumferences.length === 0) return html`<p>${t('beneficiaries.hydro.noMeasurements')}</p>`;
  return html`<div class="table-wrap" role="region" aria-labelledby="head-heading" tabindex="0">
    <table>
      <thead>
        <tr><th scope="col">${t('beneficiaries.hydro.measuredAt')}</th><th scope="col" class="num">${t('beneficiaries.hydro.cm')}</th></tr>
      </thead>
      <tbody>
        ${p.headCircumferences.map(
          (m) => html`<tr><td>${formatDate(m.measuredAt)}</td><td class="num">${formatNumber(m.cm)}</td></tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

export function hydroSection(b: BeneficiaryDetail) {
  const p = b.hydrocephalusProfile;
  if (p === undefined) return nothing;
  if (p === null) return expects.hydro(b) ? notRecorded('hydro-heading', 'beneficiaries.hydro.title') : nothing;
  return html`<section aria-labelledby="hydro-heading">
    <h2 id="hydro-heading">${t('beneficiaries.hydro.title')}</h2>
    <dl class="facts card">
      ${fact('beneficiaries.hydro.shunt', p.shuntPresent ? t('beneficiaries.hydro.shuntPresent') : t('beneficiaries.hydro.shuntAbsent'))}
      ${p.shuntPresent ? fact('beneficiaries.hydro.shuntType', p.shuntType ? label('shunt', p.shuntType) : null) : nothing}
      ${p.shuntPresent ? fact('beneficiaries.hydro.shuntSide', p.shuntSide ? label('side', p.shuntSide) : null) : nothing}
      ${fact('beneficiaries.hydro.revisions', formatNumber(p.revisions))}
      ${p.revisions > 0 ? fact('beneficiaries.hydro.lastRevision', p.lastRevisionAt ? formatDate(p.lastRevisionAt) : null) : nothing}
      ${fact('beneficiaries.hydro.headSupport', p.headSupport)}
      ${fact('beneficiaries.hydro.occiputRisk', label('risk', p.occiputSkinRisk))}
      ${fact('beneficiaries.hydro.redFlags', p.redFlagNotes)}
    </dl>
    <h3 id="head-heading">${t('beneficiaries.hydro.headCircumference')}</h3>
    ${headCircumferences(p)}
  </section>`;
}
