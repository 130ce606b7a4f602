// The words of a notification, from its kind and params: a headline per kind, and a detail line
// from the params this client knows (names are shown as given; codes only through the catalogue,
// never echoed raw, and a missing param just shortens the line).
import { ReportCategory, ReportStatus } from '../../../../schemas/reports.ts';
import type { NotificationView } from '../../../../schemas/notifications.ts';
import { WorkOrderKind, WorkOrderStatus } from '../../../../schemas/work-orders.ts';
import { t } from '../../i18n/i18n.ts';

const known = <T extends string>(options: readonly T[], v: string | undefined): v is T => v !== undefined && (options as readonly string[]).includes(v);

export function notificationTitle(n: Pick<NotificationView, 'kind'> & Partial<Pick<NotificationView, 'params'>>): string {
  // A red flag without its sign is the workshop's notice: urgent, clinical, for the therapists.
  if (n.kind === 'report_red_flag' && n.params && !known(ReportCategory.options, n.params.category)) return t('notifications.kind.report_clinical');
  return t(`notifications.kind.${n.kind}`);
}

/** `family`: families read report statuses in their own plainer words (the family catalogue's). */
export function notificationDetail(n: Pick<NotificationView, 'kind' | 'params'>, family = false): string {
  const p = n.params;
  const parts: string[] = [];
  if (p.beneficiary) parts.push(p.beneficiary);
  if (known(ReportCategory.options, p.category)) parts.push(family ? t(`family.reportCategory.${p.category}`) : t(`reports.category.${p.category}`));
  const workOrder = n.kind === 'work_order_assigned' || n.kind === 'work_order_status';
  if (workOrder && known(WorkOrderKind.options, p.kind)) parts.push(t(`workOrders.kind.${p.kind}`));
  if (workOrder && known(WorkOrderStatus.options, p.status)) parts.push(t('notifications.nowStatus', { status: t(`workOrders.status.${p.status}`) }));
  if (!workOrder && known(ReportStatus.options, p.status)) {
    parts.push(t('notifications.nowStatus', { status: family ? t(`family.reportStatus.${p.status}`) : t(`reports.status.${p.status}`) }));
  }
  if (p.serial) parts.push(p.serial);
  if (p.dueAt && /^\d{4}-\d\d-\d\d$/.test(p.dueAt)) parts.push(t('notifications.dueAt', { date: p.dueAt }));
  if (p.socPct !== undefined && /^\d{1,3}$/.test(p.socPct)) parts.push(t('notifications.battery', { pct: p.socPct }));
  return parts.join(' · ');
}
