// The search index (bootstrap admin only): its state, and a rebuild whose progress is polled every
// second until it ends.
import { html, nothing } from 'lit';
import { SbElement, problemBox, announce } from '../ui.js';
import { t, formatNumber, formatDateTime } from '../i18n.js';
import { get, call } from '../api.js';
import { confirmBox } from './admin-common.js';

const PATH = 'admin/v1/search/index';

class SbAdminIndex extends SbElement {
  static properties = {
    ctx: {}, status: { state: true }, error: { state: true }, asking: { state: true },
    started: { state: true }, finished: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.refresh();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  async refresh() {
    clearTimeout(this.timer);
    try {
      this.status = await get(PATH);
      this.error = null;
    } catch (e) {
      this.error = e;
    }
    if (this.status && this.status.rebuilding) {
      this.timer = setTimeout(() => this.refresh(), 1000);
    } else if (this.started && !this.finished) {
      this.finished = new Date();
      announce(t('admin.index.finished', { documents: formatNumber(this.status.documents) }));
    }
  }

  async rebuild() {
    this.asking = false;
    this.error = null;
    try {
      await call('POST', `${PATH}/rebuild`);
      this.started = new Date();
      this.finished = null;
      // Shown as running until the status says otherwise (a small index may be done at once).
      this.status = { ...this.status, rebuilding: true };
      announce(t('admin.index.started'));
      this.timer = setTimeout(() => this.refresh(), 1000);
    } catch (err) {
      this.error = err;
    }
  }

  render() {
    const s = this.status;
    return html`<h2>${t('admin.section.index')}</h2>
      <p class="hint">${t('admin.index.intro')}</p>
      ${problemBox(this.error)}
      ${s ? html`<section class="card index-status" aria-labelledby="index-title">
        <h3 id="index-title">${t('admin.index.state')}</h3>
        <dl class="facts">
          <dt>${t('admin.index.documents')}</dt><dd id="index-documents">${formatNumber(s.documents)}</dd>
          <dt>${t('admin.index.position')}</dt><dd>${formatNumber(s.position)}</dd>
          <dt>${t('admin.index.size')}</dt><dd>${formatNumber(Math.round(s.sizeBytes / 1024))} KB</dd>
          <dt>${t('admin.index.segments')}</dt><dd>${formatNumber(s.segments)}</dd>
          <dt>${t('admin.index.caughtUp')}</dt><dd>${s.caughtUp ? t('admin.yes') : t('admin.no')}</dd>
          ${s.lastError ? html`<dt>${t('admin.index.lastError')}</dt><dd class="field-problem">${s.lastError}</dd>` : nothing}
        </dl>
        <div class="index-progress" role="status">
          ${s.rebuilding ? html`<p>${t('admin.index.rebuilding', { documents: formatNumber(s.documents) })}</p>
            <progress aria-label=${t('admin.index.progress')}></progress>`
            : this.finished ? html`<p class="notice">${t('admin.index.finishedAt', {
              documents: formatNumber(s.documents), at: formatDateTime(this.finished),
              seconds: formatNumber(Math.max(0, Math.round((this.finished - this.started) / 1000))) })}</p>` : nothing}
        </div>
        ${this.asking
          ? confirmBox(t('admin.index.confirm'), t('admin.index.rebuild'), () => this.rebuild(), () => { this.asking = false; })
          : html`<button type="button" class="primary" ?disabled=${s.rebuilding} @click=${() => { this.asking = true; }}>${t('admin.index.rebuild')}</button>`}
      </section>` : nothing}`;
  }
}
customElements.define('sb-admin-index', SbAdminIndex);
