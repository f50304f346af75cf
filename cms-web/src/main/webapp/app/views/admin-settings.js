// The tenant's own settings: the workflow (sensitive topics, direct publishing), the brand kit
// (the watermark on renditions) and its languages with their fallback chains.
import { html, nothing } from 'lit';
import { SbElement, problemBox, fieldProblem, announce } from '../ui.js';
import { t, language, languageName } from '../i18n.js';
import { get, call } from '../api.js';
import { splitList, joinList, ifMatch, versionOf, confirmBox, PRESETS, localeLabel } from './admin-common.js';

const label = (term) => (term.labels && (term.labels[language()] || term.labels.vi)) || term.code;

class SbAdminWorkflow extends SbElement {
  static properties = { ctx: {}, settings: { state: true }, topics: { state: true }, error: { state: true }, saved: { state: true } };

  async connectedCallback() {
    super.connectedCallback();
    const t0 = `admin/v1/${encodeURIComponent(this.ctx.code)}`;
    try {
      [this.settings, this.topics] = await Promise.all([
        get(`${t0}/workflow-settings`), get(`${t0}/taxonomies/topics/terms`).then((r) => r.items)]);
    } catch (e) {
      this.error = e;
    }
  }

  async save(e) {
    e.preventDefault();
    this.error = null;
    this.saved = false;
    try {
      const r = await call('PUT', `admin/v1/${encodeURIComponent(this.ctx.code)}/workflow-settings`, { body: this.settings });
      this.settings = r.body || this.settings;
      this.saved = true;
      announce(t('admin.workflow.saved'));
    } catch (err) {
      this.error = err;
    }
  }

  render() {
    const s = this.settings;
    return html`<h2>${t('admin.section.workflow')}</h2>
      ${problemBox(this.error)}
      ${this.saved ? html`<p class="notice" role="status">${t('admin.workflow.saved')}</p>` : nothing}
      ${s && this.topics ? html`<form class="card" @submit=${this.save} novalidate>
        <fieldset>
          <legend>${t('admin.workflow.sensitive')}</legend>
          <p class="hint">${t('admin.workflow.sensitiveHint')}</p>
          <ul class="plain columns">${this.topics.map((term, i) => html`<li><label class="inline">
            <input type="checkbox" .checked=${s.sensitiveTopics.includes(term.code)}
              @change=${(e) => {
                const rest = s.sensitiveTopics.filter((c) => c !== term.code);
                this.settings = { ...s, sensitiveTopics: e.target.checked ? [...rest, term.code] : rest };
              }}>${label(term)}</label>${fieldProblem(this.error, `sensitiveTopics[${i}]`)}</li>`)}</ul>
          ${fieldProblem(this.error, 'sensitiveTopics')}
        </fieldset>
        <label class="inline"><input type="checkbox" id="direct-publish" .checked=${s.directPublish}
          @change=${(e) => { this.settings = { ...s, directPublish: e.target.checked }; }}>${t('admin.workflow.directPublish')}</label>
        <p class="hint">${t('admin.workflow.directPublishHint')}</p>
        <button type="submit" class="primary">${t('admin.save')}</button>
      </form>` : nothing}`;
  }
}
customElements.define('sb-admin-workflow', SbAdminWorkflow);

const POSITIONS = ['bottom-right', 'bottom-left', 'top-right', 'top-left', 'center'];

class SbAdminBrand extends SbElement {
  static properties = { ctx: {}, kit: { state: true }, error: { state: true }, saved: { state: true }, removing: { state: true } };

  get path() {
    return `admin/v1/${encodeURIComponent(this.ctx.code)}/brand-kit`;
  }

  async connectedCallback() {
    super.connectedCallback();
    try {
      const kit = await get(this.path);
      this.kit = kit.watermark || { assetId: '', position: 'bottom-right', opacity: 0.6, scale: 0.2, presets: [] };
    } catch (e) {
      this.error = e;
    }
  }

  async put(watermark) {
    this.error = null;
    this.saved = '';
    try {
      await call('PUT', this.path, { body: { watermark } });
      this.saved = watermark ? t('admin.brand.saved') : t('admin.brand.removed');
      announce(this.saved);
      if (!watermark) this.kit = { assetId: '', position: 'bottom-right', opacity: 0.6, scale: 0.2, presets: [] };
    } catch (err) {
      this.error = err;
    }
  }

