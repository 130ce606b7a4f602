// One family report, at the one address notifications link to (/reports/:id). Staff see who
// reported it, the chair, photos, every status change and the thread, and triage it
// (atensi-report-triage, also usable on its own); families get the same page as the server trims it
// (advice, status history, the thread), without staff-only facts or triage.
// Comments and the family's words are plain text, always rendered as text.
import { inRoles, workshopRoles } from '../../../../schemas/common.ts';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Me } from '../../../../schemas/auth.ts';
import { PHOTO_LIMITS, type ReportContact, type ReportDetail } from '../../../../schemas/reports.ts';
import { meContext } from '../../data/session.context.ts';
import { PollController } from '../../data/poll.controller.ts';
import { addComment, getReport, requestPhoto } from '../../data/reports.api.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import '../../ui/error-message.component.ts';
import { emit } from '../../ui/events.ts';
import { icon } from '../../ui/icons.ts';
import { workPageStyles } from '../../ui/page.styles.ts';
import { WriteController } from '../../ui/write.controller.ts';
import '../family/report-add-photo.component.ts';
import './report-triage.component.ts';
import type { ReportTriagedEvent } from './report-triage.component.ts';
import { categoryLabel, isDone, redFlagTag, statusLabel, statusTag } from './report-words.ts';


function fact(key: MessageKey, value: unknown) {
  return html`<dt>${t(key)}</dt><dd>${value === null || value === undefined || value === '' ? t('beneficiaries.detail.notRecorded') : value}</dd>`;
}

@customElement('atensi-report-page')
export class ReportPage extends LitElement {
  static override styles = [
    workPageStyles,
    css`
      .subtitle { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
      .photos { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.75rem; }
      .photos a { display: block; min-height: var(--target); }
      .photos img { display: block; max-width: min(100%, 14rem); height: auto; border-radius: var(--radius); border: 1px solid var(--c-line); }
      ol.events, ul.thread { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.5rem; }
      ol.events li, ul.thread li { background: var(--c-surface); border: 1px solid var(--c-line); border-radius: var(--radius); padding: 0.5rem 0.75rem; }
      .when { color: var(--c-muted); font-size: 0.9rem; }
      ul.thread li.family { border-left: 4px solid var(--c-primary); }
      .comment-body { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.25rem 0 0; }
      .advice { margin: 0.75rem 0; }
    `,
  ];

  @property() reportId = '';
  @consume({ context: meContext, subscribe: true }) @state() private me: Me | undefined;
  @state() private comment = '';
  @state() private commentError = false;

  private readonly locale = new LocaleController(this);
  private readonly write = new WriteController(this);
  private readonly poll = new PollController(this, () => {
    if (!this.write.busy) void this.report.run();
  });

  private readonly report = new Task(this, {
    task: ([id], { signal }) => getReport(id, signal),
    args: () => [this.reportId] as const,
    onComplete: (r) => emit(this, 'page-title', { title: categoryLabel(r.category, !this.staff) }),
  });

  private get staff() {
    return this.me !== undefined && this.me.role !== 'family';
  }

  override render() {
    const r = this.report.value;
    return html`
      <a class="back" href=${this.staff ? '/reports' : '/'}><span aria-hidden="true">←&nbsp;</span>${this.staff ? t('reports.back') : t('reports.backHome')}</a>
      <h1 tabindex="-1">${r ? categoryLabel(r.category, !this.staff) : t('reports.detailTitle')}</h1>
      ${this.report.status === TaskStatus.ERROR && !r
        ? html`<atensi-error-message .error=${this.report.error} retryable @atensi-retry=${() => this.report.run()}></atensi-error-message>`
        : r
          ? this.renderReport(r)
          : html`<p class="status" role="status">${t('app.loading')}</p>`}
    `;
  }

