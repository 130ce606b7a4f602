// The step records of a request as label/value lists: referral, assessment with the WHO
// measurements, prescription, funding, order and device, fittings and trainings. Each section
// appears only when the API sent it (clinical records are for therapists, managers and admins).
import { html, nothing, type TemplateResult } from 'lit';
import type { RequestDetail } from '../../../../schemas/requests.ts';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { fact } from '../../ui/facts.ts';
import { enumLabel } from './pathway-labels.ts';

const yesNo = (b: boolean) => t(b ? 'beneficiaries.detail.yes' : 'beneficiaries.detail.no');
// A field the API left out (clinical detail withheld without health-data consent) is not shown at
// all, rather than as "not recorded".
const sent = (key: MessageKey, value: string | null | undefined) => (value === undefined ? nothing : fact(key, value));
const sentYesNo = (key: MessageKey, value: boolean | undefined) => (value === undefined ? nothing : fact(key, yesNo(value)));
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
    ${fact('requests.field.source', enumLabel('source', x.source))}
    ${fact('requests.field.priority', enumLabel('priority', x.priority))}
    ${sent('requests.field.reason', x.reason)}
    ${fact('requests.field.appointmentType', enumLabel('appointment', x.appointmentType))}
    ${fact('requests.field.appointmentAt', x.appointmentAt ? formatDateTime(x.appointmentAt) : null)}
    ${fact('requests.referredOn', formatDate(x.createdAt))}
  </dl>`);
}

const measurementRows: [keyof NonNullable<RequestDetail['assessment']>['measurements'], MessageKey][] = [
  ['hipWidthMm', 'requests.field.hipWidth'],
  ['seatDepthLeftMm', 'requests.field.seatDepthLeft'],
  ['seatDepthRightMm', 'requests.field.seatDepthRight'],
  ['calfLengthLeftMm', 'requests.field.calfLengthLeft'],
  ['calfLengthRightMm', 'requests.field.calfLengthRight'],
  ['seatToRibCageMm', 'requests.field.seatToRibCage'],
  ['seatToShoulderMm', 'requests.field.seatToShoulder'],
  ['seatToOcciputMm', 'requests.field.seatToOcciput'],
];

export function assessmentSection(r: RequestDetail) {
  const a = r.assessment;
  if (!a) return nothing;
  return section('assessment-heading', 'requests.section.assessment', html`
    <dl class="facts card">
      ${fact('requests.field.assessedAt', formatDate(a.assessedAt))}
      ${fact('requests.by', a.assessedBy?.name)}
      ${fact('requests.field.goals', a.goals)}
      ${fact('requests.field.usageEnvironment', a.usageEnvironment)}
      ${fact('requests.field.dailyUseHours', a.dailyUseHours == null ? null : t('requests.hours', { hours: formatNumber(a.dailyUseHours) }))}
      ${fact('requests.field.terrain', a.terrain)}
      ${fact('requests.field.transport', a.transport)}
      ${fact('requests.field.transfers', a.transfers)}
      ${fact('requests.field.currentChair', a.currentChair)}
      ${fact('requests.field.sittingPosture', a.sittingPosture)}
      ${fact('requests.field.pelvicPosition', a.pelvicPosition)}
      ${fact('requests.field.pressureInjuryRisk', t(`risk.${a.pressureInjuryRisk}`))}
      ${fact('requests.field.notes', a.notes)}
    </dl>
    <h3 id="measurements-heading">${t('requests.group.measurements')}</h3>
    <div class="table-wrap" role="region" aria-labelledby="measurements-heading" tabindex="0">
      <table>
        <thead><tr><th scope="col">${t('requests.measurement')}</th><th scope="col" class="num">${t('requests.valueMm')}</th></tr></thead>
        <tbody>
          ${measurementRows.map(([key, label]) => html`<tr><th scope="row">${t(label)}</th><td class="num">${mm(a.measurements[key]) ?? t('beneficiaries.detail.notRecorded')}</td></tr>`)}
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
    ${fact('requests.group.supports', supports.length ? supports.join(', ') : t('requests.none'))}
    ${fact('requests.field.cushion', enumLabel('cushion', p.cushion))}
    ${sent('requests.field.accessories', p.accessories)}
    ${sent('requests.field.notes', p.notes)}
    ${fact('requests.prescribedOn', `${formatDate(p.prescribedAt)} · ${p.prescribedBy?.name ?? ''}`)}
  </dl>`);
}

export function fundingSection(r: RequestDetail) {
  if (!r.funding?.length) return nothing;
  return section('funding-heading', 'requests.section.funding', html`${r.funding.map((f) => html`<dl class="facts card">
    ${fact('requests.decision', enumLabel('decision', f.decision))}
    ${fact('requests.field.fundingSource', f.fundingSource)}
    ${sent(f.decision === 'rejected' ? 'requests.field.rejectReason' : 'requests.field.note', f.reason)}
    ${fact('requests.decidedOn', `${formatDate(f.decidedAt)} · ${f.decidedBy?.name ?? ''}`)}
  </dl>`)}`);
}

export function orderSection(r: RequestDetail) {
  if (!r.device && !r.expectedAt && r.orderSource == null) return nothing;
  return section('order-heading', 'requests.section.order', html`<dl class="facts card">
    ${r.orderSource !== undefined ? fact('requests.field.orderSource', r.orderSource ? enumLabel('orderSource', r.orderSource) : null) : nothing}
    ${r.supplier ? fact('requests.field.supplier', r.supplier) : nothing}
    ${fact('requests.field.expectedAt', r.expectedAt ? formatDate(r.expectedAt) : null)}
    ${r.device ? fact('requests.device', `${r.device.serial} · ${r.device.modelName}`) : nothing}
    ${r.deliveredAt ? fact('requests.field.deliveredAt', formatDate(r.deliveredAt)) : nothing}
  </dl>`);
}

export function fittingSection(r: RequestDetail) {
  if (!r.fittings?.length) return nothing;
  return section('fitting-heading', 'requests.section.fitting', html`${r.fittings.map((f, i) => html`<dl class="facts card">
    ${fact('requests.fittingNo', `${i + 1} · ${formatDateTime(f.fittedAt)} · ${f.fittedBy?.name ?? ''}`)}
    ${sentYesNo('requests.field.sizeOk', f.sizeOk)}
    ${sentYesNo('requests.field.postureOk', f.postureOk)}
    ${sentYesNo('requests.field.pressureOk', f.pressureOk)}
    ${sentYesNo('requests.field.movementOk', f.movementOk)}
    ${sent('requests.field.adjustments', f.adjustments)}
    ${fact('requests.outcome', enumLabel('outcome', f.outcome))}
  </dl>`)}`);
}

export function trainingSection(r: RequestDetail) {
  if (!r.trainings?.length) return nothing;
  const topics = [['transfers', 'requests.field.topicTransfers'], ['mobility', 'requests.field.topicMobility'], ['pressureRelief', 'requests.field.topicPressureRelief'], ['careMaintenance', 'requests.field.topicCare'], ['batteryCharging', 'requests.field.topicBattery'], ['whoToContact', 'requests.field.topicContact']] as const;
  // Charging is taught only for an electric chair: for a manual one "no" would read as a gap.
  const electric = (r.prescription?.model.kind ?? r.device?.kind) === 'electric';
  const taught = topics.filter(([k]) => k !== 'batteryCharging' || electric);
  return section('training-heading', 'requests.section.training', html`${r.trainings.map((x) => html`<dl class="facts card">
    ${fact('requests.trainedOn', `${formatDateTime(x.trainedAt)} · ${x.trainedBy?.name ?? ''}`)}
    ${fact('requests.field.trainee', enumLabel('trainee', x.trainee))}
    ${taught.map(([k, label]) => fact(label, yesNo(x[k])))}
    ${sent('requests.field.notes', x.notes)}
  </dl>`)}`);
}
