// A family's Home: for each linked beneficiary, the chair in plain words, upcoming appointments,
// open reports (and those still on the phone), and the big "Report a problem" button.
import { Task } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DeviceSummary } from '../../../../schemas/devices.ts';
import { isApiError } from '../../data/api-error.ts';
import { discardItem, OUTBOX_CHANGE, outboxItems, retryItem, type OutboxItem } from '../../data/outbox.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import { relativeTime } from '../fleet/fleet-words.ts';
import '../../ui/error-message.component.ts';
import { icon } from '../../ui/icons.ts';
import { pageStyles } from '../../ui/page.styles.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { LOW_BATTERY_PCT, loadFamilyHome, type Appointment, type FamilyPerson } from './family-data.ts';
import { familyStyles } from './family.styles.ts';
import { rememberContext } from './report-context.ts';
import { reportIcon } from './report-icons.ts';
import '../chair-life/chair-history.component.ts';

@customElement('atensi-family-home')
export class FamilyHome extends LitElement {
  static override styles = [sharedStyles, pageStyles, familyStyles];

  /** The signed-in family member: the outbox keeps each account's reports apart. */
  @property() userId = '';
  @state() private waiting: OutboxItem[] = [];

  private readonly locale = new LocaleController(this);
  private readonly people = new Task(this, {
    task: async ([userId], { signal }) => {
      const people = await loadFamilyHome(signal);
      rememberContext(userId, people.map((p) => p.beneficiary), people.flatMap((p) => p.chairs));
      return people;
    },
    args: () => [this.userId] as const,
  });

  private readonly onOutbox = () => {
    const before = this.waiting.length;
    void this.readOutbox().then(() => {
      // Something left the outbox: it is now a report on the server.
      if (this.waiting.length < before) void this.people.run();
    });
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(OUTBOX_CHANGE, this.onOutbox);
    // Fetched now so that the service worker keeps it: the report flow must open offline too.
    void import('./report-new.page.ts');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Not in connectedCallback: a property set before this element was defined arrives at the first update.
    if (changed.has('userId')) void this.readOutbox();
  }

  override disconnectedCallback(): void {
    window.removeEventListener(OUTBOX_CHANGE, this.onOutbox);
    super.disconnectedCallback();
  }

  private outboxReads = 0;
  /** Reads may overlap (first render, and a send finishing meanwhile): the latest one started wins. */
  private async readOutbox() {
    if (!this.userId) return;
    const read = ++this.outboxReads;
    const items = await outboxItems(this.userId).catch(() => []);
    if (read === this.outboxReads) this.waiting = items;
  }

  override render() {
    return html`
      <p class="muted">${t('family.home.intro')}</p>
      ${this.people.render({
        pending: () => html`<p class="status" role="status">${t('app.loading')}</p>`,
        // Offline, Home cannot load, but a report can still be made (it waits on the phone) and the
        // reports kept on the phone still show.
        error: (error) => html`<atensi-error-message .error=${error} retryable @atensi-retry=${() => this.people.run()}></atensi-error-message>
          ${!(isApiError(error) && error.status >= 400 && error.status < 500)
            ? html`<a class="button big" href="/reports/new">${icon('alert')} ${t('family.home.reportButton')}</a>`
            : nothing}
          ${this.waiting.length
            ? html`<h2>${t('family.home.waitingHeading')}</h2>
                <ul class="plain" data-section="outbox">${this.waiting.map((w) => this.renderWaiting(w))}</ul>`
            : nothing}`,
        complete: (people) =>
          people.length === 0 ? html`<p>${t('home.familyEmpty')}</p>` : people.map((p) => this.renderPerson(p, people.length > 1)),
      })}
    `;
  }

  private renderPerson(p: FamilyPerson, several: boolean) {
    const b = p.beneficiary;
    const headingId = `person-${b.id}`;
    const waiting = this.waiting.filter((w) => w.body.beneficiaryId === b.id);
    return html`<article class="card person" aria-labelledby=${headingId} data-beneficiary=${b.id}>
      <h2 id=${headingId}><a href=${`/beneficiaries/${b.id}`}>${b.fullName}</a></h2>
      <a class="button big" href=${`/reports/new?beneficiary=${encodeURIComponent(b.id)}`}>
        ${icon('alert')} ${several ? t('family.home.reportButtonFor', { name: b.fullName }) : t('family.home.reportButton')}
      </a>

      <h3>${t('family.home.chairHeading')}</h3>
      ${p.chairs.length === 0
        ? html`<ul class="plain"><li>${t('family.home.noChair')}</li></ul>`
        : p.chairs.map((c) => this.renderChair(c))}

      <h3>${t('family.home.appointmentsHeading')}</h3>
      <ul class="plain" data-section="appointments">
        ${p.appointments.length === 0 ? html`<li>${t('family.home.noAppointments')}</li>` : p.appointments.map((a) => this.renderAppointment(a))}
      </ul>

      <h3>${t('family.home.reportsHeading')}</h3>
      <ul class="plain" data-section="reports">
        ${waiting.map((w) => this.renderWaiting(w))}
        ${p.reports.length === 0 && waiting.length === 0 ? html`<li>${t('family.home.noReports')}</li>` : nothing}
        ${p.reports.map(
          (r) => html`<li>
            <a class="row-link" href=${`/reports/${r.id}`}>${r.category ? html`${reportIcon(r.category, 28)} ${t(`family.reportCategory.${r.category}`)}` : t('family.report.urgent')}</a>
            <span class="status-pill">${t(`family.reportStatus.${r.status}`)}</span>
            ${r.redFlag ? html`<span class="status-pill urgent-pill">${t('family.report.urgent')}</span>` : nothing}
            <span class="muted">${formatDate(r.createdAt)}</span>
          </li>`,
        )}
      </ul>
    </article>`;
  }

