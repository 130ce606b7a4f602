// Words and badges of family reports (staff words, or the family's plainer ones): category, status and the red-flag badge
// (an icon and words, never colour alone). Keys live in i18n/reports.{id,en}.ts.
import { html, nothing } from 'lit';
import { isOpenReportStatus, type ReportCategory, type ReportStatus } from '../../../../schemas/reports.ts';
import { t } from '../../i18n/i18n.ts';
import { icon } from '../../ui/icons.ts';

/** `family`: the plainer words families read on Home (family catalogue), for the same values. */
/** null: the sign is withheld (a red flag as a technician meets it). */
export const categoryLabel = (c: ReportCategory | null, family = false) =>
  c === null ? t('reports.clinicalWithheld') : t(family ? `family.reportCategory.${c}` : `reports.category.${c}`);
export const statusLabel = (s: ReportStatus, family = false) => t(family ? `family.reportStatus.${s}` : `reports.status.${s}`);

export const isDone = (s: ReportStatus) => !isOpenReportStatus(s);

export function statusTag(s: ReportStatus, family = false) {
  return html`<span class="tag ${isDone(s) ? 'done' : ''}" data-status=${s}>${statusLabel(s, family)}</span>`;
}

export function redFlagTag(redFlag: boolean) {
  return redFlag ? html`<span class="tag urgent">${icon('alert')}<span>${t('reports.redFlag')}</span></span>` : nothing;
}
