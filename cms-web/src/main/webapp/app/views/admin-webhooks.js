// Webhooks: subscriptions of partner URLs to a channel's events, their deliveries, failures and
// replays. The signing secret is shown once, when the subscription is made.
import { html, nothing } from 'lit';
import { SbElement, problemBox, fieldProblem, announce } from '../ui.js';
import { t, formatDateTime } from '../i18n.js';
import { get, call, query } from '../api.js';
import { confirmBox, shownOnce } from './admin-common.js';

const EVENTS = ['published', 'updated', 'unpublished', 'deleted'];
const STATUSES = ['pending', 'delivered', 'dead'];

class SbAdminWebhooks extends SbElement {
  static properties = {
    ctx: {}, items: { state: true }, channels: { state: true }, created: { state: true },
    error: { state: true }, loadError: { state: true }, deleting: { state: true },
    open: { state: true }, status: { state: true }, messages: { state: true }, messageError: { state: true },
    events: { state: true },
  };

  constructor() {
    super();
    this.events = [...EVENTS];
    this.status = '';
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
    get(`admin/v1/${encodeURIComponent(this.ctx.code)}/channels`).then((r) => { this.channels = r.items; }, () => {});
  }

  get base() {
    return `admin/v1/${encodeURIComponent(this.ctx.code)}/webhooks`;
  }

  async load() {
    try {
      this.items = (await get(this.base)).items;
      this.loadError = null;
    } catch (e) {
      this.loadError = e;
    }
  }

  async subscribe(e) {
    e.preventDefault();
    const f = e.target;
    this.error = null;
    try {
      const r = await call('POST', this.base, { body: { channel: f.channel.value, url: f.url.value, events: this.events } });
      this.created = r.body;
      // Not form.reset(): it would untick the events without lit knowing.
      f.url.value = '';
      announce(t('admin.webhooks.subscribed'));
      await this.load();
    } catch (err) {
      this.error = err;
    }
  }

  async remove(s) {
    this.deleting = null;
    try {
      await call('DELETE', `${this.base}/${s.id}`);
      if (this.open === s.id) this.open = null;
      announce(t('admin.webhooks.deleted'));
      await this.load();
    } catch (err) {
      this.loadError = err;
    }
  }

  async deliveries(id, status = this.status) {
    this.open = id;
    this.status = status;
    this.messageError = null;
    try {
      this.messages = (await get(`${this.base}/${id}/messages${query({ status })}`)).items;
    } catch (err) {
      this.messages = null;
      this.messageError = err;
    }
  }

  async replay(m) {
    this.messageError = null;
    try {
      await call('POST', `${this.base}/${this.open}/messages/${encodeURIComponent(m.id)}/replay`);
      announce(t('admin.webhooks.replayed'));
      await this.deliveries(this.open);
    } catch (err) {
      this.messageError = err;
    }
  }

  render() {
    return html`<h2>${t('admin.section.webhooks')}</h2>
      <p class="hint">${t('admin.webhooks.intro')}</p>
      ${this.created ? shownOnce('webhook-secret', t('admin.webhooks.secretFor', { url: this.created.url }),
        this.created.secret, () => { this.created = null; }) : nothing}
      ${this.form()}
      ${problemBox(this.loadError)}
      ${this.items ? this.table() : nothing}
      ${this.open ? this.messagesSection() : nothing}`;
  }

  form() {
    const err = this.error;
    return html`<form class="card" @submit=${this.subscribe} novalidate>
      <h3>${t('admin.webhooks.new')}</h3>
      ${problemBox(err)}
      <label for="hook-channel">${t('admin.webhooks.channel')}</label>
      <select id="hook-channel" name="channel">
        ${(this.channels || []).map((c) => html`<option value=${c.code}>${c.code} — ${c.name}</option>`)}
      </select>
      ${fieldProblem(err, 'channel')}
      <label for="hook-url">${t('admin.webhooks.url')}</label>
      <input id="hook-url" name="url" type="url" placeholder="https://" required>
      ${fieldProblem(err, 'url')}
      <fieldset>
        <legend>${t('admin.webhooks.events')}</legend>
        ${EVENTS.map((x) => html`<label class="inline"><input type="checkbox" .checked=${this.events.includes(x)}
          @change=${(e) => { this.events = e.target.checked ? [...this.events, x] : this.events.filter((y) => y !== x); }}>${t('admin.webhooks.event.' + x)}</label>`)}
        ${fieldProblem(err, 'events')}
      </fieldset>
      <div class="row"><button type="submit" class="primary">${t('admin.webhooks.subscribe')}</button></div>
    </form>`;
  }

