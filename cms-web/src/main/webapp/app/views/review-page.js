// The review screen for approvers: one entry, the text of a chosen translation beside its source,
// its workflow panel and its history. Loads the entry again whenever a step changes it.
import { html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { SbElement, problemBox, statusBadge } from '../ui.js';
import { t, languageName } from '../i18n.js';
import { get } from '../api.js';
import './workflow.js';
import './history.js';

class SbReviewPage extends SbElement {
  static properties = {
    ctx: {}, params: {}, notice: {},
    entry: { state: true }, locale: { state: true }, error: { state: true },
  };

  constructor() {
    super();
    this.addEventListener('entry-changed', () => this.load());
  }

  async connectedCallback() {
    super.connectedCallback();
    if (this.entry) return; // moved in the page (the frame re-rendered): nothing to load again
    const wanted = this.params.locale;
    await this.load();
    if (this.entry) {
      const locales = Object.keys(this.entry.translations || {});
      const others = locales.filter((l) => l !== this.ctx.tenant.sourceLocale);
      this.locale = locales.includes(wanted) ? wanted : others[0] || locales[0];
    }
  }

  async load() {
    try {
      this.entry = await get(`admin/v1/${this.ctx.code}/${this.params.type}/${encodeURIComponent(this.params.id)}`);
      this.error = null;
    } catch (e) {
      this.error = e;
    }
  }

  render() {
    if (this.error && !this.entry) return html`<h1>${t('review.page.title')}</h1>${problemBox(this.error)}`;
    if (!this.entry || !this.locale) return html`<p class="hint" role="status">${t('review.loading')}</p>`;
    const source = this.ctx.tenant.sourceLocale;
    const translations = this.entry.translations || {};
    const both = this.locale !== source && !!translations[source];
    const title = (translations[source] || translations[this.locale] || {}).title || this.entry.id;
    return html`<h1>${t('review.page.title')}: ${title}</h1>
      ${problemBox(this.error)}
      <div class="row review-locales" role="group" aria-label=${t('review.page.locales')}>
        ${Object.keys(translations).map((l) => html`<button type="button" aria-pressed=${String(l === this.locale)}
          @click=${() => { this.locale = l; }}>${languageName(l)} ${statusBadge(translations[l].status)}
          ${translations[l].stale ? html`<span class="badge stale">${t('review.staleShort')}</span>` : nothing}</button>`)}
      </div>
      <div class="review-layout">
        <div class="side-by-side review-texts ${both ? '' : 'single'}">
          ${both ? this.text(source, translations[source]) : nothing}
          ${this.text(this.locale, translations[this.locale])}
        </div>
        <div class="review-panels">
          <sb-workflow .ctx=${this.ctx} .type=${this.params.type} .entry=${this.entry} .locale=${this.locale}></sb-workflow>
          <sb-history .ctx=${this.ctx} .type=${this.params.type} .entry=${this.entry} .locale=${this.locale}></sb-history>
        </div>
      </div>`;
  }

  text(locale, tr) {
    if (!tr) return nothing;
    return html`<article class="card review-text" lang=${locale} aria-label=${languageName(locale)}>
      <p class="hint">${languageName(locale)}${locale === this.ctx.tenant.sourceLocale ? ` · ${t('review.page.source')}` : ''}</p>
      <h2>${tr.title || ''}</h2>
      ${tr.subtitle ? html`<p><b>${tr.subtitle}</b></p>` : nothing}
      ${tr.summary ? html`<p class="review-summary">${tr.summary}</p>` : nothing}
      ${tr.caption ? html`<p>${tr.caption}</p>` : nothing}
      <!-- The body is HTML the server sanitised to its allow-list on write. -->
      ${tr.body ? html`<div class="review-body">${unsafeHTML(tr.body)}</div>` : nothing}
    </article>`;
  }
}
customElements.define('sb-review-page', SbReviewPage);
