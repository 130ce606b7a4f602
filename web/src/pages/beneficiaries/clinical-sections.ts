// Detail sections with clinical data (therapists, managers and admins only; the API leaves them out
// for everyone else): the cerebral palsy and hydrocephalus profiles.
import { html, nothing } from 'lit';
import type { BeneficiaryDetail } from '../../../../schemas/beneficiaries.ts';
import { formatDate, formatNumber, label } from '../../i18n/format.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { fact } from './facts.ts';

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
    <p class="card muted">${t('detail.notRecorded')}</p>
  </section>`;
}

function deformityList(p: CpProfile) {
  const present = deformities.filter((d) => p[d]);
  if (present.length === 0) return t('cp.noDeformities');
  return present.map((d) => t(`deformity.${d}`)).join(', ');
}

export function cpSection(b: BeneficiaryDetail) {
  const p = b.cpProfile;
  if (p === undefined) return nothing;
  if (p === null) return expects.cp(b) ? notRecorded('cp-heading', 'cp.title') : nothing;
  return html`<section aria-labelledby="cp-heading">
    <h2 id="cp-heading">${t('cp.title')}</h2>
    <dl class="facts card">
      ${fact('cp.gmfcs', t('cp.gmfcsLevel', { level: roman[p.gmfcs - 1] ?? String(p.gmfcs) }))}
      ${fact('cp.type', label('cpType', p.type))}
      ${fact('cp.distribution', label('distribution', p.distribution))}
      ${fact('cp.sitting', label('sitting', p.sittingLevel))}
      ${fact('cp.tone', label('tone', p.tone))}
      ${fact('cp.pelvic', p.pelvicPosition)}
      ${fact('cp.deformities', deformityList(p))}
      ${fact('cp.contractures', p.contractures)}
    </dl>
  </section>`;
}

function headCircumferences(p: HydroProfile) {
  if (p.headCircumferences.length === 0) return html`<p>${t('hydro.noMeasurements')}</p>`;
  return html`<div class="table-wrap" role="region" aria-labelledby="head-heading" tabindex="0">
    <table>
      <thead>
        <tr><th scope="col">${t('hydro.measuredAt')}</th><th scope="col" class="num">${t('hydro.cm')}</th></tr>
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
  if (p === null) return expects.hydro(b) ? notRecorded('hydro-heading', 'hydro.title') : nothing;
  return html`<section aria-labelledby="hydro-heading">
    <h2 id="hydro-heading">${t('hydro.title')}</h2>
    <dl class="facts card">
      ${fact('hydro.shunt', p.shuntPresent ? t('hydro.shuntPresent') : t('hydro.shuntAbsent'))}
      ${p.shuntPresent ? fact('hydro.shuntType', p.shuntType ? label('shunt', p.shuntType) : null) : nothing}
      ${p.shuntPresent ? fact('hydro.shuntSide', p.shuntSide ? label('side', p.shuntSide) : null) : nothing}
      ${fact('hydro.revisions', formatNumber(p.revisions))}
      ${p.revisions > 0 ? fact('hydro.lastRevision', p.lastRevisionAt ? formatDate(p.lastRevisionAt) : null) : nothing}
      ${fact('hydro.headSupport', p.headSupport)}
      ${fact('hydro.occiputRisk', label('risk', p.occiputSkinRisk))}
      ${fact('hydro.redFlags', p.redFlagNotes)}
    </dl>
    <h3 id="head-heading">${t('hydro.headCircumference')}</h3>
    ${headCircumferences(p)}
  </section>`;
}