  save(e) {
    e.preventDefault();
    const k = this.kit;
    this.put({ assetId: k.assetId.trim(), position: k.position, opacity: Number(k.opacity), scale: Number(k.scale), presets: k.presets });
  }

  set(field, value) {
    this.kit = { ...this.kit, [field]: value };
  }

  render() {
    const k = this.kit;
    const err = this.error;
    return html`<h2>${t('admin.section.brand')}</h2>
      <p class="hint">${t('admin.brand.intro')}</p>
      ${problemBox(err)}
      ${this.saved ? html`<p class="notice" role="status">${this.saved}</p>` : nothing}
      ${k ? html`<form class="card" @submit=${this.save} novalidate>
        <label for="brand-asset">${t('admin.brand.asset')}</label>
        <input id="brand-asset" .value=${k.assetId || ''} @input=${(e) => this.set('assetId', e.target.value)} aria-describedby="brand-asset-hint">
        <p class="hint" id="brand-asset-hint">${t('admin.brand.assetHint')}</p>
        ${fieldProblem(err, 'watermark.assetId')}
        <label for="brand-position">${t('admin.brand.position')}</label>
        <select id="brand-position" @change=${(e) => this.set('position', e.target.value)}>
          ${POSITIONS.map((p) => html`<option value=${p} ?selected=${k.position === p}>${t('admin.brand.position.' + p)}</option>`)}
        </select>
        ${fieldProblem(err, 'watermark.position')}
        <label for="brand-opacity">${t('admin.brand.opacity')}</label>
        <input id="brand-opacity" type="number" min="0" max="1" step="0.05" class="short" .value=${String(k.opacity)}
          @input=${(e) => this.set('opacity', e.target.value)}>
        ${fieldProblem(err, 'watermark.opacity')}
        <label for="brand-scale">${t('admin.brand.scale')}</label>
        <input id="brand-scale" type="number" min="0.05" max="1" step="0.05" class="short" .value=${String(k.scale)}
          @input=${(e) => this.set('scale', e.target.value)}>
        ${fieldProblem(err, 'watermark.scale')}
        <fieldset>
          <legend>${t('admin.brand.presets')}</legend>
          ${PRESETS.map((p) => html`<label class="inline"><input type="checkbox" .checked=${k.presets.includes(p)}
            @change=${(e) => this.set('presets', e.target.checked ? [...k.presets.filter((x) => x !== p), p] : k.presets.filter((x) => x !== p))}>${p}</label>`)}
          ${fieldProblem(err, 'watermark.presets')}
        </fieldset>
        <div class="row">
          <button type="submit" class="primary">${t('admin.save')}</button>
          ${this.removing
            ? confirmBox(t('admin.brand.confirmRemove'), t('admin.brand.remove'), () => { this.removing = false; this.put(null); }, () => { this.removing = false; })
            : html`<button type="button" class="danger" @click=${() => { this.removing = true; }}>${t('admin.brand.remove')}</button>`}
        </div>
      </form>` : nothing}`;
  }
}
customElements.define('sb-admin-brand', SbAdminBrand);

/** A tenant locale's chain in words: its own fallbacks, then the source language (implicit). */
function tenantChain(tag, fallbacks, source) {
  if (tag === source) return t('admin.locales.source', { locale: languageName(tag) });
  const chain = [...fallbacks];
  if (!chain.includes(source)) chain.push(source);
  return t('admin.chain', { locale: languageName(tag), chain: chain.map(languageName).join(t('admin.chainThen')) });
}

class SbAdminLocales extends SbElement {
  static properties = {
    ctx: {}, tenant: { state: true }, rows: { state: true }, error: { state: true },
    saved: { state: true }, removing: { state: true }, version: { state: true },
  };

