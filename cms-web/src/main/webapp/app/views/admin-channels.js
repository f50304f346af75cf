// Channels: what each consumer receives (languages and their fallbacks, formats, access, filter).
import { html, nothing } from 'lit';
import { SbElement, problemBox, fieldProblem, announce } from '../ui.js';
import { t, languageName } from '../i18n.js';
import { get, call } from '../api.js';
import { splitList, joinList, ifMatch, versionOf, confirmBox, localeLabel } from './admin-common.js';

const FORMATS = ['jsonfeed', 'ninjs', 'atom', 'sync', 'playlist'];
const TYPES = ['story', 'product', 'media', 'collection'];

class SbAdminChannels extends SbElement {
  static properties = {
    ctx: {}, items: { state: true }, form: { state: true }, error: { state: true },
    loadError: { state: true }, saved: { state: true }, deleting: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  get base() {
    return `admin/v1/${encodeURIComponent(this.ctx.code)}/channels`;
  }

  async load() {
    try {
      this.items = (await get(this.base)).items;
      this.loadError = null;
    } catch (e) {
      this.loadError = e;
    }
  }

  create() {
    this.saved = '';
    this.error = null;
    this.form = {
      isNew: true, code: '', name: '', access: 'public', presets: {},
      locales: [{ tag: this.ctx.tenant.sourceLocale, fallbacks: '', translatedOnly: false }],
      types: [], kinds: '', pillars: '', topics: '', formats: ['jsonfeed', 'ninjs', 'atom', 'sync'],
    };
  }

  async edit(code) {
    this.saved = '';
    this.error = null;
    try {
      const r = await call('GET', `${this.base}/${encodeURIComponent(code)}`);
      const c = r.body;
      this.form = {
        isNew: false, code: c.code, name: c.name || '', access: c.access, presets: c.presets || {},
        version: versionOf(r),
        locales: c.locales.map((l) => ({ tag: l.tag, fallbacks: joinList(l.fallbacks), translatedOnly: l.translatedOnly })),
        types: c.filter.types, kinds: joinList(c.filter.kinds), pillars: joinList(c.filter.pillars),
        topics: joinList(c.filter.topics), formats: c.formats,
      };
    } catch (e) {
      this.loadError = e;
    }
  }

  body() {
    const f = this.form;
    return {
      name: f.name, access: f.access, presets: f.presets, formats: f.formats,
      locales: f.locales.map((l) => ({ tag: l.tag, fallbacks: splitList(l.fallbacks), translatedOnly: l.translatedOnly })),
      filter: { types: f.types, kinds: splitList(f.kinds), pillars: splitList(f.pillars), topics: splitList(f.topics) },
    };
  }

  async save(e) {
    e.preventDefault();
    const f = this.form;
    this.error = null;
    try {
      if (f.isNew) {
        await call('POST', this.base, { body: { code: f.code, ...this.body() } });
      } else {
        await call('PUT', `${this.base}/${encodeURIComponent(f.code)}`, { body: this.body(), headers: ifMatch(f.version) });
      }
      this.saved = t('admin.channels.saved', { code: f.code });
      announce(this.saved);
      this.form = null;
      await this.load();
    } catch (err) {
      this.error = err;
    }
  }

  async remove(c) {
    this.deleting = null;
    try {
      await call('DELETE', `${this.base}/${encodeURIComponent(c.code)}`, { headers: ifMatch(c.version) });
      this.saved = t('admin.channels.deleted', { code: c.code });
      announce(this.saved);
      await this.load();
    } catch (err) {
      this.loadError = err;
    }
  }

  set(field, value) {
    this.form = { ...this.form, [field]: value };
  }

  setLocale(i, field, value) {
    const locales = this.form.locales.map((l, j) => (j === i ? { ...l, [field]: value } : l));
    this.set('locales', locales);
  }

  toggle(field, value, on) {
    const list = this.form[field].filter((x) => x !== value);
    this.set(field, on ? [...list, value] : list);
  }

  chain(l) {
    const names = l.fallbacks.map(languageName);
    if (l.translatedOnly) return t('admin.channels.translatedOnly', { locale: languageName(l.tag) });
    return names.length
      ? t('admin.chain', { locale: languageName(l.tag), chain: names.join(t('admin.chainThen')) })
      : t('admin.chainNone', { locale: languageName(l.tag) });
  }

  render() {
    return html`<h2>${t('admin.section.channels')}</h2>
      <p class="hint">${t('admin.channels.intro')}</p>
      ${problemBox(this.loadError)}
      ${this.saved ? html`<p class="notice" role="status">${this.saved}</p>` : nothing}
      ${this.form ? this.editor() : html`<button type="button" class="primary" @click=${this.create}>${t('admin.channels.new')}</button>`}
      ${this.items ? this.table() : nothing}`;
  }

  table() {
    return html`<table class="admin-table">
      <caption class="visually-hidden">${t('admin.section.channels')}</caption>
      <thead><tr><th scope="col">${t('admin.channels.code')}</th><th scope="col">${t('admin.channels.name')}</th>
        <th scope="col">${t('admin.channels.access')}</th><th scope="col">${t('admin.channels.locales')}</th>
        <th scope="col">${t('admin.channels.formats')}</th><th scope="col"><span class="visually-hidden">${t('admin.actions')}</span></th></tr></thead>
      <tbody>${this.items.map((c) => html`<tr data-channel=${c.code}>
        <td><code>${c.code}</code></td><td>${c.name}</td>
        <td>${t('admin.channels.access.' + c.access)}</td>
        <td><ul class="plain">${c.locales.map((l) => html`<li class="chain">${this.chain(l)}</li>`)}</ul></td>
        <td>${c.formats.join(', ')}</td>
        <td class="actions">
          ${this.deleting === c.code
            ? confirmBox(t('admin.channels.confirmDelete', { code: c.code }), t('admin.delete'), () => this.remove(c), () => { this.deleting = null; })
            : html`<button type="button" @click=${() => this.edit(c.code)} aria-label=${t('admin.editNamed', { name: c.code })}>${t('admin.edit')}</button>
              <button type="button" class="danger" @click=${() => { this.deleting = c.code; }} aria-label=${t('admin.deleteNamed', { name: c.code })}>${t('admin.delete')}</button>`}
        </td></tr>`)}</tbody></table>`;
  }

  editor() {
    const f = this.form;
    const err = this.error;
    const tenantLocales = this.ctx.tenant.locales.map((l) => l.tag);
    return html`<form class="card channel-form" @submit=${this.save} novalidate>
      <h3>${f.isNew ? t('admin.channels.new') : t('admin.channels.editing', { code: f.code })}</h3>
      ${problemBox(err)}
      ${err && err.status === 412 ? html`<p><button type="button" @click=${() => this.edit(f.code)}>${t('admin.reload')}</button></p>` : nothing}
      ${f.isNew ? html`<label for="ch-code">${t('admin.channels.code')}</label>
        <input id="ch-code" required .value=${f.code} @input=${(e) => this.set('code', e.target.value)} aria-describedby="ch-code-hint">
        <p class="hint" id="ch-code-hint">${t('admin.channels.codeHint')}</p>
        ${fieldProblem(err, 'code')}` : nothing}
      <label for="ch-name">${t('admin.channels.name')}</label>
      <input id="ch-name" .value=${f.name} @input=${(e) => this.set('name', e.target.value)}>
      ${fieldProblem(err, 'name')}
      <label for="ch-access">${t('admin.channels.access')}</label>
      <select id="ch-access" @change=${(e) => this.set('access', e.target.value)}>
        ${['public', 'key'].map((a) => html`<option value=${a} ?selected=${f.access === a}>${t('admin.channels.access.' + a)}</option>`)}
      </select>
      ${fieldProblem(err, 'access')}
      <fieldset>
        <legend>${t('admin.channels.locales')}</legend>
        <p class="hint">${t('admin.channels.localesHint')}</p>
        ${fieldProblem(err, 'locales')}
        ${f.locales.map((l, i) => html`<div class="locale-row">
          <div>
            <label for="ch-tag-${i}">${t('admin.channels.locale')}</label>
            <select id="ch-tag-${i}" @change=${(e) => this.setLocale(i, 'tag', e.target.value)}>
              ${tenantLocales.map((tag) => html`<option value=${tag} ?selected=${l.tag === tag}>${localeLabel(tag)}</option>`)}
            </select>
            ${fieldProblem(err, `locales[${i}].tag`)}
          </div>
          <div>
            <label for="ch-fallbacks-${i}">${t('admin.fallbacks')}</label>
            <input id="ch-fallbacks-${i}" .value=${l.fallbacks} placeholder="en, vi"
              @input=${(e) => this.setLocale(i, 'fallbacks', e.target.value)} aria-describedby="ch-chain-${i}">
            ${fieldProblem(err, `locales[${i}].fallbacks`)}
          </div>
          <label class="inline"><input type="checkbox" .checked=${l.translatedOnly}
            @change=${(e) => this.setLocale(i, 'translatedOnly', e.target.checked)}>${t('admin.channels.translatedOnlyBox')}</label>
          <button type="button" class="danger" ?disabled=${f.locales.length < 2}
            @click=${() => this.set('locales', f.locales.filter((_, j) => j !== i))}>${t('admin.channels.removeLocale')}</button>
          <p class="hint chain" id="ch-chain-${i}">${this.chain({ ...l, fallbacks: splitList(l.fallbacks) })}</p>
        </div>`)}
        <button type="button" @click=${() => this.set('locales', [...f.locales, { tag: tenantLocales[0], fallbacks: '', translatedOnly: false }])}>${t('admin.channels.addLocale')}</button>
      </fieldset>
      <fieldset>
        <legend>${t('admin.channels.formats')}</legend>
        ${FORMATS.map((x) => html`<label class="inline"><input type="checkbox" .checked=${f.formats.includes(x)}
          @change=${(e) => this.toggle('formats', x, e.target.checked)}>${x}</label>`)}
        ${fieldProblem(err, 'formats')}
      </fieldset>
      <fieldset>
        <legend>${t('admin.channels.filter')}</legend>
        <p class="hint">${t('admin.channels.filterHint')}</p>
        ${TYPES.map((x) => html`<label class="inline"><input type="checkbox" .checked=${f.types.includes(x)}
          @change=${(e) => this.toggle('types', x, e.target.checked)}>${t('admin.type.' + x)}</label>`)}
        ${['kinds', 'pillars', 'topics'].map((x) => html`<label for="ch-${x}">${t('admin.channels.' + x)}</label>
          <input id="ch-${x}" .value=${f[x]} @input=${(e) => this.set(x, e.target.value)} placeholder=${t('admin.codesPlaceholder')}>
          ${fieldProblem(err, 'filter.' + x)}`)}
      </fieldset>
      <div class="row">
        <button type="submit" class="primary">${t('admin.save')}</button>
        <button type="button" @click=${() => { this.form = null; this.error = null; }}>${t('admin.cancel')}</button>
      </div>
    </form>`;
  }
}
customElements.define('sb-admin-channels', SbAdminChannels);
