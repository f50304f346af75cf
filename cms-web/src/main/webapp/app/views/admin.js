// Tenant administration: one section per setting of the tenant (channels, partner keys, webhooks,
// members, workflow, brand kit, languages) and, for the bootstrap admin, the search index. Each
// section is its own module, loaded when first opened, so the menu stays light.
import { html, nothing } from 'lit';
import { SbElement } from '../ui.js';
import { t } from '../i18n.js';

/** The sections: address segment, module, element, and whether only the super-admin sees it. */
const SECTIONS = [
  ['channels', './admin-channels.js', 'sb-admin-channels', false],
  ['partners', './admin-partners.js', 'sb-admin-partners', false],
  ['webhooks', './admin-webhooks.js', 'sb-admin-webhooks', false],
  ['members', './admin-members.js', 'sb-admin-members', false],
  ['workflow', './admin-settings.js', 'sb-admin-workflow', false],
  ['brand', './admin-settings.js', 'sb-admin-brand', false],
  ['locales', './admin-settings.js', 'sb-admin-locales', false],
  ['index', './admin-index.js', 'sb-admin-index', true],
];

class SbAdmin extends SbElement {
  static properties = { ctx: {}, params: {}, section: { state: true } };

  sections() {
    return SECTIONS.filter(([, , , superOnly]) => !superOnly || this.ctx.me.superAdmin);
  }

  async connectedCallback() {
    super.connectedCallback();
    if (!this.ctx.can('admin')) return;
    const wanted = (this.params && this.params.section) || 'channels';
    const found = this.sections().find(([name]) => name === wanted);
    if (!found) {
      this.section = { name: wanted, missing: true };
      return;
    }
    const [name, module, tag] = found;
    await import(module);
    const el = document.createElement(tag);
    el.ctx = this.ctx;
    this.section = { name, el };
  }

  render() {
    if (!this.ctx.can('admin')) {
      return html`<h1>${t('admin.title')}</h1><p class="warning" role="status">${t('admin.adminsOnly')}</p>`;
    }
    const current = this.section ? this.section.name : (this.params && this.params.section) || 'channels';
    return html`<h1>${t('admin.title')}</h1>
      <div class="admin-layout">
        <nav class="admin-menu" aria-label=${t('admin.menu')}>
          <ul>${this.sections().map(([name]) => html`<li><a href="#/admin/${name}"
            aria-current=${name === current ? 'page' : nothing}>${t('admin.section.' + name)}</a></li>`)}</ul>
        </nav>
        <div class="admin-section">
          ${this.section && this.section.missing
            ? html`<p class="warning" role="status">${t('admin.noSection')}</p>`
            : this.section ? this.section.el : html`<p class="hint">${t('admin.loading')}</p>`}
        </div>
      </div>`;
  }
}
customElements.define('sb-admin', SbAdmin);