  private renderChair(c: DeviceSummary) {
    const s = c.state;
    const lines = [];
    if (c.kind !== 'electric') lines.push(html`<li>${icon('wheelchair')} ${t('family.home.manualChair')}</li>`);
    else if (c.telemetryOff) lines.push(html`<li class="telemetry-off">${icon('battery')} ${t(`family.home.telemetryOff.${c.telemetryOff}`)}</li>`);
    else if (!s || s.socPct === null) lines.push(html`<li>${icon('battery')} ${t('family.home.neverSeen')}</li>`);
    else {
      const low = s.socPct < LOW_BATTERY_PCT && s.charging !== true;
      lines.push(html`<li>${icon('battery')} <strong>${t('family.home.battery', { pct: Math.round(s.socPct) })}</strong>
        ${s.charging
          ? html`<span class="ok">${icon('bolt')} ${t('family.home.charging')}</span>`
          : low
            ? html`<span class="warn">${icon('alert')} ${t('family.home.needsCharging')}</span>`
            : html`<span class="ok">${icon('check')} ${t('family.home.batteryOk')}</span>`}
      </li>`);
    }
    if (c.kind === 'electric' && s?.lastSeenAt) {
      lines.push(html`<li>${icon('info')} ${t('family.home.lastSeen', { time: relativeTime(s.lastSeenAt) })}</li>`);
    }
    const due = Date.parse(c.serviceDueAt) <= Date.now();
    lines.push(
      due
        ? html`<li class="warn">${icon('wrench')} ${t('family.home.serviceDue')}</li>`
        : html`<li>${icon('wrench')} ${t('family.home.serviceOn', { date: formatDate(c.serviceDueAt) })}</li>`,
    );
    // Only their own person's time with the chair: the server leaves out any previous user's steps.
    return html`<ul class="plain" data-chair=${c.id} aria-label=${`${c.modelName} · ${c.serial}`}>${lines}</ul>
      <details class="history" data-history-for=${c.id}>
        <summary>${t('chairLife.history.show')}</summary>
        <atensi-chair-history level="4" .deviceId=${c.id}></atensi-chair-history>
      </details>`;
  }

  private renderAppointment(a: Appointment) {
    // A follow-up is due on a day, not booked at an hour: a clock time would read as an appointment.
    const dayOnly = a.kind === 'followUp' || a.at.length === 10;
    const when = html`<time datetime=${a.at}>${dayOnly ? formatDate(a.at) : formatDateTime(a.at)}</time>`;
    if (a.kind === 'visit') {
      const what = t(`workOrders.kind.${a.what}`);
      return html`<li>${icon('wrench')} <span>${t('family.home.visit', { what })}${a.location ? html` · ${t(`workOrders.location.${a.location}`)}` : nothing}</span> ${when}</li>`;
    }
    const label: MessageKey = a.kind === 'followUp' ? 'family.home.followUp' : a.type ? `family.home.appointment.${a.type}` : 'family.home.appointment';
    return html`<li>${icon('clipboard')} <a class="row-link" href=${a.href}>${t(label)}</a> ${when}</li>`;
  }

  private renderWaiting(w: OutboxItem) {
    const failed = w.state === 'failed';
    return html`<li data-outbox=${w.clientRequestId}>
      ${reportIcon(w.body.category, 28)} <span>${t(`family.reportCategory.${w.body.category}`)}</span>
      <span class=${failed ? 'status-pill urgent-pill' : 'status-pill'}>${t(failed ? 'family.home.failed' : 'family.home.waiting')}</span>
      ${failed
        ? html`<button type="button" class="secondary" @click=${() => retryItem(w.clientRequestId)}>${t('family.home.retry')}</button>
            <button type="button" class="secondary" @click=${() => discardItem(w.clientRequestId)}>${t('family.home.discard')}</button>`
        : nothing}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-family-home': FamilyHome;
  }
}
