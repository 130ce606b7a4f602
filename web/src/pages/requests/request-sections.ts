// The step records of a request as label/value lists: referral, assessment with the WHO
// measurements, prescription, funding, order and device, fittings and trainings. Each section
// appears only when the API sent it (clinical records are for therapists, managers and admins).
import { html, nothing, type TemplateResult } from 'lit';
import type { RequestDetail } from '../../../../schemas/requests.ts';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { fact } from '../beneficiaries/facts.ts';
import { enumLabel } from './pathway-labels.ts';

const yesNo = (b: boolean) => t(b ? 'detail.yes' : 'detail.no');
const mm = (v: number | null | undefined) => (v == null ? null : `${formatNumber(v)} mm`);

function section(id: string, title: MessageKey, body: TemplateResult | typeof nothing) {
  return html`<section aria-labelledby=${id} class="record">
    <h2 id=${id}>${t(title)}</h2>
    ${body}
  </section>`;
}

export function referralSection(r: RequestDetail) {
  const x = r.referral;
  if (!x) return nothing;
  return section('referral-heading', 'requests.section.referral', html`<dl class="facts card">
    ${fact('pathway.field.source', enumLabel('source', x.source))}
    ${fact('pathway.field.priority', enumLabel('priority', x.priority))}
    ${fact('pathway.field.reason', x.reason)}
    ${fact('pathway.field.appointmentType', enumLabel('appointment', x.appointmentType))}
    ${fact('pathway.field.appointmentAt', x.appointmentAt ? formatDateTime(x.appointmentAt) : null)}
    ${fact('requests.referredOn', formatDate(x.createdAt))}
  </dl>`);
}

const measurementRows: [keyof NonNullable<RequestDetail['assessment']>['measurements'], MessageKey][] = [
  ['hipWidthMm', 'pathway.field.hipWidth'],
  ['seatDepthLeftMm', 'pathway.field.seatDepthLeft'],
  ['seatDepthRightMm', 'pathway.field.seatDepthRight'],
  ['calfLengthLeftMm', 'pathway.field.calfLengthLeft'],
  ['calfLengthRightMm', 'pathway.field.calfLengthRight'],
  ['seatToRibCageMm', 'pathway.field.seatToRibCage'],
  ['seatToShoulderMm', 'pathway.field.seatToShoulder'],
  ['seatToOcciputMm', 'pathway.field.seatToOcciput'],
];

export function assessmentSection(r: RequestDetail) {
  const a = r.assessment;
  if (!a) return nothing;
  return section('assessment-heading', 'requests.section.assessment', html`
    <dl class="facts card">
      ${fact('pathway.field.assessedAt', formatDate(a.assessedAt))}
      ${fact('requests.by', a.assessedBy?.name)}
      ${fact('pathway.field.goals', a.goals)}
      ${fact('pathway.field.usageEnvironment', a.usageEnvironment)}
      ${fact('pathway.field.dailyUseHours', a.dailyUseHours == null ? null : t('requests.hours', { hours: formatNumber(a.dailyUseHours) }))}
      ${fact('pathway.field.terrain', a.terrain)}
      ${fact('pathway.field.transport', a.transport)}
      ${fact('pathway.field.transfers', a.transfers)}
      ${fact('pathway.field.currentChair', a.currentChair)}
      ${fact('pathway.field.sittingPosture', a.sittingPosture)}
      ${fact('pathway.field.pelvicPosition', a.pelvicPosition)}
      ${fact('pathway.field.pressureInjuryRisk', t(`risk.${a.pressureInjuryRisk}`))}
      ${fact('pathway.field.notes', a.notes)}
    </dl>
    <h3 id="measurements-heading">${t('pathway.group.measurements')}</h3>
    <div class="table-wrap" role="region" aria-labelledby="measurements-heading" tabindex="0">
      <table>
        <thead><tr><th scope="col">${t('requests.measurement')}</th><th scope="col" class="num">${t('requests.valueMm')}</th></tr></thead>
        <tbody>
          ${measurementRows.map(([key, label]) => html`<tr><th scope="row">${t(label)}</th><td class="num">${mm(a.measurements[key]) ?? t('detail.notRecorded')}</td></tr>`)}
        </tbody>
      </table>
    </div>`);
}

