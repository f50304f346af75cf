// The workflow of one translation: where it stands, the review steps the person may take, its
// schedule in the tenant's time zone, the two-approver rule for sensitive topics, and its comment
// thread. Every step is the server's: a refusal is shown as the server's message.
import { html, nothing } from 'lit';
import { SbElement, problemBox, fieldProblem, statusBadge, announce } from '../ui.js';
import { t, formatDateTime, timeZone, language, languageName } from '../i18n.js';
import { get, call } from '../api.js';

const settingsCache = new Map();

/** The tenant's workflow settings and topic terms (with parents), read once per tenant. */
export function workflowSettings(ctx) {
  if (!settingsCache.has(ctx.code)) {
    const loading = Promise.all([
      get(`admin/v1/${ctx.code}/workflow-settings`),
      get(`admin/v1/${ctx.code}/taxonomies/topics/terms`),
    ]).then(([settings, topics]) => ({ settings, topics: topics.items || topics }));
    loading.catch(() => settingsCache.delete(ctx.code));
    settingsCache.set(ctx.code, loading);
  }
  return settingsCache.get(ctx.code);
}

/** The entry's topics that make it sensitive (a sensitive topic, or one below it). */
export function sensitiveTopics(entry, { settings, topics }) {
  const sensitive = new Set(settings.sensitiveTopics || []);
  const byCode = new Map(topics.map((x) => [x.code, x]));
  return (entry.topics || []).filter((code) => {
    for (let c = code, seen = 0; c && seen < 50; c = byCode.get(c) && byCode.get(c).parent, seen++) {
      if (sensitive.has(c)) return true;
    }
    return false;
  }).map((code) => byCode.get(code) || { code, labels: {} });
}

function termLabel(term) {
  return (term.labels && (term.labels[language()] || term.labels.vi)) || term.code;
}

// The wall-clock parts of an instant in a time zone.
function zoneParts(date, zone) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(date);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return { y: +p.year, mo: +p.month, d: +p.day, h: +p.hour, mi: +p.minute, s: +p.second };
}

function zoneOffsetMs(date, zone) {
  const p = zoneParts(date, zone);
  return Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s) - Math.floor(date.getTime() / 1000) * 1000;
}

/** An <input type=datetime-local> value read as wall-clock time in `zone` → ISO instant (UTC). */
export function zonedToInstant(value, zone) {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  // The zone's offset at the wall time read as UTC, corrected once for a change of offset between.
  let utc = wall - zoneOffsetMs(new Date(wall), zone);
  utc = wall - zoneOffsetMs(new Date(utc), zone);
  return new Date(utc).toISOString();
}

/** An ISO instant → the <input type=datetime-local> value of its wall-clock time in `zone`. */
export function instantToZoned(iso, zone) {
  if (!iso) return '';
  const p = zoneParts(new Date(iso), zone);
  const two = (n) => String(n).padStart(2, '0');
  return `${p.y}-${two(p.mo)}-${two(p.d)}T${two(p.h)}:${two(p.mi)}`;
}

/** The zone as a person reads it: its name in the UI language, its offset and its IANA id. */
export function zoneName(zone) {
  const name = (style) => {
    try {
      const part = new Intl.DateTimeFormat(language() === 'vi' ? 'vi-VN' : 'en-GB', {
        timeZone: zone, timeZoneName: style,
      }).formatToParts(new Date()).find((x) => x.type === 'timeZoneName');
      return part ? part.value : '';
    } catch {
      return '';
    }
  };
  // A zone the glossary names (Giờ Việt Nam) is called so; others by the browser's name for them.
  const key = 'review.zoneName.' + zone;
  const known = t(key);
  return `${known !== key ? known : name('long')} (${name('longOffset')}, ${zone})`;
}

