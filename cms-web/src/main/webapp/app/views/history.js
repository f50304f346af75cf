// The history of one translation: whether it lags behind its source (and what changed there,
// field by field), its kept revisions, a word diff of any two, and restoring an old one.
import { html, nothing } from 'lit';
import { SbElement, problemBox, announce } from '../ui.js';
import { t, formatDateTime, languageName } from '../i18n.js';
import { get, call } from '../api.js';
import { changeList } from './review-diff.js';

// What a translation holds as text; "mark as reviewed" writes these back unchanged.
const TEXT_FIELDS = ['title', 'subtitle', 'summary', 'body', 'slug', 'seoTitle', 'seoDescription',
  'keywords', 'caption', 'altText'];

class SbHistory extends SbElement {
  static properties = {
    ctx: {}, type: {}, entry: {}, locale: {},
    revisions: { state: true }, staleness: { state: true }, diff: { state: true },
    from: { state: true }, to: { state: true }, confirming: { state: true },
    error: { state: true }, staleError: { state: true }, busy: { state: true },
  };

  constructor() {
    super();
    this.revisions = [];
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
      const sameLocale = this._loaded && this._loaded.endsWith('/' + this.locale);
      this._loaded = key;
      if (!sameLocale) {
        this.diff = null;
        this.from = undefined;
        this.to = undefined;
      }
      this.confirming = null;
      this.load();
    }
  }

  async load() {
    const loc = encodeURIComponent(this.locale);
    try {
      const [revisions, staleness] = await Promise.all([
        get(`${this.base}/revisions?locale=${loc}`),
        this.tr.stale ? get(`${this.base}/translations/${loc}/staleness`) : null,
      ]);
      this.revisions = revisions.items || [];
      this.staleness = staleness;
      if (this.revisions.length >= 2 && (this.from === undefined || this.to === undefined)) {
        this.to = this.revisions[0].revision;
        this.from = this.revisions[1].revision;
      }
    } catch (e) {
      this.error = e;
    }
  }

  async compare(e) {
    e.preventDefault();
    const f = e.target;
    this.from = Number(f.from.value);
    this.to = Number(f.to.value);
    this.error = null;
    try {
      this.diff = await get(`${this.base}/revisions/${this.to}/diff?against=${this.from}&locale=${encodeURIComponent(this.locale)}`);
      announce(t('review.diffShown', { from: this.from, to: this.to }));
    } catch (err) {
      this.error = err;
    }
  }

  async restore(n) {
    this.error = null;
    this.busy = true;
    try {
      await call('POST', `${this.base}/revisions/${n}/restore?locale=${encodeURIComponent(this.locale)}`);
      this.confirming = null;
      this.diff = null;
      this.from = undefined;
      this.to = undefined;
      announce(t('review.restored', { n }));
      this.dispatchEvent(new CustomEvent('entry-changed', { bubbles: true }));
    } catch (err) {
      this.error = err;
    } finally {
      this.busy = false;
    }
  }

  /**
   * Marks the translation as reviewed against the current source: the API's way is to save the
   * translation unchanged with `sourceRevision` naming the source revision it now matches.
   */
  async markReviewed() {
    const tr = this.tr;
    const body = { sourceRevision: this.staleness.sourceRevision };
    for (const f of TEXT_FIELDS) if (tr[f] !== undefined) body[f] = tr[f];
    this.staleError = null;
    try {
      await call('PUT', `${this.base}/translations/${encodeURIComponent(this.locale)}`, {
        body, headers: { 'If-Match': `"${this.entry.version}"` },
      });
      announce(t('review.markedReviewed'));
      this.dispatchEvent(new CustomEvent('entry-changed', { bubbles: true }));
    } catch (err) {
      this.staleError = err;
    }
  }

  canWrite() {
    const ctx = this.ctx;
    return ctx.can('editor') || (ctx.roles.has('translator') && ctx.translatorLocales.includes(this.locale));
  }

  render() {
    if (!this.entry || !this.locale) return nothing;
    const id = `hist-${this.locale}`;
    return html`<section class="card review-history" aria-labelledby="${id}-h">
      <h2 id="${id}-h">${t('review.history.title', { language: languageName(this.locale) })}</h2>
      ${this.tr.stale ? this.stalenessBlock(id) : nothing}
      ${problemBox(this.error)}
      ${this.revisionList(id)}
      ${this.revisions.length >= 2 ? this.compareForm(id) : nothing}
      ${this.diff ? html`<section class="review-diff" aria-labelledby="${id}-d">
        <h3 id="${id}-d">${t('review.diffTitle', { from: this.diff.against, to: this.diff.revision })}</h3>
        ${changeList(this.diff.changes)}</section>` : nothing}
    </section>`;
  }

  stalenessBlock(id) {
    const s = this.staleness;
    return html`<div class="review-stale" aria-labelledby="${id}-s">
      <p id="${id}-s"><span class="badge stale">${t('review.staleBadge')}</span></p>
      ${s ? html`
        <p class="hint">${t('review.staleSince', { madeFrom: s.madeFrom ?? '–', source: s.sourceRevision, language: languageName(s.sourceLocale || this.ctx.tenant.sourceLocale) })}</p>
        ${changeList(s.sourceChanges)}
        ${this.canWrite() ? html`
          <button type="button" @click=${() => this.markReviewed()} aria-describedby="${id}-mark">${t('review.markReviewed')}</button>
          <p class="hint" id="${id}-mark">${t('review.markReviewedHint')}</p>` : nothing}
        ${problemBox(this.staleError)}` : nothing}
    </div>`;
  }

  revisionList(id) {
    if (!this.revisions.length) return html`<p class="hint">${t('review.noRevisions')}</p>`;
    const working = this.tr.revision;
    return html`<table class="review-revisions" aria-labelledby="${id}-h">
      <caption class="visually-hidden">${t('review.revisions')}</caption>
      <thead><tr>
        <th scope="col">${t('review.col.revision')}</th>
        <th scope="col">${t('review.col.title')}</th>
        <th scope="col">${t('review.col.saved')}</th>
        <th scope="col"><span class="visually-hidden">${t('review.col.actions')}</span></th>
      </tr></thead>
      <tbody>${this.revisions.map((r) => html`<tr>
        <td>${r.revision}
          ${r.live ? html` <span class="badge status-published">${t('review.liveMark')}</span>` : nothing}
          ${r.revision === working ? html` <span class="badge">${t('review.workingMark')}</span>` : nothing}</td>
        <td>${r.title || ''}</td>
        <td>${formatDateTime(r.savedAt)} · ${r.savedBy}</td>
        <td>${r.revision !== working && this.canWrite()
          ? this.confirming === r.revision
            ? html`<div class="review-confirm" role="group" aria-label=${t('review.restoreConfirm', { n: r.revision })}>
                <p>${t('review.restoreConfirm', { n: r.revision })}</p>
                <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.restore(r.revision)}>${t('review.restoreYes')}</button>
                <button type="button" @click=${() => { this.confirming = null; }}>${t('review.cancel')}</button>
              </div>`
            : html`<button type="button" aria-label=${t('review.restoreN', { n: r.revision })}
                @click=${() => { this.confirming = r.revision; }}>${t('review.restore')}</button>`
          : nothing}</td>
      </tr>`)}</tbody>
    </table>`;
  }

  compareForm(id) {
    const option = (selected) => this.revisions.map((r) => html`<option value=${r.revision} ?selected=${r.revision === selected}>${t('review.revision', { n: r.revision })}</option>`);
    return html`<form class="row review-compare" @submit=${this.compare}>
      <label class="inline" for="${id}-from">${t('review.compareFrom')}</label>
      <select id="${id}-from" name="from">${option(this.from)}</select>
      <label class="inline" for="${id}-to">${t('review.compareTo')}</label>
      <select id="${id}-to" name="to">${option(this.to)}</select>
      <button type="submit">${t('review.compare')}</button>
    </form>`;
  }
}
customElements.define('sb-history', SbHistory);