export function prescriptionSection(r: RequestDetail) {
  const p = r.prescription;
  if (!p) return nothing;
  const supports = (['pelvicBelt', 'lateralSupports', 'headSupport', 'tiltInSpace'] as const).filter((s) => p[s]).map((s) => enumLabel('support', s));
  return section('prescription-heading', 'requests.section.prescription', html`<dl class="facts card">
    ${fact('requests.model', `${p.model.manufacturer} ${p.model.name} (${enumLabel('kind', p.model.kind)})`)}
    ${fact('requests.seat', t('requests.seatSize', { width: formatNumber(p.seatWidthMm), depth: formatNumber(p.seatDepthMm) }))}
    ${fact('pathway.group.supports', supports.length ? supports.join(', ') : t('requests.none'))}
    ${fact('pathway.field.cushion', enumLabel('cushion', p.cushion))}
    ${fact('pathway.field.accessories', p.accessories)}
    ${fact('pathway.field.notes', p.notes)}
    ${fact('requests.prescribedOn', `${formatDate(p.prescribedAt)} · ${p.prescribedBy?.name ?? ''}`)}
  </dl>`);
}

export function fundingSection(r: RequestDetail) {
  if (!r.funding?.length) return nothing;
  return section('funding-heading', 'requests.section.funding', html`${r.funding.map((f) => html`<dl class="facts card">
    ${fact('requests.decision', enumLabel('decision', f.decision))}
    ${fact('pathway.field.fundingSource', f.fundingSource)}
    ${fact(f.decision === 'rejected' ? 'pathway.field.rejectReason' : 'pathway.field.note', f.reason)}
    ${fact('requests.decidedOn', `${formatDate(f.decidedAt)} · ${f.decidedBy?.name ?? ''}`)}
  </dl>`)}`);
}

export function orderSection(r: RequestDetail) {
  if (!r.device && !r.expectedAt && r.orderSource == null) return nothing;
  return section('order-heading', 'requests.section.order', html`<dl class="facts card">
    ${r.orderSource !== undefined ? fact('pathway.field.orderSource', r.orderSource ? enumLabel('orderSource', r.orderSource) : null) : nothing}
    ${r.supplier ? fact('pathway.field.supplier', r.supplier) : nothing}
    ${fact('pathway.field.expectedAt', r.expectedAt ? formatDate(r.expectedAt) : null)}
    ${r.device ? fact('requests.device', `${r.device.serial} · ${r.device.modelName}`) : nothing}
    ${r.deliveredAt ? fact('pathway.field.deliveredAt', formatDate(r.deliveredAt)) : nothing}
  </dl>`);
}

export function fittingSection(r: RequestDetail) {
  if (!r.fittings?.length) return nothing;
  return section('fitting-heading', 'requests.section.fitting', html`${r.fittings.map((f, i) => html`<dl class="facts card">
    ${fact('requests.fittingNo', `${i + 1} · ${formatDateTime(f.fittedAt)} · ${f.fittedBy?.name ?? ''}`)}
    ${fact('pathway.field.sizeOk', yesNo(f.sizeOk))}
    ${fact('pathway.field.postureOk', yesNo(f.postureOk))}
    ${fact('pathway.field.pressureOk', yesNo(f.pressureOk))}
    ${fact('pathway.field.movementOk', yesNo(f.movementOk))}
    ${fact('pathway.field.adjustments', f.adjustments)}
    ${fact('requests.outcome', enumLabel('outcome', f.outcome))}
  </dl>`)}`);
}

export function trainingSection(r: RequestDetail) {
  if (!r.trainings?.length) return nothing;
  const topics = [['transfers', 'pathway.field.topicTransfers'], ['mobility', 'pathway.field.topicMobility'], ['pressureRelief', 'pathway.field.topicPressureRelief'], ['careMaintenance', 'pathway.field.topicCare'], ['batteryCharging', 'pathway.field.topicBattery'], ['whoToContact', 'pathway.field.topicContact']] as const;
  // Charging is taught only for an electric chair: for a manual one "no" would read as a gap.
  const electric = (r.prescription?.model.kind ?? r.device?.kind) === 'electric';
  const taught = topics.filter(([k]) => k !== 'batteryCharging' || electric);
  return section('training-heading', 'requests.section.training', html`${r.trainings.map((x) => html`<dl class="facts card">
    ${fact('requests.trainedOn', `${formatDateTime(x.trainedAt)} · ${x.trainedBy?.name ?? ''}`)}
    ${fact('pathway.field.trainee', enumLabel('trainee', x.trainee))}
    ${taught.map(([k, label]) => fact(label, yesNo(x[k])))}
    ${fact('pathway.field.notes', x.notes)}
  </dl>`)}`);
}
