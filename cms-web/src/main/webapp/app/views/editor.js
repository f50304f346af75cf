// The entry editor: a story, an OCOP product or a collection, its source language on the left and
// one translation on the right. Saves with If-Match; when someone saved first, both versions are
// shown field by field and the person chooses, so no edit is lost. What is typed is kept in this
// browser until it is saved (a session that ends or a closed tab loses nothing).
import { html, nothing } from 'lit';
import { SbElement, problemBox, fieldProblem, statusBadge, announce, go, drafts } from '../ui.js';
import { t, languageName, formatDateTime } from '../i18n.js';
import { call } from '../api.js';
import './editor-fields.js';
import './editor-richtext.js';

// The workflow and history panels are another screen's; the editor works without them.
import('./workflow.js').catch(() => {});
import('./history.js').catch(() => {});

const TEXT = ['title', 'subtitle', 'summary', 'body', 'slug', 'seoTitle', 'seoDescription', 'keywords'];
const TOP = {
  stories: ['kind', 'eventDate', 'places', 'pillars', 'topics', 'ethnicGroups', 'markets', 'heroMedia',
    'relatedStories', 'relatedProducts', 'credit', 'source'],
  products: ['productGroup', 'producer', 'commune', 'ocop', 'price', 'whereToBuy', 'pillars',
    'ethnicGroups', 'markets', 'media', 'stories'],
  collections: ['purpose', 'items', 'pillars'],
};
const KINDS = {
  stories: ['exemplary-person', 'green-initiative', 'harmonious-initiative', 'identity-initiative',
    'happiness-initiative', 'cultural-heritage', 'socio-economic-achievement', 'destination',
    'historical-relic', 'festival-event', 'investment-opportunity', 'international-cooperation',
    'human-rights-achievement'],
  products: ['food', 'beverage', 'herbal', 'textile', 'handicraft', 'rural-tourism'],
  collections: ['e-handbook', 'campaign', 'press-kit', 'publication'],
};
const KIND_FIELD = { stories: 'kind', products: 'productGroup', collections: 'purpose' };

/** A value as compared and sent: empty text, lists and objects are "nothing" (null). */
function norm(v) {
  if (v === undefined || v === null || v === '') return null;
  if (Array.isArray(v)) {
    const items = v.map(norm).filter((x) => x !== null);
    return items.length ? items : null;
  }
  if (typeof v === 'object') {
    const o = {};
    for (const [k, x] of Object.entries(v)) {
      const n = norm(x);
      if (n !== null) o[k] = n;
    }
    return Object.keys(o).length ? o : null;
  }
  return v;
}
const same = (a, b) => JSON.stringify(norm(a)) === JSON.stringify(norm(b));
const clone = (x) => JSON.parse(JSON.stringify(x));

/** The editable part of an entry: {top: {field: value}, tr: {locale: {field: value}}}. */
function snapshot(type, entry) {
  const top = {};
  for (const k of TOP[type]) top[k] = entry ? clone(entry[k] ?? null) : null;
  const tr = {};
  for (const [l, x] of Object.entries((entry && entry.translations) || {})) {
    tr[l] = {};
    for (const f of TEXT) tr[l][f] = clone(x[f] ?? null);
  }
  return { top, tr };
}

/** A value as a person reads it in the conflict table: text without tags, lists and parts spelled out. */
function plain(value) {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(plain).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value).filter(([, v]) => v !== null && v !== '')
      .map(([k, v]) => `${k}: ${plain(v)}`).join('; ');
  }
  if (typeof value !== 'string') return String(value);
  const holder = document.createElement('template');
  holder.innerHTML = value;
  return holder.content.textContent;
}

class SbEditor extends SbElement {
  static properties = {
    ctx: {}, params: {}, notice: {},
    entry: { state: true }, form: { state: true }, locale: { state: true },
    error: { state: true }, saving: { state: true }, conflict: { state: true },
    kept: { state: true }, moved: { state: true }, loadError: { state: true },
  };

  constructor() {
    super();
    this.onUnload = (e) => {
      if (this.dirty) {
        e.preventDefault();
        e.returnValue = '';
      }
    };
    this.onEntryChanged = () => this.reload();
  }

  get type() {
    return this.params.type;
  }

  get id() {
    return this.params.id;
  }

  get source() {
    return this.ctx.tenant.sourceLocale;
  }

  get canEdit() {
    return this.ctx.can('editor');
  }

