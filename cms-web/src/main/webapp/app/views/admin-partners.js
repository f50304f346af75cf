// Partners: API keys (issued once, shown once), their revocation and their usage per period.
import { html, nothing } from 'lit';
import { SbElement, problemBox, fieldProblem, announce } from '../ui.js';
import { t, formatDateTime, formatDate, formatNumber, languageName } from '../i18n.js';
import { get, call, query } from '../api.js';
import { confirmBox, shownOnce } from './admin-common.js';

function today() {
  return new Date().toISOString().slice(0, 10);
}

class SbAdminPartners extends SbElement {
  static properties = {
    ctx: {}, items: { state: true }, channels: { state: true }, issued: { state: true },
    error: { state: true }, loadError: { state: true }, revoking: { state: true },
    usage: { state: true }, usageError: { state: true }, picked: { state: true },
  };

  constructor() {
    super();
    this.picked = [];
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
    get(`admin/v1/${encodeURIComponent(this.ctx.code)}/channels`).then((r) => { this.channels = r.items; }, () => {});
    this.showUsage();
  }

  get base() {
    return `admin/v1/${encodeURIComponent(this.ctx.code)}/partners`;
  }

  async load() {
    try {
      this.items = (await get(this.base)).items;
      this.loadError = null;
    } catch (e) {
      this.loadError = e;
    }
  }

  async issue(e) {
    e.preventDefault();
    const f = e.target;
    this.error = null;
    try {
      const r = await call('POST', this.base, {
        body: { name: f.name.value, channels: this.picked, ratePerMinute: Number(f.rate.value) },
      });
      // Held by this screen only: leaving it forgets the key, as the server does.
      this.issued = r.body;
      this.picked = [];
      f.reset();
      announce(t('admin.partners.issued', { name: r.body.partner.name }));
      await this.load();
    } catch (err) {
      this.error = err;
    }
  }

  async revoke(p) {
    this.revoking = null;
    try {
      await call('DELETE', `${this.base}/${p.id}`);
      announce(t('admin.partners.revoked', { name: p.name }));
      await this.load();
    } catch (err) {
      this.loadError = err;
    }
  }

  async showUsage(e) {
    let from = '';
    let to = '';
    if (e) {
      e.preventDefault();
      from = e.target.from.value;
      to = e.target.to.value;
    }
    this.usageError = null;
    try {
      this.usage = await get(`${this.base}/usage${query({ from, to })}`);
    } catch (err) {
      this.usageError = err;
    }
  }

  render() {
    return html`<h2>${t('admin.section.partners')}</h2>
      <p class="hint">${t('admin.partners.intro')}</p>
      ${this.issued ? shownOnce('issued-key', t('admin.partners.keyFor', { name: this.issued.partner.name }),
        this.issued.key, () => { this.issued = null; }) : nothing}
      ${this.issueForm()}
      ${problemBox(this.loadError)}
      ${this.items ? this.table() : nothing}
      ${this.usageSection()}`;
  }

  issueForm() {
    const err = this.error;
    return html`<form class="card" @submit=${this.issue} novalidate>
      <h3>${t('admin.partners.issue')}</h3>
      ${problemBox(err)}
      <label for="partner-name">${t('admin.partners.name')}</label>
      <input id="partner-name" name="name" required>
      ${fieldProblem(err, 'name')}
      <fieldset>
        <legend>${t('admin.partners.channels')}</legend>
        <p class="hint">${t('admin.partners.channelsHint')}</p>
        ${(this.channels || []).map((c) => html`<label class="inline"><input type="checkbox" .checked=${this.picked.includes(c.code)}
          @change=${(e) => { this.picked = e.target.checked ? [...this.picked, c.code] : this.picked.filter((x) => x !== c.code); }}>${c.code}</label>`)}
        ${fieldProblem(err, 'channels')}
      </fieldset>
      <label for="partner-rate">${t('admin.partners.rate')}</label>
      <input id="partner-rate" name="rate" type="number" min="1" value="600" class="short">
      ${fieldProblem(err, 'ratePerMinute')}
      <div class="row"><button type="submit" class="primary">${t('admin.partners.issueButton')}</button></div>
    </form>`;
  }