  private renderReport(r: ReportDetail) {
    return html`
      <p class="subtitle">${redFlagTag(r.redFlag)}<span id="status">${statusTag(r.status, !this.staff)}</span></p>
      ${this.write.statusLine()}
      ${r.advice
        ? html`<div class="alert advice" role="note">${icon('alert')} <span>${r.advice}</span></div>`
        : r.redFlag && this.staff
          ? html`<div class="alert advice" role="note" data-guidance>${icon('alert')} <span>${r.staffGuidance ?? t('reports.redFlagStaff')}</span></div>`
          : nothing}
      ${r.contact ? this.renderContact(r.contact, r.redFlag) : nothing}
      ${this.renderDetails(r)}
      ${r.photos.length ? this.renderPhotos(r) : nothing}
      ${this.staff && !isDone(r.status) && r.photos.length < PHOTO_LIMITS.perReport
        ? html`<p><button type="button" class="secondary" ?disabled=${this.write.busy} @click=${() => this.askPhoto(r.id)}>${t('reports.askPhoto')}</button></p>`
        : nothing}
      ${!this.staff && !isDone(r.status)
        ? html`<section aria-labelledby="add-photo-heading">
            <h2 id="add-photo-heading">${t('family.reportPhoto.heading')}</h2>
            <atensi-report-add-photo .reportId=${r.id} .photoCount=${r.photos.length} @atensi-photo-added=${() => this.report.run()}></atensi-report-add-photo>
          </section>`
        : nothing}
      ${this.staff
        ? html`<section aria-labelledby="triage-heading">
            <h2 id="triage-heading">${t('reports.triage.section')}</h2>
            <div class="card">
              <atensi-report-triage .report=${r} .userRole=${this.me?.role ?? ''} @atensi-report-triaged=${this.onTriaged}></atensi-report-triage>
            </div>
          </section>`
        : nothing}
      ${this.renderEvents(r)}
      ${this.renderThread(r)}
    `;
  }

  /** How to reach the family, first on a red flag: the notification says to call them at once. */
  private renderContact(c: ReportContact, urgent: boolean) {
    const tel = (phone: string | null) => (phone ? html`<a href=${`tel:${phone.replace(/[^+\d]/g, '')}`}>${phone}</a>` : t('beneficiaries.detail.notRecorded'));
    return html`<section aria-labelledby="contact-heading" class=${urgent ? 'contact urgent' : 'contact'}>
      <h2 id="contact-heading">${t('reports.contact.heading')}</h2>
      <dl class="facts card">
        ${c.family.map((f) => html`<dt>${f.name} (${t(`relationship.${f.relationship}`)})</dt><dd>${tel(f.phone)}</dd>`)}
        <dt>${t('reports.contact.household')}</dt><dd>${tel(c.phone)}</dd>
      </dl>
    </section>`;
  }

  private renderDetails(r: ReportDetail) {
    const chair = r.deviceId
      ? (!!this.me && inRoles(workshopRoles, this.me.role))
        ? html`<a href=${`/fleet/${r.deviceId}`}>${t('reports.openChair')}</a>`
        : t('reports.chairLinked')
      : null;
    return html`<section aria-labelledby="details-heading">
      <h2 id="details-heading">${t('reports.details')}</h2>
      <dl class="facts card">
        ${fact('reports.col.beneficiary', this.staff ? html`<a href=${`/beneficiaries/${r.beneficiary.id}`}>${r.beneficiary.fullName}</a>` : r.beneficiary.fullName)}
        ${fact('reports.col.problem', categoryLabel(r.category, !this.staff))}
        ${fact(this.staff ? 'reports.description' : 'reports.words', r.description ? html`<span class="comment-body">${r.description}</span>` : t('reports.noDescription'))}
        ${this.staff ? fact('reports.reportedBy', r.reportedBy?.name) : nothing}
        ${fact('reports.reportedAt', formatDateTime(r.createdAt))}
        ${this.staff ? fact('reports.chair', chair) : nothing}
        ${r.visit ? fact('reports.visit', t('workOrders.visitValue', { time: formatDateTime(r.visit.at), place: t(`workOrders.location.${r.visit.location}`) })) : nothing}
      </dl>
    </section>`;
  }