class SbWorkflow extends SbElement {
  static properties = {
    ctx: {}, type: {}, entry: {}, locale: {},
    rules: { state: true }, approvers: { state: true }, author: { state: true },
    comments: { state: true }, error: { state: true }, commentError: { state: true },
    scheduleError: { state: true }, rejecting: { state: true }, busy: { state: true },
  };

  constructor() {
    super();
    this.approvers = [];
    this.comments = [];
    this.rejecting = false;
    this.busy = false;
  }

  get base() {
    return `admin/v1/${this.ctx.code}/${this.type}/${this.entry.id}`;
  }

  get tr() {
    return (this.entry.translations || {})[this.locale] || {};
  }

  willUpdate(changed) {
    const key = this.entry && this.locale ? `${this.entry.id}/${this.entry.version}/${this.locale}` : '';
    if ((changed.has('entry') || changed.has('locale')) && key && key !== this._loaded) {
      this._loaded = key;
      this.load();
    }
  }

  async load() {
    const loc = encodeURIComponent(this.locale);
    try {
      const [rules, approvals, revisions, comments] = await Promise.all([
        workflowSettings(this.ctx),
        get(`${this.base}/translations/${loc}/approvals`),
        get(`${this.base}/revisions?locale=${loc}`),
        get(`${this.base}/comments`),
      ]);
      this.rules = rules;
      this.approvers = approvals.approvers || [];
      const working = (revisions.items || []).find((r) => r.revision === this.tr.revision);
      this.author = working ? working.savedBy : this.tr.updatedBy;
      this.comments = (comments.items || []).filter((c) => !c.locale || c.locale === this.locale);
    } catch (e) {
      this.error = e;
    }
  }

  changed(message) {
    announce(message);
    this.dispatchEvent(new CustomEvent('entry-changed', { bubbles: true }));
  }

  async step(action, body) {
    this.error = null;
    this.busy = true;
    try {
      await call('POST', `${this.base}/translations/${encodeURIComponent(this.locale)}/${action}`,
        body ? { body } : {});
      this.rejecting = false;
      this._loaded = null; // approvals may change without the entry's version
      this.changed(t('review.done.' + action));
    } catch (e) {
      this.error = e;
      announce(e.message);
    } finally {
      this.busy = false;
    }
  }

  async reject(e) {
    e.preventDefault();
    const comment = e.target.comment.value.trim();
    await this.step('reject', { comment });
  }

  async schedule(e) {
    e.preventDefault();
    const f = e.target;
    const zone = timeZone();
    this.scheduleError = null;
    try {
      await call('PUT', `${this.base}/translations/${encodeURIComponent(this.locale)}/schedule`, {
        body: {
          publishAt: zonedToInstant(f.publishAt.value, zone),
          unpublishAt: zonedToInstant(f.unpublishAt.value, zone),
          embargoUntil: zonedToInstant(f.embargoUntil.value, zone),
        },
      });
      this.changed(t('review.done.schedule'));
    } catch (err) {
      this.scheduleError = err;
    }
  }

  async comment(e) {
    e.preventDefault();
    const f = e.target;
    this.commentError = null;
    try {
      await call('POST', `${this.base}/comments`, { body: { body: f.body.value, locale: this.locale } });
      f.reset();
      announce(t('review.commentAdded'));
      const comments = await get(`${this.base}/comments`);
      this.comments = (comments.items || []).filter((c) => !c.locale || c.locale === this.locale);
    } catch (err) {
      this.commentError = err;
    }
  }

  /** What the person may do now, by the translation's state and their roles. */
  actions() {
    const tr = this.tr;
    const ctx = this.ctx;
    const status = tr.status || 'draft';
    const writer = ctx.can('editor') || (ctx.roles.has('translator') && ctx.translatorLocales.includes(this.locale));
    const approver = ctx.can('approver');
    const sensitive = this.rules ? sensitiveTopics(this.entry, this.rules).length > 0 : true;
    const direct = this.rules && this.rules.settings.directPublish && !sensitive;
    const live = tr.liveRevision !== undefined && tr.liveRevision !== null;
    const upToDate = live && tr.liveRevision === tr.revision && status === 'published';
    return {
      submit: writer && (status === 'draft' || status === 'archived'),
      approve: approver && status === 'in_review' && !this.approvers.includes(ctx.me.username),
      reject: approver && (status === 'in_review' || status === 'approved'),
      publish: approver && !upToDate && (status === 'approved' || direct),
      unpublish: approver && live,
      schedule: approver,
    };
  }

