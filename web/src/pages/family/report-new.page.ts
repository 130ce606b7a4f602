// Reporting a problem in at most three taps: (1) the button on Home, (2) a picture, (3) Send, with
// an optional photo and a few words. The report is kept on the phone first, so a weak connection
// loses nothing; red flags show what to do now, also when the report could not go yet.
import { consume } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { Me } from '../../../../schemas/auth.ts';
import { hydrocephalusCategories, isRedFlag, ReportCategory, reportCategoriesFor } from '../../../../schemas/reports.ts';
import { meContext } from '../../data/session.context.ts';
import { submitReport, type SendOutcome } from '../../data/outbox.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { LocaleController } from '../../i18n/locale.controller.ts';
import '../../ui/error-message.component.ts';
import { pageStyles } from '../../ui/page.styles.ts';
import { sharedStyles } from '../../ui/shared.styles.ts';
import { categoriesFor } from './family-data.ts';
import { familyStyles } from './family.styles.ts';
import { newClientRequestId } from './client-request-id.ts';
import { loadReportContext, type ReportPerson } from './report-context.ts';
import { photoPicker, photoPickerStyles, photoProblem } from './photo-picker.ts';
import { reportIcon } from './report-icons.ts';

// Grouped from the one list in schemas/reports.ts, so a new category shows without touching this page.
const chairCategories: readonly ReportCategory[] = ReportCategory.options.filter((c) => !isRedFlag(c));
const hydroCategories: readonly ReportCategory[] = hydrocephalusCategories;

/** What to do now when a red flag could not reach the centre yet (the server's advice is unavailable). */
function offlineAdvice(category: ReportCategory): MessageKey | undefined {
  if (category === 'pain_skin') return 'family.reportNew.offlineAdviceSkin';
  if (hydroCategories.includes(category)) return 'family.reportNew.offlineAdviceShunt';
  return undefined;
}

@customElement('atensi-report-new-page')
export class ReportNewPage extends LitElement {
  static override styles = [sharedStyles, pageStyles, familyStyles, photoPickerStyles];

  @consume({ context: meContext, subscribe: true }) @state() private me: Me | undefined;
  @state() private beneficiaryId = '';
  @state() private category: ReportCategory | undefined;
  @state() private photo: File | undefined;
  @state() private photoUrl: string | undefined;
  @state() private photoError: MessageKey | undefined;
  @state() private sending = false;
  @state() private outcome: SendOutcome | undefined;
  @state() private sendError: unknown;
  @query('h1') private heading!: HTMLElement;