  get path() {
    return `admin/v1/${encodeURIComponent(this.ctx.code)}`;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      const r = await call('GET', this.path);
      this.tenant = r.body;
      this.version = versionOf(r);
      this.rows = r.body.locales.map((l) => ({ tag: l.tag, fallbacks: joinList(l.fallbacks) }));
    } catch (e) {
      this.error = e;
    }
  }

  async save(e) {
    e.preventDefault();
    const x = this.tenant;
    this.error = null;
    this.saved = false;
    try {
      await call('PUT', this.path, {
        headers: ifMatch(this.version),
        body: { names: x.names, sourceLocale: x.sourceLocale, timeZone: x.timeZone,
          locales: this.rows.map((r) => ({ tag: r.tag.trim(), fallbacks: splitList(r.fallbacks) })) },
      });
      this.saved = true;
      announce(t('admin.locales.saved'));
      await this.load();
    } catch (err) {
      this.error = err;
    }
  }

  setRow(i, field, value) {
    this.rows = this.rows.map((r, j) => (j === i ? { ...r, [field]: value } : r));
  }

  add(e) {
    e.preventDefault();
    const tag = e.target.tag.value.trim();
    if (!tag) return;
    this.rows = [...this.rows, { tag, fallbacks: '' }];
    e.target.reset();
  }

  render() {
    const source = this.tenant && this.tenant.sourceLocale;
    const err = this.error;
    return html`<h2>${t('admin.section.locales')}</h2>
      <p class="hint">${t('admin.locales.intro')}</p>
      ${problemBox(err)}
      ${err && err.status === 412 ? html`<button type="button" @click=${() => { this.error = null; this.load(); }}>${t('admin.reload')}</button>` : nothing}
      ${this.saved ? html`<p class="notice" role="status">${t('admin.locales.saved')}</p>` : nothing}
      ${this.rows ? html`<form class="card" id="locales-form" @submit=${this.save} novalidate>
        <table class="admin-table locales">
          <caption class="visually-hidden">${t('admin.section.locales')}</caption>
          <thead><tr><th scope="col">${t('admin.locales.locale')}</th><th scope="col">${t('admin.fallbacks')}</th>
            <th scope="col">${t('admin.locales.chainTitle')}</th><th scope="col"><span class="visually-hidden">${t('admin.actions')}</span></th></tr></thead>
          <tbody>${this.rows.map((r, i) => html`<tr data-locale=${r.tag}>
            <th scope="row">${localeLabel(r.tag)}${r.tag === source ? html` <span class="badge">${t('admin.locales.sourceBadge')}</span>` : nothing}</th>
            <td>${r.tag === source ? '—' : html`<label class="visually-hidden" for="loc-fallbacks-${i}">${t('admin.locales.fallbacksOf', { locale: languageName(r.tag) })}</label>
              <input id="loc-fallbacks-${i}" .value=${r.fallbacks} @input=${(e) => this.setRow(i, 'fallbacks', e.target.value)} placeholder="en, vi">`}
              ${fieldProblem(err, `locales[${i}].fallbacks`)}${fieldProblem(err, `locales[${i}].tag`)}</td>
            <td class="chain">${tenantChain(r.tag, splitList(r.fallbacks), source)}</td>
            <td class="actions">${r.tag === source ? nothing : this.removing === r.tag
              ? confirmBox(t('admin.locales.confirmRemove', { locale: languageName(r.tag) }), t('admin.locales.remove'),
                () => { this.rows = this.rows.filter((x) => x.tag !== r.tag); this.removing = null; }, () => { this.removing = null; })
              : html`<button type="button" class="danger" aria-label=${t('admin.locales.removeNamed', { locale: languageName(r.tag) })}
                @click=${() => { this.removing = r.tag; }}>${t('admin.locales.remove')}</button>`}</td>
          </tr>`)}</tbody>
        </table>
        ${fieldProblem(err, 'locales')}
        <p class="hint">${t('admin.locales.saveHint')}</p>
        <button type="submit" class="primary">${t('admin.save')}</button>
      </form>
      <form class="card row" @submit=${this.add}>
        <label class="inline" for="new-locale">${t('admin.locales.add')}</label>
        <input id="new-locale" name="tag" class="short" placeholder="blt-Tavt" aria-describedby="new-locale-hint">
        <button type="submit">${t('admin.locales.addButton')}</button>
        <p class="hint" id="new-locale-hint">${t('admin.locales.addHint')}</p>
      </form>` : nothing}`;
  }
}
customElements.define('sb-admin-locales', SbAdminLocales);