  table() {
    if (!this.items.length) return html`<p class="hint">${t('admin.partners.none')}</p>`;
    return html`<table class="admin-table partners">
      <caption class="visually-hidden">${t('admin.partners.keys')}</caption>
      <thead><tr><th scope="col">${t('admin.partners.name')}</th><th scope="col">${t('admin.partners.prefix')}</th>
        <th scope="col">${t('admin.partners.channels')}</th><th scope="col">${t('admin.partners.rate')}</th>
        <th scope="col">${t('admin.partners.created')}</th><th scope="col">${t('admin.partners.state')}</th>
        <th scope="col"><span class="visually-hidden">${t('admin.actions')}</span></th></tr></thead>
      <tbody>${this.items.map((p) => html`<tr>
        <td>${p.name}</td><td><code class="prefix">sbk_${p.prefix}_…</code></td>
        <td>${p.channels.length ? p.channels.join(', ') : t('admin.partners.allChannels')}</td>
        <td>${formatNumber(p.ratePerMinute)}</td>
        <td>${formatDateTime(p.createdAt)}<br><span class="hint">${p.createdBy}</span></td>
        <td>${p.revokedAt ? html`<span class="badge revoked">${t('admin.partners.revokedAt', { at: formatDateTime(p.revokedAt) })}</span>`
          : html`<span class="badge active">${t('admin.partners.active')}</span>`}</td>
        <td class="actions">${p.revokedAt ? nothing : this.revoking === p.id
          ? confirmBox(t('admin.partners.confirmRevoke', { name: p.name }), t('admin.partners.revoke'), () => this.revoke(p), () => { this.revoking = null; })
          : html`<button type="button" class="danger" aria-label=${t('admin.partners.revokeNamed', { name: p.name })}
            @click=${() => { this.revoking = p.id; }}>${t('admin.partners.revoke')}</button>`}</td>
      </tr>`)}</tbody></table>`;
  }

  /** The period's requests per key, most used first. */
  perKey(rows) {
    const keys = new Map();
    for (const r of rows) {
      const k = keys.get(r.key) || { partner: r.partner, requests: 0 };
      k.requests += r.requests;
      keys.set(r.key, k);
    }
    return [...keys.values()].sort((a, b) => b.requests - a.requests);
  }

  usageSection() {
    const u = this.usage;
    return html`<section class="card" aria-labelledby="usage-title">
      <h3 id="usage-title">${t('admin.partners.usage')}</h3>
      <form class="row" @submit=${this.showUsage}>
        <label class="inline" for="usage-from">${t('admin.from')}</label>
        <input id="usage-from" name="from" type="date" .value=${u ? u.from : ''} max=${today()}>
        <label class="inline" for="usage-to">${t('admin.to')}</label>
        <input id="usage-to" name="to" type="date" .value=${u ? u.to : ''}>
        <button type="submit">${t('admin.partners.showUsage')}</button>
      </form>
      ${problemBox(this.usageError)}
      ${fieldProblem(this.usageError, 'from')}${fieldProblem(this.usageError, 'to')}
      ${u ? html`<p>${t('admin.partners.usageTotal', { total: formatNumber(u.total), from: formatDate(u.from), to: formatDate(u.to) })}</p>
        ${u.items.length ? html`<ul class="usage-per-key">${this.perKey(u.items).map((k) => html`<li><b>${k.partner}</b>:
          ${k.requests === 1 ? t('admin.partners.requestOne') : t('admin.partners.requestsCount', { count: formatNumber(k.requests) })}</li>`)}</ul>` : nothing}
        ${u.items.length ? html`<table class="admin-table">
          <caption class="visually-hidden">${t('admin.partners.usage')}</caption>
          <thead><tr><th scope="col">${t('admin.partners.day')}</th><th scope="col">${t('admin.partners.name')}</th>
            <th scope="col">${t('admin.partners.channel')}</th><th scope="col">${t('admin.partners.locale')}</th>
            <th scope="col">${t('admin.partners.requests')}</th></tr></thead>
          <tbody>${u.items.map((r) => html`<tr><td>${formatDate(r.day)}</td><td>${r.partner}</td><td>${r.channel}</td>
            <td>${r.locale ? languageName(r.locale) : ''}</td><td>${formatNumber(r.requests)}</td></tr>`)}</tbody>
        </table>` : nothing}` : nothing}
    </section>`;
  }
}
customElements.define('sb-admin-partners', SbAdminPartners);