  private readonly locale = new LocaleController(this);
  private readonly context = new Task(this, {
    task: async ([userId], { signal }) => {
      if (!userId) return initialState;
      const ctx = await loadReportContext(userId, signal);
      if (!this.beneficiaryId && ctx.people.length === 1) this.beneficiaryId = ctx.people[0]!.id;
      return ctx;
    },
    args: () => [this.me?.id] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.beneficiaryId = new URLSearchParams(location.search).get('beneficiary') ?? '';
  }

  override disconnectedCallback(): void {
    if (this.photoUrl) URL.revokeObjectURL(this.photoUrl);
    super.disconnectedCallback();
  }

  override render() {
    return html`
      <a class="back" href="/"><span aria-hidden="true">←&nbsp;</span>${t('family.reportNew.home')}</a>
      <h1 tabindex="-1">${this.outcome ? this.outcomeHeading(this.outcome) : t('family.reportNew.title')}</h1>
      ${this.context.render({
        pending: () => html`<p class="status" role="status">${t('app.loading')}</p>`,
        error: (e) => html`<atensi-error-message .error=${e} retryable @atensi-retry=${() => this.context.run()}></atensi-error-message>`,
        complete: ({ people, chairs }) => {
          if (this.outcome) return this.renderOutcome(this.outcome);
          if (people.length === 0) return html`<p>${t('family.reportNew.noBeneficiary')}</p>`;
          // One child: no need to ask whom the report is about.
          const person = people.find((p) => p.id === this.beneficiaryId) ?? (people.length === 1 ? people[0] : undefined);
          if (!person) return this.renderWho(people);
          if (!this.category) return this.renderPicks(person, categoriesFor(person.reportCategories ?? reportCategoriesFor(undefined), chairs));
          return this.renderConfirm(person, this.category);
        },
      })}
    `;
  }

  private renderWho(people: ReportPerson[]) {
    return html`<h2>${t('family.reportNew.who')}</h2>
      <ul class="plain">
        ${people.map((p) => html`<li><button type="button" class="big secondary" @click=${() => (this.beneficiaryId = p.id)}>${p.fullName}</button></li>`)}
      </ul>`;
  }

  private renderPicks(person: ReportPerson, offered: ReportCategory[]) {
    const group = (title: MessageKey, cats: readonly ReportCategory[]) => {
      const shown = offered.filter((c) => cats.includes(c));
      if (shown.length === 0) return nothing;
      const id = `group-${title.replace(/\W/g, '-')}`;
      return html`<h3 id=${id}>${t(title)}</h3>
        <ul class="picks" aria-labelledby=${id}>
          ${shown.map(
            (c) => html`<li>
              <button type="button" class=${isRedFlag(c) ? 'pick flag' : 'pick'} data-category=${c} @click=${() => this.choose(c)}>
                ${reportIcon(c)}<span>${t(`family.reportCategory.${c}`)}</span>
              </button>
            </li>`,
          )}
        </ul>`;
    };
    return html`<h2>${person.fullName}</h2>
      <p>${t('family.reportNew.pick')}</p>
      ${group('family.reportNew.chairGroup', chairCategories)} ${group('family.reportNew.bodyGroup', ['pain_skin'])} ${group('family.reportNew.hydroGroup', hydroCategories)}`;
  }

  private choose(c: ReportCategory) {
    this.category = c;
    void this.updateComplete.then(() => this.heading?.focus());
  }

  private renderConfirm(person: ReportPerson, c: ReportCategory) {
    return html`<h2>${t('family.reportNew.confirmHeading')}</h2>
      <p class="row-link">${reportIcon(c)} <span>${t(`family.reportCategory.${c}`)} · ${person.fullName}</span></p>
      <button type="button" class="secondary" @click=${() => (this.category = undefined)}>${t('family.reportNew.change')}</button>
      <form @submit=${(e: Event) => this.send(e, person, c)} novalidate>
        <div class="field">
          ${photoPicker({ id: 'photo', label: 'family.reportNew.photo', hint: 'family.reportNew.photoHint', error: this.photoError, onChange: this.pickPhoto })}
          ${this.photoUrl
            ? html`<img class="preview" src=${this.photoUrl} alt="" />
                <button type="button" class="secondary" @click=${this.clearPhoto}>${t('family.reportNew.removePhoto')}</button>`
            : nothing}
        </div>
        <div class="field">
          <label for="words">${t('family.reportNew.words')}</label>
          <textarea id="words" name="words" maxlength="1000" rows="3"></textarea>
        </div>
        ${this.sendError ? html`<atensi-error-message .error=${this.sendError}></atensi-error-message>` : nothing}
        <div class="actions">
          <button type="submit" class="big" ?disabled=${this.sending}>${t(this.sending ? 'family.reportNew.sending' : 'family.reportNew.send')}</button>
        </div>
      </form>`;
  }

  private pickPhoto = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    this.clearPhoto();
    if (!file) return;
    this.photoError = photoProblem(file);
    if (this.photoError) {
      input.value = '';
      return;
    }
    this.photo = file;
    this.photoUrl = URL.createObjectURL(file);
  };

  private clearPhoto = () => {
    if (this.photoUrl) URL.revokeObjectURL(this.photoUrl);
    this.photo = undefined;
    this.photoUrl = undefined;
    this.photoError = undefined;
  };

  private async send(e: Event, person: ReportPerson, category: ReportCategory) {
    e.preventDefault();
    if (this.sending || !this.me) return;
    const words = (this.renderRoot.querySelector('#words') as HTMLTextAreaElement).value.trim();
    this.sending = true;
    this.sendError = undefined;
    try {
      this.outcome = await submitReport(
        this.me.id,
        { beneficiaryId: person.id, category, clientRequestId: newClientRequestId(), ...(words ? { description: words } : {}) },
        this.photo,
      );
      await this.updateComplete;
      this.heading?.focus();
    } catch (err) {
      // Only storage on the phone failing lands here (e.g. private mode): say so and keep the form.
      this.sendError = err;
    } finally {
      this.sending = false;
    }
  }

  private outcomeHeading(o: SendOutcome): string {
    return t(o.kind === 'sent' ? 'family.reportNew.sentHeading' : o.kind === 'waiting' ? 'family.reportNew.queuedHeading' : 'family.reportNew.title');
  }

  private renderOutcome(o: SendOutcome) {
    const category = this.category!;
    const advice = o.kind === 'sent' ? o.report.advice : offlineAdvice(category) ? t(offlineAdvice(category)!) : null;
    return html`
      ${advice
        ? html`<div class="advice" role="alert">
            <h2>${t('family.reportNew.adviceHeading')}</h2>
            <p>${advice}</p>
          </div>`
        : nothing}
      ${o.kind === 'sent'
        ? html`<p>${t('family.reportNew.sentText')}</p>
            ${o.photoError ? html`<p class="warn">${t(o.photoError === 'network' ? 'family.reportNew.photoLater' : 'family.reportNew.photoFailed')}</p>` : nothing}`
        : o.kind === 'waiting'
          ? html`<p>${t('family.reportNew.queuedText')}</p>`
          : html`<p class="alert" role="alert">${t('family.reportNew.failedText')}</p>`}
      <div class="actions">
        ${o.kind === 'sent' ? html`<a class="button big" href=${`/reports/${o.report.id}`}>${t('family.reportNew.openReport')}</a>` : nothing}
        <a class="button big secondary" href="/">${t('family.reportNew.home')}</a>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atensi-report-new-page': ReportNewPage;
  }
}