  private renderPhotos(r: ReportDetail) {
    return html`<section aria-labelledby="photos-heading">
      <h2 id="photos-heading">${t('reports.photos')}</h2>
      <ul class="photos">
        ${r.photos.map(
          (p, i) => html`<li><a href=${p.url} target="_blank" rel="noopener">
            <img src=${p.url} width=${p.width} height=${p.height} loading="lazy" alt=${t('reports.photoAlt', { n: i + 1 })} />
          </a></li>`,
        )}
      </ul>
    </section>`;
  }

  private renderEvents(r: ReportDetail) {
    return html`<section aria-labelledby="events-heading">
      <h2 id="events-heading">${t('reports.events')}</h2>
      <ol class="events">
        ${r.events.map(
          (e) => html`<li>
            <strong>${statusLabel(e.status, !this.staff)}</strong>
            <span class="when"> · <time datetime=${e.at}>${formatDateTime(e.at)}</time>${e.by ? html` · ${e.by.name}` : nothing}</span>
            ${e.note ? html`<p class="comment-body">${e.note}</p>` : nothing}
          </li>`,
        )}
      </ol>
    </section>`;
  }

  private renderThread(r: ReportDetail) {
    return html`<section aria-labelledby="thread-heading">
      <h2 id="thread-heading">${t(this.staff ? 'reports.thread' : 'family.report.threadHeading')}</h2>
      ${r.comments.length
        ? html`<ul class="thread">
            ${r.comments.map(
              (c) => html`<li class=${c.author.role} data-comment=${c.id}>
                <strong>${c.mine ? t('reports.you') : c.author.name || t(c.author.role === 'family' ? 'reports.family' : 'reports.centre')}</strong>
                <span class="when"> · ${t(c.author.role === 'family' ? 'reports.family' : 'reports.centre')} · <time datetime=${c.createdAt}>${formatDateTime(c.createdAt)}</time></span>
                <p class="comment-body">${c.body}</p>
              </li>`,
            )}
          </ul>`
        : html`<p>${t('reports.noComments')}</p>`}
      <form class="form" novalidate @submit=${this.sendComment}>
        <div>
          <label for="comment">${this.staff ? t('reports.commentLabel') : t('reports.commentLabelFamily')}</label>
          <textarea id="comment" maxlength="2000" .value=${this.comment} aria-invalid=${this.commentError ? 'true' : 'false'}
            aria-describedby=${this.commentError ? 'comment-error' : nothing} @input=${(e: Event) => (this.comment = (e.target as HTMLTextAreaElement).value)}></textarea>
          ${this.commentError ? html`<p class="field-error" id="comment-error">${t('reports.commentEmpty')}</p>` : nothing}
        </div>
        ${this.write.errorLine()}
        <div><button type="submit" ?disabled=${this.write.busy}>${t('reports.commentSend')}</button></div>
      </form>
    </section>`;
  }

  /** The triage panel announces the outcome itself; the page reloads to show the new history. */
  private readonly onTriaged = (_e: ReportTriagedEvent) => {
    void this.report.run();
  };

  private askPhoto(id: string) {
    void this.write.run(async () => {
      await requestPhoto(id);
      return t('reports.askPhotoSent');
    });
  }

  private async sendComment(e: SubmitEvent) {
    e.preventDefault();
    const body = this.comment.trim();
    this.commentError = !body;
    if (!body) {
      this.renderRoot.querySelector<HTMLElement>('#comment')?.focus();
      return;
    }
    await this.write.run(async () => {
      await addComment(this.reportId, body);
      this.comment = '';
      await this.report.run();
      return t('reports.commentSent');
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-report-page': ReportPage;
  }
}
