// The media picker other screens use to choose an asset from the library: a modal dialog with a
// search box and thumbnails.
//
//   import './media-picker.js';
//   const picker = document.createElement('sb-media-picker');   // or <sb-media-picker .ctx=${ctx}>
//   picker.ctx = this.ctx;                                      // the screen's Context
//   picker.kinds = ['photo', 'infographic'];                    // the default; [] for every type
//   this.append(picker);                                        // anywhere in the page
//   const asset = await picker.pick();  // {id, title, caption, altText, credit} or null (cancelled)
//
// Keyboard: the search box has the focus when it opens, Tab reaches each thumbnail (a button named
// by its caption), Enter chooses, Escape cancels; the focus returns where it was.
import { html, nothing } from 'lit';
import { SbElement, problemBox, debounce } from '../ui.js';
import { t, language, formatNumber } from '../i18n.js';
import { searchMedia, records, renditionUrl, renderable, textOf, rightsProblem } from './media-search.js';

let instances = 0;

export class SbMediaPicker extends SbElement {
  static properties = {
    ctx: {}, kinds: {},
    q: { state: true }, answer: { state: true }, error: { state: true }, opened: { state: true },
  };

  constructor() {
    super();
    this.kinds = ['photo', 'infographic'];
    this.q = '';
    this.cache = new Map();
    this.uid = `media-picker-${++instances}`;
    this.searchSoon = debounce(() => this.search(), 250);
  }

  /** Opens the dialog; resolves to the chosen asset, or null when the person cancels. */
  async pick() {
    if (this.resolve) this.resolve(null);
    this.returnFocus = document.activeElement;
    this.opened = true;
    await this.updateComplete;
    const dialog = this.querySelector('dialog');
    dialog.showModal();
    this.querySelector('input[type=search]').focus();
    this.search();
    return new Promise((resolve) => { this.resolve = resolve; });
  }

  async search() {
    if (this.pending) this.pending.abort();
    const pending = (this.pending = new AbortController());
    try {
      const answer = await searchMedia(this.ctx, { q: this.q, kinds: this.kinds, limit: 24, signal: pending.signal });
      await records(this.ctx, answer.hits.map((h) => h.id), this.cache);
      if (pending === this.pending) {
        this.answer = answer;
        this.error = null;
      }
    } catch (e) {
      if (e.name !== 'AbortError') this.error = e;
    }
  }

  finish(asset) {
    const resolve = this.resolve;
    this.resolve = null;
    const dialog = this.querySelector('dialog');
    if (dialog && dialog.open) dialog.close();
    this.opened = false;
    if (this.returnFocus && this.returnFocus.focus) this.returnFocus.focus();
    if (resolve) resolve(asset);
  }

  choose(hit) {
    const r = this.cache.get(hit.id);
    const source = this.ctx.tenant.sourceLocale;
    this.finish({
      id: hit.id,
      title: hit.title || textOf(r, 'title', language(), source),
      caption: textOf(r, 'caption', language(), source),
      altText: textOf(r, 'altText', language(), source),
      credit: (r && r.credit) || '',
    });
  }

  tile(hit) {
    const r = this.cache.get(hit.id);
    const source = this.ctx.tenant.sourceLocale;
    const title = hit.title || textOf(r, 'caption', language(), source) || (r && r.file && r.file.filename) || t('media.untitled');
    const problem = rightsProblem(r);
    return html`<li><button type="button" class="media-pick" data-id=${hit.id} @click=${() => this.choose(hit)}>
      ${r && renderable(r)
        ? html`<img src=${renditionUrl(this.ctx, hit.id, 'thumb', r.version)} alt="" loading="lazy">`
        : html`<span class="media-placeholder">${t('media.type.' + ((r && r.mediaType) || 'document'))}</span>`}
      <span class="media-title">${title}</span>
      ${r && r.credit ? html`<span class="media-credit hint">${t('media.creditLine', { credit: r.credit })}</span>` : nothing}
      ${problem ? html`<span class="badge media-rights">${t('media.rights.' + problem)}</span>` : nothing}
    </button></li>`;
  }

  render() {
    if (!this.opened) return nothing;
    const a = this.answer;
    return html`<dialog class="media-picker" aria-labelledby="${this.uid}-title"
      @cancel=${(e) => { e.preventDefault(); this.finish(null); }}>
      <h2 id="${this.uid}-title">${t('media.picker.title')}</h2>
      <label for="${this.uid}-q">${t('media.search')}</label>
      <input id="${this.uid}-q" type="search" .value=${this.q} placeholder=${t('media.searchHint')}
        @input=${(e) => { this.q = e.target.value; this.searchSoon(); }}>
      ${problemBox(this.error)}
      <p class="hint" role="status">${a ? (a.total ? t('media.picker.count', { total: formatNumber(a.total) }) : t('media.none')) : t('media.loading')}</p>
      ${a ? html`<ul class="thumbs">${a.hits.map((h) => this.tile(h))}</ul>` : nothing}
      <div class="row">
        <span class="spacer"></span>
        <button type="button" @click=${() => this.finish(null)}>${t('media.picker.cancel')}</button>
      </div>
    </dialog>`;
  }
}
customElements.define('sb-media-picker', SbMediaPicker);
