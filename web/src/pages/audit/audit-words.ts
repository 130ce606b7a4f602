// The audit log in words: readable actions and object types, links to the objects that have a page,
// and a short summary of an entry's details. Unknown actions and keys are shown as they are.
import { html, nothing } from 'lit';
import { Role } from '../../../../schemas/common.ts';
import { RequestState } from '../../../../schemas/requests.ts';
import { WorkOrderStatus } from '../../../../schemas/work-orders.ts';
import { label } from '../../i18n/format.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';

/** The actions the server records, by group (the part before the first dot, the filter's prefix). */
export const actionGroups = {
  beneficiary: ['beneficiary.list', 'beneficiary.read', 'beneficiary.create', 'beneficiary.update', 'beneficiary.export', 'beneficiary.anonymise', 'beneficiary.erase'],
  consent: ['consent.create', 'consent.withdraw'],
  health_data: ['health_data.read_withheld'],
  cp_profile: ['cp_profile.write'],
  hydrocephalus_profile: ['hydrocephalus_profile.write'],
  family_link: ['family_link.create', 'family_link.delete'],
  request: ['request.read', 'request.create', 'request.transition'],
  report: ['report.create', 'report.read', 'report.triage', 'report.comment', 'report.photo.add', 'report.photo.read'],
  work_order: ['work_order.create', 'work_order.assign', 'work_order.schedule', 'work_order.start', 'work_order.parts', 'work_order.checklist', 'work_order.resolve', 'work_order.cancel'],
  device: ['device.loan', 'device.return', 'device.refurbished', 'device.transfer', 'device.receive', 'device.battery', 'device.retire'],
  follow_up: ['follow_up.complete'],
  alert: ['alert.acknowledge'],
  user: ['user.create', 'user.update', 'user.disable', 'user.update_self', 'user.password_change', 'user.password_reset'],
  auth: ['auth.login', 'auth.logout', 'auth.login_failed', 'auth.login_blocked', 'auth.sign_out_everywhere'],
  session: ['session.end'],
  centre: ['centre.create', 'centre.update'],
  webhook: ['webhook.create', 'webhook.update', 'webhook.rotate', 'webhook.delete'],
  audit: ['audit.read'],
} as const satisfies Record<string, readonly string[]>;

export type ActionGroup = keyof typeof actionGroups;
export type KnownAction = (typeof actionGroups)[ActionGroup][number];
// Every known action and group has words in both catalogues (the compiler checks these keys).
type ActionKey = `audit.action.${KnownAction}` & MessageKey;
type GroupKey = `audit.group.${ActionGroup}` & MessageKey;

const knownActions = new Set<string>(Object.values(actionGroups).flat());

export const entityTypes = ['Beneficiary', 'DeviceRequest', 'WorkOrder', 'IssueReport', 'Device', 'User', 'Centre', 'WebhookEndpoint', 'Alert', 'FollowUp', 'Session'] as const;
type EntityType = (typeof entityTypes)[number];
const isEntityType = (value: string): value is EntityType => (entityTypes as readonly string[]).includes(value);

export function groupLabel(group: ActionGroup): string {
  return t(`audit.group.${group}` satisfies GroupKey);
}

/** The action in words, or as recorded when this version of the app does not know it. */
export function actionLabel(action: string): string {
  return knownActions.has(action) ? t(`audit.action.${action as KnownAction}` satisfies ActionKey) : action;
}

export function entityLabel(type: string): string {
  return isEntityType(type) ? t(`audit.entity.${type}`) : type;
}

export function roleLabel(role: string | null): string {
  const parsed = Role.safeParse(role);
  return parsed.success ? label('role', parsed.data) : (role ?? '');
}

const pages: Partial<Record<EntityType, string>> = {
  Beneficiary: '/beneficiaries/',
  DeviceRequest: '/requests/',
  WorkOrder: '/work-orders/',
  IssueReport: '/reports/',
  Device: '/fleet/',
};

/** The object of an entry: its type in words and its name (the id only as a tooltip), linked when it has a page. */
export function objectCell(type: string | null, id: string | null, name?: string | null) {
  if (!type && !id) return nothing;
  const typeText = type ? entityLabel(type) : '';
  if (!id) return typeText;
  const page = type && isEntityType(type) ? pages[type] : undefined;
  // Without a name (an erased record, an unknown type) a short id still tells entries apart.
  const what = name ? html`<span class="name">${name}</span>` : html`<span class="id">${id.length > 10 ? `${id.slice(0, 8)}…` : id}</span>`;
  return page
    ? html`<a class="object" href=${page + encodeURIComponent(id)} title=${id}>${typeText}: ${what}</a>`
    : html`<span title=${id}>${typeText}: ${what}</span>`;
}

/** Field names recorded in `fields` that the catalogues already have words for. */
const fieldWords: Record<string, MessageKey> = {
  fullName: 'audit.field.fullName', birthDate: 'beneficiaries.detail.birthDate', sex: 'beneficiaries.detail.sex', city: 'beneficiaries.detail.city', address: 'beneficiaries.detail.address', phone: 'beneficiaries.detail.phone',
  diagnosis: 'beneficiaries.detail.diagnosis', diagnosisNotes: 'beneficiaries.detail.diagnosisNotes', locale: 'language.label', name: 'audit.field.name', password: 'login.password',
};

/** States recorded in `from`/`to`, in words: a request's pathway step or a work order's status. */
function stateWord(action: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (action.startsWith('request.') && RequestState.safeParse(value).success) return t(`requests.state.${value as RequestState}`);
  if (action.startsWith('work_order.') && WorkOrderStatus.safeParse(value).success) return t(`workOrders.status.${value as WorkOrderStatus}`);
  return undefined;
}

const detailKeys = new Set(['clinical', 'fields', 'purposes', 'purpose', 'consentPurposes', 'reason', 'role', 'from', 'to', 'format', 'lang', 'kind', 'priority', 'enabled', 'counts', 'ids']);

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return t(value ? 'beneficiaries.detail.yes' : 'beneficiaries.detail.no');
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => `${k} ${valueText(v)}`)
      .join(', ');
  }
  return String(value);
}

/**
 * The details as "Name: value" pairs in words, long values shortened. Ids of related records are
 * left out (the object column names the record); unknown keys are shown as recorded.
 */
export function detailsSummary(details: Record<string, unknown> | null, action = ''): string {
  if (!details) return '';
  return Object.entries(details)
    .filter(([key, value]) => !(key.endsWith('Id') && typeof value === 'string'))
    .map(([key, value]) => {
      const name = detailKeys.has(key) ? t(`audit.detail.${key}` as MessageKey) : key;
      const text =
        key === 'role' && typeof value === 'string'
          ? roleLabel(value)
          : key === 'ids' && Array.isArray(value)
            ? String(value.length)
            : (key === 'from' || key === 'to') && stateWord(action, value)
              ? stateWord(action, value)!
              : key === 'fields' && Array.isArray(value)
                ? value.map((f) => (typeof f === 'string' && fieldWords[f] ? t(fieldWords[f]) : valueText(f))).join(', ')
                : valueText(value);
      return `${name}: ${text.length > 80 ? `${text.slice(0, 79)}…` : text}`;
    })
    .join(' · ');
}