  render() {
    if (!this.entry || !this.locale) return nothing;
    const tr = this.tr;
    const can = this.actions();
    const id = `wf-${this.locale}`;
    return html`<section class="card review-workflow" aria-labelledby="${id}-h">
      <h2 id="${id}-h">${t('review.workflow.title', { language: languageName(this.locale) })}</h2>
      ${location.hash.startsWith('#/review/') ? nothing : html`<p class="hint"><a
        href="#/review/${this.type}/${encodeURIComponent(this.entry.id)}/${encodeURIComponent(this.locale)}">${t('review.open')}</a></p>`}
      <p class="row review-state">${statusBadge(tr.status || 'draft')}
        <span>${t('review.revision', { n: tr.revision ?? '–' })}</span>
        <span>${tr.liveRevision ? t('review.live', { n: tr.liveRevision }) : t('review.nothingLive')}</span>
      </p>
      ${tr.publishedAt ? html`<p class="hint">${t('review.publishedAt', { at: formatDateTime(tr.publishedAt) })}</p>` : nothing}
      ${this.upcoming()}
      ${tr.returnedAt ? html`<p class="warning">${t('review.returned', { who: tr.returnedBy || '', at: formatDateTime(tr.returnedAt) })}</p>` : nothing}
      ${this.approvalRule()}
      ${problemBox(this.error)}
      <div class="row review-actions">
        ${can.submit ? html`<button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.step('submit')}>${t('review.submit')}</button>` : nothing}
        ${can.approve ? html`<button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.step('approve')}>${t('review.approve')}</button>` : nothing}
        ${can.reject && !this.rejecting ? html`<button type="button" class="danger" ?disabled=${this.busy} @click=${() => { this.rejecting = true; }}>${t('review.reject')}</button>` : nothing}
        ${can.publish ? html`<button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.step('publish')}>${t('review.publish')}</button>` : nothing}
        ${can.unpublish ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.step('unpublish')}>${t('review.unpublish')}</button>` : nothing}
      </div>
      ${this.rejecting ? this.rejectForm(id) : nothing}
      ${can.schedule ? this.scheduleForm(id) : this.scheduleShown()}
      ${this.thread(id)}
    </section>`;
  }

  /** What the schedule will do, in the tenant's time zone. */
  upcoming() {
    const tr = this.tr;
    const future = (at) => at && new Date(at).getTime() > Date.now();
    const lines = [
      future(tr.embargoUntil) ? t('review.embargoed', { at: formatDateTime(tr.embargoUntil) }) : '',
      future(tr.publishAt) ? t('review.willPublish', { at: formatDateTime(tr.publishAt) }) : '',
      future(tr.unpublishAt) ? t('review.willUnpublish', { at: formatDateTime(tr.unpublishAt) }) : '',
    ].filter(Boolean);
    return lines.length ? html`<ul class="review-upcoming">${lines.map((l) => html`<li>${l}</li>`)}</ul>` : nothing;
  }

  approvalRule() {
    if (!this.rules) return nothing;
    const sensitive = sensitiveTopics(this.entry, this.rules);
    const needed = sensitive.length ? 2 : 1;
    const status = this.tr.status;
    const approvedBy = this.approvers.length ? this.approvers.join(', ') : t('review.nobody');
    const still = Math.max(0, needed - this.approvers.length);
    const inReview = status === 'in_review' || status === 'approved';
    const people = html`${inReview || this.approvers.length ? html`
      <p class="review-approved-by">${t('review.approvedBy', { names: approvedBy })}
        ${t('review.stillNeeded', { n: still })}</p>
      ${still && this.author ? html`<p class="hint">${t('review.whoMay', { author: this.author, names: this.approvers.join(', ') || t('review.nobody') })}</p>` : nothing}` : nothing}`;
    if (sensitive.length) {
      return html`<div class="warning review-sensitive" role="note">
        <p><b>${t('review.sensitive.' + this.type, { topics: sensitive.map(termLabel).join(', ') })}</b></p>
        ${people}</div>`;
    }
    return html`<div class="review-rule"><p class="hint">${t('review.oneApprover')}</p>${people}</div>`;
  }

  rejectForm(id) {
    return html`<form class="review-reject" @submit=${this.reject}>
      <label for="${id}-reject">${t('review.rejectComment')}</label>
      <textarea id="${id}-reject" name="comment" required aria-describedby="${id}-reject-hint"></textarea>
      <p class="hint" id="${id}-reject-hint">${t('review.rejectHint')}</p>
      ${fieldProblem(this.error, 'comment')}
      <div class="row">
        <button type="submit" class="danger" ?disabled=${this.busy}>${t('review.rejectSend')}</button>
        <button type="button" @click=${() => { this.rejecting = false; }}>${t('review.cancel')}</button>
      </div>
    </form>`;
  }

  scheduleShown() {
    const tr = this.tr;
    if (!tr.publishAt && !tr.unpublishAt && !tr.embargoUntil) return nothing;
    return html`<dl class="review-schedule-shown">
      ${['publishAt', 'unpublishAt', 'embargoUntil'].filter((f) => tr[f]).map((f) => html`
        <dt>${t('review.' + f)}</dt><dd>${formatDateTime(tr[f])}</dd>`)}
    </dl>`;
  }

  scheduleForm(id) {
    const tr = this.tr;
    const zone = timeZone();
    const field = (name) => html`<div>
      <label for="${id}-${name}">${t('review.' + name)}</label>
      <input type="datetime-local" id="${id}-${name}" name=${name} .value=${instantToZoned(tr[name], zone)}
        aria-describedby="${id}-zone">
      ${fieldProblem(this.scheduleError, name)}
    </div>`;
    return html`<details class="review-schedule" ?open=${!!(tr.publishAt || tr.unpublishAt || tr.embargoUntil)}>
      <summary>${t('review.schedule')}</summary>
      <form @submit=${this.schedule}>
        <p class="hint" id="${id}-zone">${t('review.zone', { zone: zoneName(zone) })}</p>
        <div class="review-schedule-fields">${field('publishAt')}${field('unpublishAt')}${field('embargoUntil')}</div>
        ${problemBox(this.scheduleError)}
        <button type="submit">${t('review.scheduleSave')}</button>
      </form>
    </details>`;
  }

  thread(id) {
    return html`<section class="review-thread" aria-labelledby="${id}-c">
      <h3 id="${id}-c">${t('review.comments')}</h3>
      ${this.comments.length
        ? html`<ol class="review-comments">${this.comments.map((c) => html`<li>
            <p class="review-comment-meta"><b>${c.author}</b> · <time datetime=${c.createdAt}>${formatDateTime(c.createdAt)}</time></p>
            <p class="review-comment-body">${c.body}</p></li>`)}</ol>`
        : html`<p class="hint">${t('review.noComments')}</p>`}
      <form @submit=${this.comment}>
        <label for="${id}-comment">${t('review.commentLabel')}</label>
        <textarea id="${id}-comment" name="body" required></textarea>
        ${fieldProblem(this.commentError, 'body')}
        ${this.commentError && !this.commentError.forField?.('body') ? problemBox(this.commentError) : nothing}
        <button type="submit">${t('review.commentSend')}</button>
      </form>
    </section>`;
  }
}
customElements.define('sb-workflow', SbWorkflow);