  canWrite(locale) {
    return this.canEdit || (this.ctx.roles.has('translator') && this.ctx.translatorLocales.includes(locale));
  }

  /** The locales the right-hand pane offers: every other locale, for a translator only theirs. */
  get targets() {
    const all = this.ctx.tenant.locales.map((l) => l.tag).filter((l) => l !== this.source);
    return this.canEdit ? all : all.filter((l) => this.ctx.translatorLocales.includes(l));
  }

  get base() {
    return `admin/v1/${this.ctx.code}/${this.type}`;
  }

  draftKey(locale) {
    return `${this.ctx.code}/${this.type}/${this.id || 'new'}/${locale}`;
  }

  async connectedCallback() {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.onUnload);
    this.addEventListener('entry-changed', this.onEntryChanged);
    if (this.id) {
      await this.load();
    } else {
      this.entry = null;
      this.form = snapshot(this.type, null);
      this.form.tr[this.source] = Object.fromEntries(TEXT.map((f) => [f, null]));
      this.saved = clone(this.form);
      this.offerKept();
    }
    if (!this.locale) {
      const targets = this.targets;
      this.locale = targets.find((l) => this.form && this.form.tr[l]) || targets[0] || null;
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.onUnload);
  }

  async load() {
    try {
      const r = await call('GET', `${this.base}/${this.id}`);
      this.loaded(r.body, r.headers.get('ETag'));
      this.offerKept();
    } catch (e) {
      this.loadError = e;
    }
  }

  loaded(entry, etag) {
    this.entry = entry;
    this.etag = etag || `"${entry.version}"`;
    this.saved = snapshot(this.type, entry);
    this.form = clone(this.saved);
  }

  /** Reloads after the workflow or history panel changed the entry, keeping what is unsaved. */
  async reload() {
    const before = this.entry;
    const r = await call('GET', `${this.base}/${this.id}`).catch((e) => {
      this.error = e;
      return null;
    });
    if (!r) return;
    const mine = this.form;
    const saved = this.saved;
    const dirty = this.dirty;
    this.loaded(r.body, r.headers.get('ETag'));
    if (!dirty) return;
    const form = clone(this.saved);
    for (const k of TOP[this.type]) if (!same(mine.top[k], saved.top[k])) form.top[k] = mine.top[k];
    for (const [l, x] of Object.entries(mine.tr)) {
      form.tr[l] = form.tr[l] || Object.fromEntries(TEXT.map((f) => [f, null]));
      for (const f of TEXT) if (!same(x[f], (saved.tr[l] || {})[f])) form.tr[l][f] = x[f];
    }
    this.form = form;
    // Someone else's save (not only a status change) moved the text under the unsaved edit.
    this.moved = before && !same(snapshot(this.type, before), this.saved);
  }

  get dirty() {
    return !!this.form && !!this.saved && !same(this.form, this.saved);
  }

  /** Asked by the app before it leaves this screen. */
  confirmLeave() {
    if (!this.dirty) return true;
    if (!confirm(t('editor.leave'))) return false;
    this.forget();
    return true;
  }

  // ------------------------------------------------------------ kept drafts

  keep() {
    const version = this.entry ? this.entry.version : null;
    const at = Date.now();
    for (const l of new Set([this.source, ...Object.keys(this.form.tr)])) {
      const text = this.form.tr[l];
      const changedText = text && !same(text, this.saved.tr[l]);
      const changedTop = l === this.source && !same(this.form.top, this.saved.top);
      if (changedText || changedTop) {
        drafts.save(this.draftKey(l), { version, at, text, top: l === this.source ? this.form.top : undefined });
      } else {
        drafts.clear(this.draftKey(l));
      }
    }
  }

  forget() {
    for (const l of this.ctx.tenant.locales.map((x) => x.tag)) drafts.clear(this.draftKey(l));
  }

  offerKept() {
    const found = [];
    for (const l of this.ctx.tenant.locales.map((x) => x.tag)) {
      const kept = drafts.load(this.draftKey(l));
      if (!kept) continue;
      const differs = (kept.text && !same(kept.text, this.saved.tr[l]))
        || (kept.top && !same(kept.top, this.saved.top));
      if (differs) found.push({ locale: l, ...kept });
      else drafts.clear(this.draftKey(l));
    }
    this.kept = found.length ? found : null;
  }

  restoreKept() {
    const form = clone(this.form);
    let moved = false;
    for (const k of this.kept) {
      if (k.top) form.top = { ...form.top, ...clone(k.top) };
      if (k.text) form.tr[k.locale] = clone(k.text);
      if (this.entry && k.version !== this.entry.version) moved = true;
      if (k.locale !== this.source && this.targets.includes(k.locale)) this.locale = k.locale;
    }
    this.form = form;
    this.moved = moved;
    this.kept = null;
    announce(t('editor.kept.restored'));
  }

  discardKept() {
    this.forget();
    this.kept = null;
  }

  // ------------------------------------------------------------ editing

  setTop(key, value) {
    this.form = { ...this.form, top: { ...this.form.top, [key]: value } };
    this.keep();
  }

  setPart(key, part, value) {
    this.setTop(key, { ...(this.form.top[key] || {}), [part]: value });
  }

  setText(locale, field, value) {
    const tr = { ...this.form.tr, [locale]: { ...this.form.tr[locale], [field]: value } };
    this.form = { ...this.form, tr };
    this.keep();
  }

  addTranslation(locale) {
    const tr = { ...this.form.tr, [locale]: Object.fromEntries(TEXT.map((f) => [f, null])) };
    this.form = { ...this.form, tr };
    this.updateComplete.then(() => {
      const title = this.querySelector(`#f-${locale}-title`);
      if (title) title.focus();
    });
  }

  // ------------------------------------------------------------ saving

  /** The merge patch from what was saved to what the form holds (null removes). */
  patch() {
    const patch = {};
    for (const k of TOP[this.type]) {
      if (!same(this.form.top[k], this.saved.top[k])) patch[k] = norm(this.form.top[k]);
    }
    const translations = {};
    for (const [l, x] of Object.entries(this.form.tr)) {
      const before = this.saved.tr[l];
      if (!before) {
        translations[l] = norm(x) || {};
        continue;
      }
      const changes = {};
      for (const f of TEXT) if (!same(x[f], before[f])) changes[f] = norm(x[f]);
      if (Object.keys(changes).length) translations[l] = changes;
    }
    if (Object.keys(translations).length) patch.translations = translations;
    return patch;
  }

  async save(e) {
    if (e) e.preventDefault();
    if (this.saving) return;
    this.keep();
    this.saving = true;
    this.error = null;
    try {
      if (!this.id) {
        const body = { ...norm(this.form.top), translations: {} };
        for (const [l, x] of Object.entries(this.form.tr)) body.translations[l] = norm(x) || {};
        const r = await call('POST', this.base, { body });
        this.forget();
        this.saved = clone(this.form);
        announce(t('editor.saved'));
        go(`/${this.type}/${r.body.id}`);
        return;
      }
      if (this.canEdit) {
        const r = await call('PATCH', `${this.base}/${this.id}`, {
          body: this.patch(), headers: { 'If-Match': this.etag },
        });
        this.loaded(r.body, r.headers.get('ETag'));
      } else {
        for (const [l, x] of Object.entries(this.form.tr)) {
          if (same(x, this.saved.tr[l]) || !this.canWrite(l)) continue;
          const r = await call('PUT', `${this.base}/${this.id}/translations/${encodeURIComponent(l)}`, {
            body: norm(x) || {}, headers: { 'If-Match': this.etag },
          });
          this.etag = r.headers.get('ETag') || this.etag;
        }
        const r = await call('GET', `${this.base}/${this.id}`);
        this.loaded(r.body, r.headers.get('ETag'));
      }
      this.forget();
      this.moved = false;
      announce(t('editor.saved'));
      this.savedAt = new Date();
    } catch (err) {
      if (err.status === 412) await this.showConflict();
      else this.error = err;
    } finally {
      this.saving = false;
    }
  }

  /** Someone saved first: every field where their version and mine differ, to choose from. */
  async showConflict() {
    let r;
    try {
      r = await call('GET', `${this.base}/${this.id}`);
    } catch (e) {
      this.error = e;
      return;
    }
    const theirs = snapshot(this.type, r.body);
    const rows = [];
    for (const k of TOP[this.type]) {
      if (!same(this.form.top[k], theirs.top[k])) {
        rows.push({ locale: null, field: k, mine: this.form.top[k], theirs: theirs.top[k],
          choice: same(this.form.top[k], this.saved.top[k]) ? 'theirs' : 'mine' });
      }
    }
    const locales = new Set([...Object.keys(this.form.tr), ...Object.keys(theirs.tr)]);
    for (const l of locales) {
      for (const f of TEXT) {
        const mine = (this.form.tr[l] || {})[f];
        const other = (theirs.tr[l] || {})[f];
        if (!same(mine, other)) {
          rows.push({ locale: l, field: f, mine, theirs: other,
            choice: same(mine, (this.saved.tr[l] || {})[f]) ? 'theirs' : 'mine' });
        }
      }
    }
    this.conflict = { entry: r.body, etag: r.headers.get('ETag'), theirs, rows };
    announce(t('editor.conflict.title'));
    this.updateComplete.then(() => {
      const h = this.querySelector('#conflict-title');
      if (h) h.focus();
    });
  }

  choose(row, choice) {
    row.choice = choice;
    this.conflict = { ...this.conflict };
  }

  chooseAll(choice) {
    this.conflict.rows.forEach((row) => { row.choice = choice; });
    this.conflict = { ...this.conflict };
  }

  /** Their version becomes the base; what the person chose as theirs is kept on top; saved again. */
  async resolve() {
    const { entry, etag, theirs, rows } = this.conflict;
    this.entry = entry;
    this.etag = etag || `"${entry.version}"`;
    this.saved = theirs;
    const form = clone(theirs);
    for (const row of rows.filter((x) => x.choice === 'mine')) {
      if (row.locale === null) form.top[row.field] = clone(row.mine);
      else {
        form.tr[row.locale] = form.tr[row.locale] || Object.fromEntries(TEXT.map((f) => [f, null]));
        form.tr[row.locale][row.field] = clone(row.mine);
      }
    }
    this.form = form;
    this.conflict = null;
    this.keep();
    await this.save();
  }

  // ------------------------------------------------------------ rendering

  render() {
    if (this.loadError) return html`<h1>${t('editor.title.' + this.type)}</h1>${problemBox(this.loadError)}`;
    if (!this.form) return html`<p class="hint" role="status">${t('editor.loading')}</p>`;
    const src = this.form.tr[this.source] || {};
    const heading = this.id ? (src.title || t('editor.untitled')) : t('editor.new.' + this.type);
    return html`<form class="editor" @submit=${(e) => this.save(e)} @keydown=${this.noSearchSubmit} novalidate>
      <div class="row editor-head">
        <h1>${heading}</h1>
        <span class="spacer"></span>
        ${this.dirty ? html`<span class="badge unsaved">${t('editor.unsaved')}</span>` : nothing}
        <button type="submit" class="primary" ?disabled=${this.saving || !!this.conflict}>
          ${this.saving ? t('editor.saving') : t('editor.save')}</button>
      </div>
      ${this.entry ? html`<p class="hint">${t('editor.updated', {
        at: formatDateTime(this.entry.updatedAt), by: this.entry.updatedBy, version: this.entry.version })}</p>` : nothing}
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${this.kept ? this.keptBox() : nothing}
      ${this.moved ? html`<p class="warning" role="alert">${t('editor.moved')}</p>` : nothing}
      ${problemBox(this.error)}
      ${this.conflict ? this.conflictBox() : nothing}
      <div class="side-by-side editor-panes">
        ${this.pane(this.source, true)}
        ${this.rightPane()}
      </div>
      <section class="card editor-fields" aria-labelledby="fields-title">
        <h2 id="fields-title">${t('editor.fields')}</h2>
        ${this.topFields()}
      </section>
    </form>`;
  }

  /** Enter in a filter box (places, related entries) finds; it does not save the entry. */
  noSearchSubmit(e) {
    if (e.key === 'Enter' && e.target.type === 'search') e.preventDefault();
  }

  keptBox() {
    const at = Math.max(...this.kept.map((k) => k.at || 0));
    return html`<div class="warning kept" role="alert">
      <p>${t('editor.kept.found', { at: formatDateTime(at), locales: this.kept.map((k) => languageName(k.locale)).join(', ') })}</p>
      <div class="row">
        <button type="button" class="primary" @click=${() => this.restoreKept()}>${t('editor.kept.restore')}</button>
        <button type="button" @click=${() => this.discardKept()}>${t('editor.kept.discard')}</button>
      </div></div>`;
  }

  fieldName(row) {
    const name = t('editor.field.' + row.field);
    return row.locale ? `${name} (${languageName(row.locale)})` : name;
  }

  conflictBox() {
    const rows = this.conflict.rows;
    const who = this.conflict.entry.updatedBy;
    return html`<section class="card conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title" tabindex="-1">${t('editor.conflict.title')}</h2>
      <p>${t('editor.conflict.explain', { by: who, at: formatDateTime(this.conflict.entry.updatedAt) })}</p>
      <div class="row">
        <button type="button" @click=${() => this.chooseAll('mine')}>${t('editor.conflict.keepMine')}</button>
        <button type="button" @click=${() => this.chooseAll('theirs')}>${t('editor.conflict.takeTheirs')}</button>
      </div>
      <table>
        <thead><tr><th scope="col">${t('editor.conflict.field')}</th><th scope="col">${t('editor.conflict.mine')}</th>
          <th scope="col">${t('editor.conflict.theirs', { by: who })}</th></tr></thead>
        <tbody>${rows.map((row, i) => html`<tr class="conflict-row" data-field=${(row.locale ? row.locale + '.' : '') + row.field}>
          <th scope="row">${this.fieldName(row)}</th>
          <td><label class="inline"><input type="radio" name=${'c' + i} value="mine" .checked=${row.choice === 'mine'}
              @change=${() => this.choose(row, 'mine')}> ${t('editor.conflict.useMine')}</label>
            <div class="conflict-value">${plain(row.mine) || html`<em>${t('editor.empty')}</em>`}</div></td>
          <td><label class="inline"><input type="radio" name=${'c' + i} value="theirs" .checked=${row.choice === 'theirs'}
              @change=${() => this.choose(row, 'theirs')}> ${t('editor.conflict.useTheirs')}</label>
            <div class="conflict-value">${plain(row.theirs) || html`<em>${t('editor.empty')}</em>`}</div></td>
        </tr>`)}</tbody>
      </table>
      <button type="button" class="primary" @click=${() => this.resolve()}>${t('editor.conflict.save')}</button>
    </section>`;
  }

  input(key, { type = 'text', part, locale } = {}) {
    const id = locale ? `f-${locale}-${key}` : `f-${key}${part ? '-' + part : ''}`;
    const field = locale ? `translations.${locale}.${key}` : part ? `${key}.${part}` : key;
    const value = locale ? (this.form.tr[locale] || {})[key] : part ? (this.form.top[key] || {})[part] : this.form.top[key];
    const readonly = locale ? !this.canWrite(locale) : !this.canEdit;
    const problem = fieldProblem(this.error, field, id + '-problem');
    const set = (v) => {
      const x = type === 'number' ? (v === '' ? null : Number(v)) : v;
      if (locale) this.setText(locale, key, x);
      else if (part) this.setPart(key, part, x);
      else this.setTop(key, x);
    };
    const label = t('editor.field.' + (part ? `${key}.${part}` : key));
    const common = (el) => el;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${type === 'textarea'
        ? html`<textarea id=${id} .value=${value ?? ''} ?readonly=${readonly} aria-invalid=${problem !== nothing ? 'true' : 'false'}
            @input=${(e) => set(e.target.value)}></textarea>`
        : common(html`<input id=${id} type=${type} .value=${value ?? ''} ?readonly=${readonly}
            aria-invalid=${problem !== nothing ? 'true' : 'false'} @input=${(e) => set(e.target.value)}>`)}
      ${problem}</div>`;
  }

  select(key, options, labelKey, { part } = {}) {
    const id = `f-${key}${part ? '-' + part : ''}`;
    const value = part ? (this.form.top[key] || {})[part] : this.form.top[key];
    const field = part ? `${key}.${part}` : key;
    const set = (v) => {
      const x = v === '' ? null : /^\d+$/.test(v) ? Number(v) : v;
      if (part) this.setPart(key, part, x);
      else this.setTop(key, x);
    };
    return html`<div class="field">
      <label for=${id}>${t('editor.field.' + field)}</label>
      <select id=${id} ?disabled=${!this.canEdit} @change=${(e) => set(e.target.value)}>
        <option value="" ?selected=${value == null}>${t('editor.choose')}</option>
        ${options.map((o) => html`<option value=${o} ?selected=${String(value) === String(o)}>${labelKey ? t(labelKey + o) : o}</option>`)}
      </select>${fieldProblem(this.error, field)}</div>`;
  }

  terms(key, kind, { single = false } = {}) {
    return html`<sb-term-picker .ctx=${this.ctx} kind=${kind} .value=${this.form.top[key]} ?single=${single}
      ?readonly=${!this.canEdit} inputId=${'f-' + key} label=${t('editor.field.' + key)}
      @value-changed=${(e) => this.setTop(key, e.detail)}></sb-term-picker>${fieldProblem(this.error, key)}`;
  }

  entries(key, types, { ordered = false } = {}) {
    return html`<sb-entry-picker .ctx=${this.ctx} .types=${types} .value=${this.form.top[key] || []} ?ordered=${ordered}
      ?readonly=${!this.canEdit} inputId=${'f-' + key} label=${t('editor.field.' + key)}
      @value-changed=${(e) => this.setTop(key, e.detail)}></sb-entry-picker>${fieldProblem(this.error, key)}`;
  }

  topFields() {
    const kindKey = KIND_FIELD[this.type];
    const kindSelect = this.select(kindKey, KINDS[this.type], `editor.${kindKey}.`);
    if (this.type === 'stories') {
      return html`<div class="grid">
        <div>${kindSelect}${this.input('eventDate', { type: 'date' })}
          ${this.input('credit')}${this.input('source')}
          <sb-media-field .ctx=${this.ctx} .value=${this.form.top.heroMedia} inputId="f-heroMedia"
            ?readonly=${!this.canEdit} label=${t('editor.field.heroMedia')}
            @value-changed=${(e) => this.setTop('heroMedia', e.detail)}></sb-media-field>${fieldProblem(this.error, 'heroMedia')}</div>
        <div>${this.terms('places', 'places')}${this.terms('pillars', 'pillars')}${this.terms('topics', 'topics')}</div>
        <div>${this.terms('ethnicGroups', 'ethnic-groups')}${this.terms('markets', 'markets')}
          ${this.entries('relatedStories', ['story'])}${this.entries('relatedProducts', ['product'])}</div>
      </div>`;
    }
    if (this.type === 'products') {
      return html`<div class="grid">
        <div>${kindSelect}
          <fieldset><legend>${t('editor.field.producer')}</legend>
            ${this.input('producer', { part: 'name' })}
            ${this.select('producer', ['cooperative', 'enterprise', 'household'], 'editor.producerKind.', { part: 'kind' })}
            ${this.input('producer', { part: 'contact' })}</fieldset>
          ${this.terms('commune', 'places', { single: true })}</div>
        <div><fieldset><legend>${t('editor.field.ocop')}</legend>
            ${this.select('ocop', [3, 4, 5], 'editor.stars.', { part: 'stars' })}
            ${this.input('ocop', { part: 'year', type: 'number' })}
            ${this.input('ocop', { part: 'certificate' })}</fieldset>
          <fieldset><legend>${t('editor.field.price')}</legend>
            ${this.input('price', { part: 'min', type: 'number' })}
            ${this.input('price', { part: 'max', type: 'number' })}
            ${this.input('price', { part: 'currency' })}</fieldset>
          ${this.whereToBuy()}</div>
        <div>${this.terms('pillars', 'pillars')}${this.terms('ethnicGroups', 'ethnic-groups')}
          ${this.terms('markets', 'markets')}${this.entries('media', ['media'])}${this.entries('stories', ['story'])}</div>
      </div>`;
    }
    return html`<div class="grid">
      <div>${kindSelect}${this.terms('pillars', 'pillars')}</div>
      <div>${this.entries('items', ['story', 'product', 'media', 'collection'], { ordered: true })}</div>
    </div>`;
  }

  whereToBuy() {
    const rows = this.form.top.whereToBuy || [];
    const set = (i, part, v) => this.setTop('whereToBuy', rows.map((r, j) => (j === i ? { ...r, [part]: v } : r)));
    return html`<fieldset class="where-to-buy"><legend>${t('editor.field.whereToBuy')}</legend>
      ${rows.map((r, i) => html`<div class="row">
        ${['label', 'url', 'platform'].map((p) => html`<label class="inline" for=${`f-wtb-${i}-${p}`}>${t('editor.field.whereToBuy.' + p)}</label>
          <input id=${`f-wtb-${i}-${p}`} type=${p === 'url' ? 'url' : 'text'} .value=${r[p] || ''} ?readonly=${!this.canEdit}
            @input=${(e) => set(i, p, e.target.value)}>`)}
        ${this.canEdit ? html`<button type="button" @click=${() => this.setTop('whereToBuy', rows.filter((_, j) => j !== i))}>${t('editor.remove', { name: r.label || '' })}</button>` : nothing}
        ${fieldProblem(this.error, `whereToBuy[${i}]`)}</div>`)}
      ${this.canEdit ? html`<button type="button" @click=${() => this.setTop('whereToBuy', [...rows, { label: '', url: '', platform: '' }])}>${t('editor.whereToBuy.add')}</button>` : nothing}
    </fieldset>`;
  }

  rightPane() {
    const targets = this.targets;
    if (!targets.length) return html`<div>${this.panels(this.source)}</div>`;
    const l = this.locale;
    return html`<section class="card pane" aria-labelledby="pane-right-title">
      <h2 id="pane-right-title" class="visually-hidden">${t('editor.translation')}</h2>
      <label for="pane-locale">${t('editor.translation')}</label>
      <select id="pane-locale" @change=${(e) => { this.locale = e.target.value; }}>
        ${targets.map((x) => html`<option value=${x} ?selected=${x === l}>${languageName(x)} (${x})${this.form.tr[x] ? '' : ' — ' + t('editor.none')}</option>`)}
      </select>
      ${this.form.tr[l] ? this.paneFields(l) : html`<p class="hint">${t('editor.noTranslation', { lang: languageName(l) })}</p>
        ${this.canWrite(l) ? html`<button type="button" class="add-translation" @click=${() => this.addTranslation(l)}>
          ${t('editor.addTranslation', { lang: languageName(l) })}</button>` : nothing}`}
      ${this.panels(this.entry && this.entry.translations && this.entry.translations[l] ? l : this.source)}
    </section>`;
  }

  pane(locale) {
    return html`<section class="card pane" aria-labelledby=${'pane-' + locale}>
      <h2 id=${'pane-' + locale}>${t('editor.source', { lang: languageName(locale) })}</h2>
      ${this.paneFields(locale)}
    </section>`;
  }

  /** The workflow and revision panels of the other screen, beside the translation edited. */
  panels(locale) {
    if (!this.entry) return nothing;
    return html`<sb-workflow .ctx=${this.ctx} .type=${this.type} .entry=${this.entry} .locale=${locale}></sb-workflow>
      <sb-history .ctx=${this.ctx} .type=${this.type} .entry=${this.entry} .locale=${locale}></sb-history>`;
  }

  paneFields(locale) {
    const tr = this.form.tr[locale] || {};
    const stored = this.entry && this.entry.translations && this.entry.translations[locale];
    const id = `f-${locale}-body`;
    return html`<div class="pane-fields" lang=${locale}>
      ${stored ? html`<p class="row">${statusBadge(stored.status)}
        ${stored.stale ? html`<span class="badge stale">${t('editor.stale')}</span>` : nothing}</p>` : nothing}
      ${this.input('title', { locale })}
      ${this.input('subtitle', { locale })}
      ${this.input('summary', { locale, type: 'textarea' })}
      <div class="field">
        <span class="label" id=${id + '-label'}>${t('editor.field.body')}</span>
        <sb-richtext .ctx=${this.ctx} .value=${tr.body || ''} inputId=${id} label=${t('editor.field.body')}
          ?readonly=${!this.canWrite(locale)} @value-changed=${(e) => this.setText(locale, 'body', e.detail)}></sb-richtext>
        ${fieldProblem(this.error, `translations.${locale}.body`)}
      </div>
      <details class="seo">
        <summary>${t('editor.seo')}</summary>
        ${this.input('slug', { locale })}
        ${this.input('seoTitle', { locale })}
        ${this.input('seoDescription', { locale, type: 'textarea' })}
        <div class="field">
          <label for=${`f-${locale}-keywords`}>${t('editor.field.keywords')}</label>
          <input id=${`f-${locale}-keywords`} .value=${(tr.keywords || []).join(', ')} ?readonly=${!this.canWrite(locale)}
            aria-describedby=${`f-${locale}-keywords-hint`}
            @change=${(e) => this.setText(locale, 'keywords', e.target.value.split(',').map((x) => x.trim()).filter(Boolean))}>
          <p class="hint" id=${`f-${locale}-keywords-hint`}>${t('editor.keywordsHint')}</p>
          ${fieldProblem(this.error, `translations.${locale}.keywords`)}
        </div>
      </details>
    </div>`;
  }
}
customElements.define('sb-editor', SbEditor);
