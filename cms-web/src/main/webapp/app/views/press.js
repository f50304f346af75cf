// Press search, the journalist's screen: published content and media through the PUBLIC search
// (so a draft can never show here, whoever is signed in), diacritics optional; photos with their
// credit and licence, downloads of the original and of each rendition, a citation to copy; stories
// and products open read-only with their credit.
import { html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { SbElement, problemBox, announce, debounce } from '../ui.js';
import { t, language, languageName, formatDateTime, formatNumber } from '../i18n.js';
import { get, query } from '../api.js';

/** The delivery API's address segment of each entry type. */
const PLURAL = { story: 'stories', product: 'products', collection: 'collections', media: 'media' };

/** The rendition presets offered for download (docs/API.md "Media files"). */
const PRESETS = ['hero', 'card', 'social', 'square', 'screen-landscape', 'screen-portrait', 'thumb'];

const PAGE = 20;

/** Media types with pictures, so with renditions. */
const IMAGES = new Set(['photo', 'infographic', 'panorama-360']);

class SbPress extends SbElement {
  static properties = {
    ctx: {},
    q: { state: true },
    locale: { state: true },
    type: { state: true },
    offset: { state: true },
    result: { state: true },
    error: { state: true },
    media: { state: true },
    open: { state: true },
    copied: { state: true },
  };

  constructor() {
    super();
    this.q = '';
    this.type = '';
    this.offset = 0;
    this.media = {};
    this.typed = debounce(() => this.search(), 200);
  }

  connectedCallback() {
    super.connectedCallback();
    const tags = this.tags();
    this.locale = tags.includes(language()) ? language() : this.ctx.tenant.sourceLocale;
    this.search();
  }

  tags() {
    return (this.ctx.tenant.locales || []).map((l) => l.tag);
  }

  get base() {
    return `v1/${this.ctx.code}`;
  }

  async search() {
    if (this.controller) this.controller.abort();
    const controller = new AbortController();
    this.controller = controller;
    try {
      const result = await get(`${this.base}/search${query({
        q: this.q.trim(), locale: this.locale, type: this.type, offset: this.offset || undefined, limit: PAGE,
      })}`, { signal: controller.signal });
      this.result = result;
      this.error = null;
      announce(t('press.found', { count: formatNumber(result.total) }));
      result.hits.filter((h) => h.type === 'media').forEach((h) => this.loadMedia(h.id));
    } catch (e) {
      if (e.name !== 'AbortError') this.error = e;
    }
  }

  /** A photo's public record: credit, licence and the addresses of its files. */
  async loadMedia(id) {
    if (this.media[id]) return;
    try {
      const item = await get(`${this.base}/media/${id}${query({ locale: this.locale })}`);
      this.media = { ...this.media, [id]: { item } };
    } catch (error) {
      this.media = { ...this.media, [id]: { error } };
    }
  }

  /** Opens a story, product or collection read-only, as readers see it. */
  async show(hit) {
    this.open = { hit };
    try {
      const item = await get(`${this.base}/${PLURAL[hit.type]}/${hit.id}${query({ locale: this.locale })}`);
      this.open = { hit, item };
    } catch (error) {
      this.open = { hit, error };
    }
    await this.updateComplete;
    this.querySelector('#press-detail h2')?.focus();
  }

  /** Title, credit, licence and address, each once, in the order a caption cites them. */
  citation(title, credit, licence, url) {
    return [title, credit, licence, url].filter(Boolean).map((x) => String(x).replace(/[.\s]+$/, '')).join('. ');
  }

  async copy(id, text) {
    try {
      await navigator.clipboard.writeText(text);
      this.copied = { id, ok: true };
      announce(t('press.copied'));
    } catch {
      // Without clipboard access the citation is shown selected, for the person to copy.
      this.copied = { id, ok: false, text };
      await this.updateComplete;
      this.querySelector(`#citation-${id}`)?.select();
    }
  }

  set(patch) {
    Object.assign(this, patch, { offset: 0 });
    this.search();
  }

  render() {
    const locales = this.tags();
    const types = this.result ? this.result.facets.type || [] : [];
    return html`<h1>${t('press.title')}</h1>
      <p class="hint">${t('press.intro')}</p>
      <form class="card press-search" role="search" @submit=${(e) => { e.preventDefault(); this.set({}); }}>
        <label for="press-q">${t('press.search')}</label>
        <input id="press-q" type="search" .value=${this.q} autocomplete="off" aria-describedby="press-q-hint"
          @input=${(e) => { this.q = e.target.value; this.offset = 0; this.typed(); }}>
        <p class="hint" id="press-q-hint">${t('list.search.hint')}</p>
        <div class="row">
          <label class="inline" for="press-locale">${t('press.locale')}</label>
          <select id="press-locale" @change=${(e) => this.set({ locale: e.target.value, media: {} })}>
            ${locales.map((tag) => html`<option value=${tag} ?selected=${tag === this.locale}>${languageName(tag)}</option>`)}
          </select>
          <label class="inline" for="press-type">${t('press.type')}</label>
          <select id="press-type" @change=${(e) => this.set({ type: e.target.value })}>
            <option value="" ?selected=${!this.type}>${t('press.type.all')}</option>
            ${['story', 'product', 'media', 'collection'].map((v) => {
              const count = (types.find((x) => x.value === v) || {}).count;
              return html`<option value=${v} ?selected=${this.type === v}>${t('press.type.' + v)}${count !== undefined && !this.type ? ` (${formatNumber(count)})` : ''}</option>`;
            })}
          </select>
        </div>
      </form>
      ${problemBox(this.error)}
      ${this.open ? this.detail() : nothing}
      ${this.results()}`;
  }

  results() {
    const r = this.result;
    if (!r) return html`<p class="hint">${t('list.loading')}</p>`;
    if (!r.hits.length) return html`<p class="list-count" id="press-count">${t('press.none')}</p>`;
    const to = this.offset + r.hits.length;
    return html`<p class="list-count" id="press-count">${t('list.range', {
      from: formatNumber(this.offset + 1), to: formatNumber(to), total: formatNumber(r.total) })}</p>
      <ul class="press-hits" aria-labelledby="press-count">
        ${r.hits.map((h) => (h.type === 'media' ? this.mediaHit(h) : this.entryHit(h)))}
      </ul>
      <nav class="row pager" aria-label=${t('list.paging')}>
        <button type="button" ?disabled=${this.offset === 0}
          @click=${() => { this.offset = Math.max(0, this.offset - PAGE); this.search(); }}>${t('list.previous')}</button>
        <button type="button" ?disabled=${to >= r.total}
          @click=${() => { this.offset += PAGE; this.search(); }}>${t('list.next')}</button>
      </nav>`;
  }

  entryHit(h) {
    return html`<li class="press-hit card" data-id=${h.id} data-type=${h.type}>
      <div>
        <span class="tag">${t('press.type.' + h.type)}</span>
        <h2 class="hit-title" lang=${h.locale}>${h.title}</h2>
        ${h.snippet ? html`<p class="snippet" lang=${h.locale}>${unsafeHTML(h.snippet)}</p>` : nothing}
        ${h.fallback ? html`<p class="hint">${t('press.fallback', { language: languageName(h.locale) })}</p>` : nothing}
        <button type="button" @click=${() => this.show(h)} aria-label=${t('press.read', { title: h.title })}>${t('press.open')}</button>
      </div>
    </li>`;
  }

  mediaHit(h) {
    const loaded = this.media[h.id];
    const item = loaded && loaded.item;
    const image = !item || IMAGES.has(item.mediaType);
    const thumb = `/api/${this.base}/media/${h.id}/renditions/thumb`;
    return html`<li class="press-hit press-media card" data-id=${h.id} data-type="media">
      ${image && !(loaded && loaded.noFile) ? html`<img src=${thumb} alt=${(item && item.altText) || h.title || ''}
        width="160" loading="lazy" @error=${() => this.noFile(h.id)}>` : nothing}
      <div>
        <span class="tag">${item && item.mediaType ? t('press.mediaType.' + item.mediaType) : t('press.type.media')}</span>
        <h2 class="hit-title" lang=${h.locale}>${h.title}</h2>
        ${!loaded ? html`<p class="hint">${t('list.loading')}</p>`
          : loaded.error ? problemBox(loaded.error) : this.mediaFacts(h, item, image && !loaded.noFile, loaded.noFile)}
      </div>
    </li>`;
  }

  /** The thumbnail did not load: the record has no file yet (or no picture), so nothing to download. */
  noFile(id) {
    const loaded = this.media[id] || {};
    this.media = { ...this.media, [id]: { ...loaded, noFile: true } };
  }

  mediaFacts(h, item, image, noFile) {
    const files = `/api/${this.base}/media/${h.id}`;
    const title = item.title || item.caption || h.title;
    const citation = this.citation(title, item.credit, item.licence, item.url);
    const copied = this.copied && this.copied.id === h.id ? this.copied : null;
    return html`<dl class="facts">
        <dt>${t('press.credit')}</dt><dd class="credit">${item.credit || t('press.noCredit')}</dd>
        ${item.copyrightHolder ? html`<dt>${t('press.copyright')}</dt><dd>${item.copyrightHolder}</dd>` : nothing}
        <dt>${t('press.licence')}</dt><dd class="licence">${item.licenceUrl
          ? html`<a href=${item.licenceUrl} rel="noopener">${item.licence || item.licenceUrl}</a>`
          : item.licence || t('press.noLicence')}</dd>
      </dl>
      ${noFile ? html`<p class="hint">${t('press.noFile')}</p>` : html`
        <p class="downloads" role="group" aria-label=${t('press.downloads', { title })}>
          <a class="button" download href="${files}/original" data-preset="original">${t('press.original')}</a>
          ${image ? PRESETS.map((p) => html`<a class="button" download href="${files}/renditions/${p}" data-preset=${p}>${t('press.preset.' + p)}</a>`) : nothing}
        </p>`}
      <button type="button" class="copy" @click=${() => this.copy(h.id, citation)}>${t('press.copy')}</button>
      ${copied && copied.ok ? html`<span class="notice" role="status">${t('press.copied')}</span>` : nothing}
      ${copied && !copied.ok ? html`<label for="citation-${h.id}">${t('press.copyHand')}</label>
        <textarea id="citation-${h.id}" readonly rows="2">${copied.text}</textarea>` : nothing}`;
  }

  detail() {
    const { hit, item, error } = this.open;
    return html`<section id="press-detail" class="card press-detail" aria-labelledby="press-detail-title">
      <div class="row">
        <h2 id="press-detail-title" tabindex="-1" lang=${(item && item.locale) || hit.locale}>${(item && item.title) || hit.title}</h2>
        <span class="spacer"></span>
        <button type="button" @click=${() => { this.open = null; }}>${t('press.close')}</button>
      </div>
      ${error ? problemBox(error) : !item ? html`<p class="hint">${t('list.loading')}</p>` : html`
        <p class="hint">${t('press.published', { when: formatDateTime(item.publishedAt) })}
          ${item.credit ? html` · ${t('press.credit')}: <span class="credit">${item.credit}</span>` : nothing}</p>
        ${item.summary ? html`<p class="summary" lang=${item.locale}><b>${item.summary}</b></p>` : nothing}
        ${item.body ? html`<div class="body" lang=${item.locale}>${unsafeHTML(item.body)}</div>` : nothing}
        ${item.url ? html`<button type="button" class="copy" @click=${() => this.copy(hit.id, this.citation(item.title, item.credit, null, item.url))}>${t('press.copy')}</button>` : nothing}
        ${this.copied && this.copied.id === hit.id && this.copied.ok ? html`<span class="notice" role="status">${t('press.copied')}</span>` : nothing}
        ${this.copied && this.copied.id === hit.id && !this.copied.ok ? html`<label for="citation-${hit.id}">${t('press.copyHand')}</label>
          <textarea id="citation-${hit.id}" readonly rows="2">${this.copied.text}</textarea>` : nothing}`}
    </section>`;
  }
}
customElements.define('sb-press', SbPress);
