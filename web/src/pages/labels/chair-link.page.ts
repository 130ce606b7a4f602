// Where a chair's QR label lands (/c/<id>), after sign-in if needed (the app shell shows the sign-in
// form at any address and then the page itself): workshopRoles staff go to the chair's page, therapists
// to the beneficiary who uses it, families to the report flow for that beneficiary.
import { inRoles, workshopRoles } from '../../../../schemas/common.ts';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Me } from '../../../../schemas/auth.ts';
import { meContext } from '../../data/session.context.ts';
import { ApiError } from '../../data/api-error.ts';
import { getDevice } from '../../data/devices.api.ts';
import { getRequest, listRequests } from '../../data/requests.api.ts';
import { t } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { navigate } from '../../router/router.ts';
import '../../ui/error-message.component.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';


/** The family's beneficiary who uses this chair: the only one linked, else found through the requests that delivered chairs. */
async function familyOwner(me: Me, deviceId: string, signal: AbortSignal): Promise<string | undefined> {
  if (me.beneficiaryIds.length === 1) return me.beneficiaryIds[0];
  const requests = await listRequests({ limit: 50 }, signal);
  const details = await Promise.all(requests.items.map((r) => getRequest(r.id, signal)));
  return details.find((d) => d.device?.id === deviceId)?.beneficiary.id;
}

/** The in-app address a chair's label should open for this person. */
export async function chairLinkTarget(me: Me, deviceId: string, signal: AbortSignal): Promise<string | null> {
  if (inRoles(workshopRoles, me.role)) return `/fleet/${encodeURIComponent(deviceId)}`;
  // Confirms the chair is one this person may see (404 otherwise) before sending them anywhere.
  const device = await getDevice(deviceId, signal);
  if (me.role === 'family') {
    const owner = await familyOwner(me, device.id, signal);
    return owner ? `/reports/new?beneficiary=${encodeURIComponent(owner)}` : '/reports/new';
  }
  return device.beneficiary ? `/beneficiaries/${encodeURIComponent(device.beneficiary.id)}` : null;
}

@customElement('atensi-chair-link-page')
export class ChairLinkPage extends LitElement {
  static override styles = [sharedStyles];

  @property() deviceId = '';
  @consume({ context: meContext, subscribe: true }) @state() private me: Me | undefined;

  private readonly locale = new LocaleController(this);

  private readonly target = new Task(this, {
    task: async ([me, id], { signal }) => {
      if (!me) return undefined;
      const href = await chairLinkTarget(me, id, signal);
      if (href) navigate(href, { replace: true });
      return href;
    },
    args: () => [this.me, this.deviceId] as const,
  });

  override render() {
    const notYours = this.target.status === TaskStatus.ERROR && this.target.error instanceof ApiError && this.target.error.status === 404;
    return html`<h1 tabindex="-1">${t('labels.opening')}</h1>
      ${this.target.status === TaskStatus.ERROR
        ? notYours
          ? html`<p>${t('labels.notYours')}</p><p><a href="/">${t('labels.home')}</a></p>`
          : html`<atensi-error-message .error=${this.target.error} retryable @atensi-retry=${() => this.target.run()}></atensi-error-message>`
        : this.target.status === TaskStatus.COMPLETE && this.target.value === null
          ? html`<p>${t('labels.noBeneficiary')}</p><p><a href="/beneficiaries">${t('nav.beneficiaries')}</a></p>`
          : html`<p class="status" role="status">${t('app.loading')}</p>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-chair-link-page': ChairLinkPage;
  }
}