  table() {
    if (!this.items.length) return html`<p class="hint">${t('admin.webhooks.none')}</p>`;
    return html`<table class="admin-table">
      <caption class="visually-hidden">${t('admin.section.webhooks')}</caption>
      <thead><tr><th scope="col">${t('admin.webhooks.url')}</th><th scope="col">${t('admin.webhooks.channel')}</th>
        <th scope="col">${t('admin.webhooks.events')}</th><th scope="col">${t('admin.partners.state')}</th>
        <th scope="col"><span class="visually-hidden">${t('admin.actions')}</span></th></tr></thead>
      <tbody>${this.items.map((s) => html`<tr>
        <td class="url">${s.url}</td><td>${s.channel}</td>
        <td>${s.events.map((x) => t('admin.webhooks.event.' + x)).join(', ')}</td>
        <td>${s.active ? html`<span class="badge active">${t('admin.webhooks.active')}</span>`
          : html`<span class="badge revoked">${t('admin.webhooks.disabled')}</span> ${s.disabledReason || ''}`}</td>
        <td class="actions">${this.deleting === s.id
          ? confirmBox(t('admin.webhooks.confirmDelete', { url: s.url }), t('admin.delete'), () => this.remove(s), () => { this.deleting = null; })
          : html`<button type="button" aria-label=${t('admin.webhooks.deliveriesOf', { url: s.url })}
              @click=${() => this.deliveries(s.id, '')}>${t('admin.webhooks.deliveries')}</button>
            <button type="button" class="danger" aria-label=${t('admin.deleteNamed', { name: s.url })}
              @click=${() => { this.deleting = s.id; }}>${t('admin.delete')}</button>`}</td>
      </tr>`)}</tbody></table>`;
  }

  messagesSection() {
    const s = (this.items || []).find((x) => x.id === this.open);
    return html`<section class="card" aria-labelledby="deliveries-title">
      <h3 id="deliveries-title">${t('admin.webhooks.deliveriesOf', { url: s ? s.url : '' })}</h3>
      <div class="row">
        <label class="inline" for="delivery-status">${t('admin.webhooks.status')}</label>
        <select id="delivery-status" class="auto" @change=${(e) => this.deliveries(this.open, e.target.value)}>
          <option value="" ?selected=${!this.status}>${t('admin.webhooks.all')}</option>
          ${STATUSES.map((x) => html`<option value=${x} ?selected=${this.status === x}>${t('admin.webhooks.status.' + x)}</option>`)}
        </select>
        <button type="button" @click=${() => this.deliveries(this.open)}>${t('admin.refresh')}</button>
      </div>
      ${problemBox(this.messageError)}
      ${this.messages && !this.messages.length ? html`<p class="hint">${t('admin.webhooks.noMessages')}</p>` : nothing}
      ${this.messages && this.messages.length ? html`<table class="admin-table">
        <caption class="visually-hidden">${t('admin.webhooks.deliveries')}</caption>
        <thead><tr><th scope="col">${t('admin.webhooks.created')}</th><th scope="col">${t('admin.webhooks.type')}</th>
          <th scope="col">${t('admin.webhooks.status')}</th><th scope="col">${t('admin.webhooks.attempts')}</th>
          <th scope="col">${t('admin.webhooks.lastError')}</th><th scope="col"><span class="visually-hidden">${t('admin.actions')}</span></th></tr></thead>
        <tbody>${this.messages.map((m) => html`<tr>
          <td>${formatDateTime(m.createdAt)}</td><td>${m.type}</td>
          <td><span class="badge delivery-${m.status}">${t('admin.webhooks.status.' + m.status)}</span>
            ${m.status === 'pending' && m.nextAttemptAt ? html`<br><span class="hint">${t('admin.webhooks.next', { at: formatDateTime(m.nextAttemptAt) })}</span>` : nothing}
            ${m.deliveredAt ? html`<br><span class="hint">${formatDateTime(m.deliveredAt)}</span>` : nothing}</td>
          <td>${m.attempts}</td>
          <td>${m.lastStatus ? html`<b>HTTP ${m.lastStatus}</b> ` : nothing}${m.lastError || ''}</td>
          <td>${m.status === 'pending' ? nothing : html`<button type="button" @click=${() => this.replay(m)}>${t('admin.webhooks.replay')}</button>`}</td>
        </tr>`)}</tbody></table>` : nothing}
    </section>`;
  }
}
customElements.define('sb-admin-webhooks', SbAdminWebhooks);
