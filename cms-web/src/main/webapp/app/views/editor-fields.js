// The editor's pickers: taxonomy terms (places as a tree with their parent path, pillars, topics,
// ethnic groups), entries (related stories, products, collection items) and media from the library.
import { html, nothing } from 'lit';
import { SbElement, problemBox, debounce } from '../ui.js';
import { t, language } from '../i18n.js';
import { get, query } from '../api.js';

/** Text compared without case or diacritics, as the search does ("lao cai" finds "Lào Cai"). */
export function fold(text) {
  return String(text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

const termCache = new Map();
/** A tenant's terms of one kind, loaded once per page: {byCode: Map, all: [term]}. */
export function terms(code, kind) {
  const key = code + '/' + kind;
  if (!termCache.has(key)) {
    termCache.set(key, get(`admin/v1/${code}/taxonomies/${kind}/terms`).then((r) => {
      const today = new Date().toISOString().slice(0, 10);
      // Places renamed in 2025 keep their old terms with validTo: offer the names valid today.
      const all = r.items.filter((x) => !x.validTo || x.validTo >= today);
      return { all, byCode: new Map(r.items.map((x) => [x.code, x])) };
    }).catch((e) => {
      termCache.delete(key);
      throw e;
    }));
  }
  return termCache.get(key);
}

export function termLabel(term) {
  if (!term) return '';
  const l = term.labels || {};
  return l[language()] || l.vi || Object.values(l)[0] || term.code;
}

/** "Tỉnh Lào Cai › Phường Sa Pa": where a place sits in the tree. */
function parentPath(term, byCode) {
  const names = [];
  let at = term.parent && byCode.get(term.parent);
  for (let guard = 0; at && guard < 10; guard++) {
    names.unshift(termLabel(at));
    at = at.parent && byCode.get(at.parent);
  }
  return names.join(' › ');
}

/**
 * Picks terms of one taxonomy: the chosen ones as removable chips, and a filter box listing the
 * matching terms (each place with its parent path). `value` is an array of codes, or a code when
 * `single`. Fires `change` with the new value.
 */
class SbTermPicker extends SbElement {
  static properties = {
    ctx: {}, kind: {}, value: {}, label: {}, inputId: {}, single: { type: Boolean },
    readonly: { type: Boolean }, data: { state: true }, filter: { state: true }, error: { state: true },
  };

  constructor() {
    super();
    this.filter = '';
  }

  async connectedCallback() {
    super.connectedCallback();
    try {
      this.data = await terms(this.ctx.code, this.kind);
    } catch (e) {
      this.error = e;
    }
  }

  get chosen() {
    if (this.single) return this.value ? [this.value] : [];
    return this.value || [];
  }

  set(codes) {
    const value = this.single ? (codes[codes.length - 1] || null) : codes;
    this.value = value;
    this.dispatchEvent(new CustomEvent('value-changed', { detail: value, bubbles: true }));
  }

  toggle(code) {
    const chosen = this.chosen;
    this.set(chosen.includes(code) ? chosen.filter((c) => c !== code) : [...chosen, code]);
  }

  /** Without a filter: every term, places as their tree (depth-first, indented); with one: the matches. */
  matches() {
    if (!this.data) return [];
    const f = fold(this.filter.trim());
    const all = this.data.all;
    if (f) {
      return all.filter((x) => fold(termLabel(x)).includes(f) || x.code.includes(f)
        || Object.values(x.labels || {}).some((l) => fold(l).includes(f))).slice(0, 50);
    }
    const codes = new Set(all.map((x) => x.code));
    const children = new Map();
    for (const x of all) {
      const parent = x.parent && codes.has(x.parent) ? x.parent : '';
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(x);
    }
    const tree = [];
    const walk = (parent, depth) => {
      const here = (children.get(parent) || []).sort((a, b) => termLabel(a).localeCompare(termLabel(b)));
      for (const x of here) {
        tree.push({ ...x, depth });
        walk(x.code, depth + 1);
      }
    };
    walk('', 0);
    return tree;
  }

  render() {
    const id = this.inputId;
    const byCode = this.data ? this.data.byCode : new Map();
    const chosen = this.chosen;
    const list = this.matches();
    return html`<fieldset class="term-picker" id=${id}>
      <legend>${this.label}</legend>
      ${problemBox(this.error)}
      <ul class="chips" aria-label=${t('editor.chosen', { name: this.label })}>
        ${chosen.length ? chosen.map((code) => html`<li class="chip">
          <span>${termLabel(byCode.get(code)) || code}</span>
          ${this.readonly ? nothing : html`<button type="button" class="link"
            aria-label=${t('editor.remove', { name: termLabel(byCode.get(code)) || code })}
            @click=${() => this.toggle(code)}>×</button>`}</li>`)
        : html`<li class="hint">${t('editor.noneChosen')}</li>`}
      </ul>
      ${this.readonly ? nothing : html`
        <label class="visually-hidden" for=${id + '-filter'}>${t('editor.filterTerms', { name: this.label })}</label>
        <input id=${id + '-filter'} type="search" class="term-filter" .value=${this.filter}
          placeholder=${t('editor.filterTerms', { name: this.label })}
          @input=${(e) => { this.filter = e.target.value; }}>
        ${list.length ? html`<ul class="term-list">
          ${list.map((x) => html`<li style=${x.depth ? `padding-left: ${0.5 + 1.25 * x.depth}rem` : nothing}><label class="inline">
            <input type="checkbox" .checked=${chosen.includes(x.code)} @change=${() => this.toggle(x.code)}>
            <span>${termLabel(x)}${x.parent && x.depth === undefined ? html`<span class="hint path">${parentPath(x, byCode)}</span>` : nothing}</span>
          </label></li>`)}
        </ul>` : this.filter ? html`<p class="hint">${t('editor.noMatch')}</p>` : nothing}`}
    </fieldset>`;
  }
}
customElements.define('sb-term-picker', SbTermPicker);

const TYPE_PATH = { story: 'stories', product: 'products', collection: 'collections', media: 'media' };
const titles = new Map();
/** An entry's title in the UI language or its source, looked up once. */
async function entryTitle(code, type, id) {
  const key = type + '/' + id;
  if (!titles.has(key)) {
    titles.set(key, get(`admin/v1/${code}/${TYPE_PATH[type]}/${id}`).then((e) => {
      const tr = e.translations || {};
      const x = tr[language()] || tr.vi || Object.values(tr)[0] || {};
      return x.title || x.caption || id;
    }).catch(() => id));
  }
  return titles.get(key);
}

/**
 * Picks entries through the editor search: `types` (story, product, media, collection) limits
 * what is found; `value` is an ordered array of ids; `ordered` adds up/down buttons.
 */
class SbEntryPicker extends SbElement {
  static properties = {
    ctx: {}, types: {}, value: {}, label: {}, inputId: {}, ordered: { type: Boolean },
    readonly: { type: Boolean }, hits: { state: true }, names: { state: true }, error: { state: true },
  };

  constructor() {
    super();
    this.names = {};
    this.kinds = {};
    this.search = debounce((q) => this.find(q), 250);
  }

  willUpdate(changed) {
    if (changed.has('value')) this.lookUp();
  }

  async lookUp() {
    for (const id of this.value || []) {
      if (this.names[id]) continue;
      const found = await Promise.any(this.types.map((type) => get(
        `admin/v1/${this.ctx.code}/${TYPE_PATH[type]}/${id}`).then(() => type)))
        .catch(() => null);
      if (found) {
        const title = await entryTitle(this.ctx.code, found, id);
        this.names = { ...this.names, [id]: title };
      }
    }
  }

  async find(q) {
    if (!q.trim()) {
      this.hits = null;
      return;
    }
    try {
      const r = await get(`admin/v1/${this.ctx.code}/search` + query({ q, type: this.types.join(','), limit: 10 }));
      const seen = new Set();
      this.hits = r.hits.filter((h) => !seen.has(h.id) && seen.add(h.id));
      this.error = null;
    } catch (e) {
      this.error = e;
    }
  }

  set(ids) {
    this.value = ids;
    this.dispatchEvent(new CustomEvent('value-changed', { detail: ids, bubbles: true }));
  }

  add(hit) {
    this.names = { ...this.names, [hit.id]: hit.title };
    if (!(this.value || []).includes(hit.id)) this.set([...(this.value || []), hit.id]);
  }

  move(i, by) {
    const ids = [...this.value];
    const [x] = ids.splice(i, 1);
    ids.splice(i + by, 0, x);
    this.set(ids);
  }

  render() {
    const id = this.inputId;
    const ids = this.value || [];
    return html`<fieldset class="entry-picker" id=${id}>
      <legend>${this.label}</legend>
      ${ids.length ? nothing : html`<p class="hint">${t('editor.noneChosen')}</p>`}
      <ol class="chosen-entries">
        ${ids.map((x, i) => html`<li>
          <span>${this.names[x] || x}</span>
          ${this.readonly ? nothing : html`
            ${this.ordered ? html`
              <button type="button" ?disabled=${i === 0} aria-label=${t('editor.moveUp', { name: this.names[x] || x })}
                @click=${() => this.move(i, -1)}>↑</button>
              <button type="button" ?disabled=${i === ids.length - 1} aria-label=${t('editor.moveDown', { name: this.names[x] || x })}
                @click=${() => this.move(i, 1)}>↓</button>` : nothing}
            <button type="button" class="link" aria-label=${t('editor.remove', { name: this.names[x] || x })}
              @click=${() => this.set(ids.filter((y) => y !== x))}>×</button>`}
        </li>`)}
      </ol>
      ${this.readonly ? nothing : html`
        <label class="visually-hidden" for=${id + '-q'}>${t('editor.findEntries', { name: this.label })}</label>
        <input id=${id + '-q'} type="search" placeholder=${t('editor.findEntries', { name: this.label })}
          @input=${(e) => this.search(e.target.value)}>
        ${problemBox(this.error)}
        ${this.hits ? html`<ul class="term-list">
          ${this.hits.length ? this.hits.map((h) => html`<li>
            <button type="button" class="link" @click=${() => this.add(h)}>${h.title || h.id}</button>
            <span class="hint">${t('editor.type.' + h.type)} · ${h.locale}</span></li>`)
          : html`<li class="hint">${t('editor.noMatch')}</li>`}
        </ul>` : nothing}`}
    </fieldset>`;
  }
}
customElements.define('sb-entry-picker', SbEntryPicker);

/**
 * A dialog to pick a photo from the media library (the editor search, type=media, with
 * thumbnails). Fires `picked` with {id, title}.
 */
let pickers = 0;
class SbMediaPicker extends SbElement {
  static properties = { ctx: {}, hits: { state: true }, error: { state: true } };

  constructor() {
    super();
    this.uid = 'media-picker-' + ++pickers;
    this.search = debounce((q) => this.find(q), 250);
  }

  open() {
    this.querySelector('dialog').showModal();
    this.find('');
    this.querySelector('dialog input').focus();
  }

  close() {
    this.querySelector('dialog').close();
  }

  async find(q) {
    try {
      const r = await get(`admin/v1/${this.ctx.code}/search` + query({
        q, type: 'media', kind: 'photo', limit: 24, locale: language() === 'en' ? 'en' : this.ctx.tenant.sourceLocale,
      }));
      const seen = new Set();
      this.hits = r.hits.filter((h) => !seen.has(h.id) && seen.add(h.id));
      this.error = null;
    } catch (e) {
      this.error = e;
    }
  }

  pick(hit) {
    this.close();
    this.dispatchEvent(new CustomEvent('picked', { detail: { id: hit.id, title: hit.title } }));
  }

  render() {
    const id = this.uid;
    return html`<dialog class="media-picker" aria-labelledby=${id + '-title'}>
      <div class="row">
        <h2 id=${id + '-title'}>${t('editor.media.title')}</h2>
        <span class="spacer"></span>
        <button type="button" @click=${() => this.close()}>${t('editor.close')}</button>
      </div>
      <label for=${id + '-q'}>${t('editor.media.search')}</label>
      <input id=${id + '-q'} type="search" @input=${(e) => this.search(e.target.value)}>
      ${problemBox(this.error)}
      ${this.hits ? html`<ul class="thumbs media-hits">
        ${this.hits.length ? this.hits.map((h) => html`<li><button type="button" class="media-hit" @click=${() => this.pick(h)}>
          <img src="/api/admin/v1/${this.ctx.code}/media/${h.id}/renditions/thumb" alt="" loading="lazy">
          <span>${h.title || h.id}</span></button></li>`)
        : html`<li class="hint">${t('editor.noMatch')}</li>`}
      </ul>` : nothing}
    </dialog>`;
  }
}
customElements.define('sb-media-picker', SbMediaPicker);

/** One chosen media asset (a story's hero photo) with its thumbnail, or a button to choose one. */
class SbMediaField extends SbElement {
  static properties = { ctx: {}, value: {}, label: {}, inputId: {}, readonly: { type: Boolean }, caption: { state: true } };

  willUpdate(changed) {
    if (changed.has('value') && this.value) {
      entryTitle(this.ctx.code, 'media', this.value).then((x) => { this.caption = x; });
    }
  }

  set(value) {
    this.value = value;
    this.dispatchEvent(new CustomEvent('value-changed', { detail: value, bubbles: true }));
  }

  render() {
    return html`<fieldset class="media-field" id=${this.inputId}>
      <legend>${this.label}</legend>
      ${this.value ? html`<figure class="media-chosen">
        <img src="/api/admin/v1/${this.ctx.code}/media/${this.value}/renditions/thumb" alt=${this.caption || ''}>
        <figcaption>${this.caption || ''}</figcaption></figure>` : html`<p class="hint">${t('editor.noneChosen')}</p>`}
      ${this.readonly ? nothing : html`<div class="row">
        <button type="button" @click=${() => this.querySelector('sb-media-picker').open()}>${t('editor.media.choose')}</button>
        ${this.value ? html`<button type="button" @click=${() => this.set(null)}>${t('editor.media.remove')}</button>` : nothing}
      </div>
      <sb-media-picker .ctx=${this.ctx} @picked=${(e) => {
        titles.set('media/' + e.detail.id, Promise.resolve(e.detail.title));
        this.set(e.detail.id);
      }}></sb-media-picker>`}
    </fieldset>`;
  }
}
customElements.define('sb-media-field', SbMediaField);
