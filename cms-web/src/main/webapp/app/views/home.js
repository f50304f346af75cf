// Home: what waits for me in this tenant.
import { html, nothing } from 'lit';
import { SbElement, problemBox } from '../ui.js';
import { t } from '../i18n.js';
import { get } from '../api.js';

class SbHome extends SbElement {
  static properties = { ctx: {}, tasks: { state: true }, error: { state: true } };

  async connectedCallback() {
    super.connectedCallback();
    try {
      this.tasks = await get(`admin/v1/${this.ctx.code}/tasks`);
    } catch (e) {
      this.error = e;
    }
  }

  render() {
    return html`<h1>${t('home.title', { name: this.ctx.me.displayName || this.ctx.me.username })}</h1>
      ${problemBox(this.error)}
      ${this.tasks ? html`<pre class="hint">${nothing}</pre>` : nothing}`;
  }
}
customElements.define('sb-home', SbHome);
