// The list screens of stories, OCOP products and collections: the editor search (no diacritics
// needed) with drill-sideways facets, one row per translation with its status, language and
// staleness, paging and sort. The filters live in the address (#/stories?q=…&kind=…), so a reload
// or a shared link shows the same list; typing updates it with replaceState, which re-creates no
// screen.
import { html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { SbElement, problemBox, statusBadge, statusLabel, announce, debounce } from '../ui.js';
import { t, language, languageName, formatDateTime, formatNumber } from '../i18n.js';
import { get, query } from '../api.js';

const TYPES = { stories: 'story', products: 'product', collections: 'collection' };
const PAGE = 20;

/** The facets shown, in this order; the API counts each one drill-sideways. */
const FACETS = ['status', 'locale', 'kind', 'stars', 'pillar', 'topic', 'place', 'ethnicGroup', 'market', 'year'];

/** Facets whose values are taxonomy terms, and the taxonomy that names them. */
const TAXONOMY = {
  pillar: 'pillars', topic: 'topics', place: 'places', ethnicGroup: 'ethnic-groups', market: 'markets',
};

/** How many values of a facet show before "Show all". */
const SHOWN_VALUES = 8;

/** Term labels per tenant and taxonomy, loaded once, for facets in a UI language the API did not use. */
const termLabels = new Map();

async function labelsOf(tenant, taxonomy) {
  const key = tenant + '/' + taxonomy;
  if (!termLabels.has(key)) {
    termLabels.set(key, get(`admin/v1/${tenant}/taxonomies/${taxonomy}/terms`)
      .then((r) => {
        const map = new Map();
        for (const term of r.items || r) map.set(term.code, term.labels || {});
        return map;
      })
      .catch(() => new Map()));
  }
  return termLabels.get(key);
}

/** The filters of the address's query part: q, sort, offset and the facet selections. */
function readAddress() {
  const search = new URLSearchParams(location.hash.split('?')[1] || '');
  const state = { q: search.get('q') || '', sort: search.get('sort') || '', offset: 0, selected: {} };
  const offset = parseInt(search.get('offset') || '0', 10);
  state.offset = Number.isFinite(offset) && offset > 0 ? offset : 0;
  for (const f of FACETS) {
    const values = search.getAll(f).flatMap((v) => v.split(',')).filter(Boolean);
    if (values.length) state.selected[f] = values;
  }
  return state;
}

/** One word for a kind code (story kind, product group, collection purpose), else the code. */
function kindLabel(code) {
  const key = 'list.kind.' + code;
  const text = t(key);
  return text === key ? code : text;
}

class SbList extends SbElement {
  static properties = {
    ctx: {},
    params: {},
    state: { state: true },
    result: { state: true },
    error: { state: true },
    busy: { state: true },
    expanded: { state: true },
    labels: { state: true },
  };

  constructor() {
    super();
    this.state = readAddress();
    this.expanded = new Set();
    this.labels = {};
    this.typed = debounce(() => this.load(), 200);
  }

  get type() {
    return TYPES[this.params.type];
  }

  connectedCallback() {
    super.connectedCallback();
    performance.mark('sb-list-open');
    this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    if (this.controller) this.controller.abort();
  }

  /** Term labels in the UI language when it is not the tenant's source language (the API's). */
  async loadLabels() {
    if (language() === this.ctx.tenant.sourceLocale) {
      this.labels = {};
      return;
    }
    const entries = await Promise.all(Object.entries(TAXONOMY)
      .map(async ([facet, taxonomy]) => [facet, await labelsOf(this.ctx.code, taxonomy)]));
    this.labels = Object.fromEntries(entries);
  }

  /** The request for the current filters. */
  request() {
    const s = this.state;
    return query({
      type: this.type, q: s.q.trim(), sort: s.sort, offset: s.offset || undefined, limit: PAGE,
      ...s.selected,
    });
  }

  /** Puts the filters into the address without re-creating the screen. */
  remember() {
    const s = this.state;
    const q = query({ q: s.q, sort: s.sort, offset: s.offset || undefined, ...s.selected });
    const address = `#/${this.params.type}${q}`;
    if (location.hash !== address) history.replaceState(null, '', address);
  }

  async load() {
    this.remember();
    if (this.controller) this.controller.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.busy = true;
    try {
      const result = await get(`admin/v1/${this.ctx.code}/search${this.request()}`, { signal: controller.signal });
      if (controller.signal.aborted) return;
      this.result = result;
      this.error = null;
      announce(t('list.found', { count: formatNumber(result.total) }));
    } catch (e) {
      if (e.name === 'AbortError') return;
      this.error = e;
    } finally {
      if (this.controller === controller) this.busy = false;
    }
  }

  updated() {
    if (this.labelsLanguage !== language()) {
      this.labelsLanguage = language();
      this.loadLabels();
    }
    if (this.drawn !== this.result && this.result) {
      // Each answer drawn, for the benchmarks: opening the list, and every answer while typing.
      this.drawn = this.result;
      performance.mark('sb-list-rendered');
    }
  }

  change(mutate) {
    const next = { ...this.state, selected: { ...this.state.selected } };
    mutate(next);
    this.state = next;
  }

  onType(e) {
    this.change((s) => { s.q = e.target.value; s.offset = 0; });
    this.busy = true; // from the first key: the list shown is no longer the answer
    this.typed();
  }

  toggle(facet, value, on) {
    this.change((s) => {
      const values = new Set(s.selected[facet] || []);
      if (on) values.add(value);
      else values.delete(value);
      if (values.size) s.selected[facet] = [...values];
      else delete s.selected[facet];
      s.offset = 0;
    });
    this.load();
  }

  clearFilters() {
    this.change((s) => { s.selected = {}; s.offset = 0; });
    this.load();
  }

  sortBy(value) {
    this.change((s) => { s.sort = value; s.offset = 0; });
    this.load();
  }

  page(delta) {
    this.change((s) => { s.offset = Math.max(0, s.offset + delta * PAGE); });
    this.load();
    this.querySelector('#list-results')?.focus();
  }

  valueLabel(facet, v) {
    if (facet === 'status') return statusLabel(v.value);
    if (facet === 'locale') return `${languageName(v.value)} (${v.value})`;
    if (facet === 'kind') return kindLabel(v.value);
    if (facet === 'stars') return t('list.stars', { stars: v.value });
    const terms = this.labels[facet];
    const labels = terms && terms.get(v.value);
    if (labels) return labels[language()] || v.label || v.value;
    return v.label || v.value;
  }

  render() {
    const kind = this.params.type;
    const s = this.state;
    const canCreate = this.ctx.can('editor');
    // Until the person chooses, the API's default: relevance when searching, else last updated.
    const sort = s.sort || (s.q.trim() ? 'relevance' : 'updated');
    return html`
      <div class="row list-head">
        <h1>${t('list.title.' + kind)}</h1>
        <span class="spacer"></span>
        ${canCreate ? html`<a class="button primary" href="#/${kind}/new">${t('list.new.' + kind)}</a>` : nothing}
      </div>
      <form class="card list-search" role="search" @submit=${(e) => { e.preventDefault(); this.load(); }}>
        <label for="list-q">${t('list.search.' + kind)}</label>
        <div class="row">
          <input id="list-q" type="search" .value=${s.q} @input=${this.onType} autocomplete="off"
            aria-describedby="list-q-hint" aria-controls="list-results">
          <label class="inline" for="list-sort">${t('list.sort')}</label>
          <select id="list-sort" @change=${(e) => this.sortBy(e.target.value)}>
            <option value="relevance" ?selected=${sort === 'relevance'}>${t('list.sort.relevance')}</option>
            <option value="updated" ?selected=${sort === 'updated'}>${t('list.sort.updated')}</option>
          </select>
        </div>
        <p class="hint" id="list-q-hint">${t('list.search.hint')}</p>
      </form>
      ${problemBox(this.error)}
      <div class="layout-list">
        ${this.facets()}
        <section id="list-results" tabindex="-1" aria-labelledby="list-count" aria-busy=${this.busy ? 'true' : 'false'}>
          ${this.results()}
        </section>
      </div>`;
  }

  facets() {
    const facets = this.result ? this.result.facets : {};
    const selected = this.state.selected;
    const any = Object.keys(selected).length > 0;
    return html`<div class="facets" aria-label=${t('list.filters')} role="region">
      ${any ? html`<button type="button" class="link" @click=${this.clearFilters}>${t('list.clearFilters')}</button>` : nothing}
      ${FACETS.map((f) => {
        const values = (facets[f] || []).filter((v) => v.count > 0 || (selected[f] || []).includes(v.value));
        if (!values.length) return nothing;
        const open = this.expanded.has(f);
        const shown = open ? values : values.slice(0, SHOWN_VALUES);
        return html`<fieldset class="facet" data-facet=${f}>
          <legend>${t('list.facet.' + f)}</legend>
          ${shown.map((v) => {
            const id = `facet-${f}-${v.value}`.replace(/[^\w-]/g, '_');
            const on = (selected[f] || []).includes(v.value);
            return html`<div class="facet-value">
              <input type="checkbox" id=${id} .checked=${on} data-value=${v.value}
                @change=${(e) => this.toggle(f, v.value, e.target.checked)}>
              <label for=${id} class="inline">${this.valueLabel(f, v)}
                <span class="count">${formatNumber(v.count)}</span></label>
            </div>`;
          })}
          ${values.length > SHOWN_VALUES ? html`<button type="button" class="link" aria-expanded=${String(open)}
            @click=${() => { const x = new Set(this.expanded); open ? x.delete(f) : x.add(f); this.expanded = x; }}>
            ${open ? t('list.showFewer') : t('list.showAll', { count: values.length })}</button>` : nothing}
        </fieldset>`;
      })}
    </div>`;
  }

  results() {
    const r = this.result;
    if (!r) return html`<p class="hint" id="list-count">${t('list.loading')}</p>`;
    const kind = this.params.type;
    const from = r.total ? this.state.offset + 1 : 0;
    const to = this.state.offset + r.hits.length;
    const count = html`<p id="list-count" class="list-count">${r.total
      ? t('list.range', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(r.total) })
      : t('list.none.' + kind)}${r.relaxed ? html` <span class="hint">${t('list.relaxed')}</span>` : nothing}</p>`;
    if (!r.hits.length) {
      return html`${count}<p class="hint">${t('list.none.hint')}</p>`;
    }
    return html`${count}
      <table class="results">
        <caption class="visually-hidden">${t('list.title.' + kind)}</caption>
        <thead><tr>
          <th scope="col">${t('list.col.title')}</th>
          <th scope="col">${t('list.col.locale')}</th>
          <th scope="col">${t('list.col.status')}</th>
          <th scope="col">${t('list.col.updated')}</th>
        </tr></thead>
        <tbody>
          ${r.hits.map((h) => html`<tr data-id=${h.id} data-locale=${h.locale}>
            <td><a href="#/${kind}/${h.id}" lang=${h.locale}>${h.title || t('list.untitled')}</a>
              ${h.snippet ? html`<div class="snippet" lang=${h.locale}>${unsafeHTML(h.snippet)}</div>` : nothing}</td>
            <td><span lang=${language()}>${languageName(h.locale)}</span> <span class="tag">${h.locale}</span>
              ${h.stale ? html`<br><span class="badge stale" title=${t('list.staleHint')}>${t('list.stale')}</span>` : nothing}</td>
            <td>${statusBadge(h.status)}</td>
            <td>${h.updatedAt ? formatDateTime(h.updatedAt) : ''}</td>
          </tr>`)}
        </tbody>
      </table>
      <nav class="row pager" aria-label=${t('list.paging')}>
        <button type="button" ?disabled=${this.state.offset === 0} @click=${() => this.page(-1)}>${t('list.previous')}</button>
        <span>${t('list.range', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(r.total) })}</span>
        <button type="button" ?disabled=${to >= r.total} @click=${() => this.page(1)}>${t('list.next')}</button>
      </nav>`;
  }
}
customElements.define('sb-list', SbList);
