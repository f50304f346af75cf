// The app's frame: who is signed in, which tenant they work in, the navigation, the language
// switch and the screen the address (#/…) names. Screens are loaded when first opened, so the
// first load carries only this frame and lit.
import { html, nothing } from 'lit';
import { SbElement, go } from './ui.js';
import { t, init as initI18n, language, setLanguage, LANGUAGES, setTimeZone } from './i18n.js';
import { get, hasSession, onSessionEnded, signOut } from './api.js';

const TENANT_KEY = 'sb.tenant';

/**
 * The screens: a pattern over the address's segments, the module that defines the screen and its
 * element. `:name` segments become the screen's `params`.
 */
const ROUTES = [
  ['signin', './views/signin.js', 'sb-signin'],
  ['', './views/home.js', 'sb-home'],
  ['account', './views/account.js', 'sb-account'],
  [':type(stories|products|collections)', './views/list.js', 'sb-list'],
  [':type(stories|products|collections)/new', './views/editor.js', 'sb-editor'],
  [':type(stories|products|collections)/:id', './views/editor.js', 'sb-editor'],
  ['media', './views/media.js', 'sb-media-library'],
  ['media/:id', './views/media.js', 'sb-media'],
  ['press', './views/press.js', 'sb-press'],
  ['admin', './views/admin.js', 'sb-admin'],
  ['admin/:section', './views/admin.js', 'sb-admin'],
  ['review/:type(stories|products|collections)/:id', './views/review-page.js', 'sb-review-page'],
  ['review/:type(stories|products|collections)/:id/:locale', './views/review-page.js', 'sb-review-page'],
];

function match(path) {
  const segments = path.split('/').filter(Boolean);
  for (const [pattern, module, tag] of ROUTES) {
    const parts = pattern.split('/').filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params = {};
    const ok = parts.every((p, i) => {
      const m = /^:(\w+)(?:\((.*)\))?$/.exec(p);
      if (!m) return p === segments[i];
      if (m[2] && !new RegExp('^(?:' + m[2] + ')$').test(segments[i])) return false;
      params[m[1]] = decodeURIComponent(segments[i]);
      return true;
    });
    if (ok) return { module, tag, params };
  }
  return null;
}

/** What every screen gets: the person, the tenant and its settings, and the person's roles there. */
export class Context {
  constructor(me, tenants, tenant) {
    this.me = me;
    this.tenants = tenants; // [{code, names, ...}]
    this.tenant = tenant; // the tenant object worked in
    const membership = (me.memberships || []).find((m) => m.tenant === tenant.code);
    this.roles = new Set(me.superAdmin ? ['admin'] : membership ? membership.roles : []);
    this.translatorLocales = membership && membership.locales ? membership.locales : [];
  }

  get code() {
    return this.tenant.code;
  }

  /** Whether the person has one of these roles here (a tenant admin or the super-admin has all). */
  can(...roles) {
    return this.roles.has('admin') || roles.some((r) => this.roles.has(r));
  }

  /** The tenant's name in the UI language. */
  tenantName(tenant = this.tenant) {
    return (tenant.names && (tenant.names[language()] || tenant.names.vi)) || tenant.code;
  }
}

class SbApp extends SbElement {
  static properties = {
    ctx: { state: true },
    route: { state: true },
    ready: { state: true },
    notice: { state: true },
  };

  constructor() {
    super();
    this.ready = false;
    this.route = null;
    this.ctx = null;
    this.notice = '';
  }

  async connectedCallback() {
    this.replaceChildren(); // the page's loading text
    super.connectedCallback();
    await initI18n();
    window.addEventListener('hashchange', () => this.navigate());
    onSessionEnded(() => this.sessionEnded());
    document.addEventListener('keydown', (e) => this.shortcut(e));
    this.addEventListener('signed-in', () => this.start());
    this.addEventListener('tenant-changed', (e) => this.switchTenant(e.detail));
    await this.start();
  }

  /** Loads who is signed in and where they work, then shows the addressed screen. */
  async start() {
    this.ctx = null;
    if (hasSession()) {
      try {
        const me = await get('admin/v1/me');
        const all = me.superAdmin ? (await get('admin/v1/tenants')).items : null;
        const tenants = all || (await Promise.all(
          (me.memberships || []).map((m) => get('admin/v1/' + encodeURIComponent(m.tenant)))));
        if (tenants.length) {
          const saved = localStorage.getItem(TENANT_KEY);
          const tenant = tenants.find((x) => x.code === saved) || tenants[0];
          this.ctx = new Context(me, tenants, tenant);
          setTimeZone(tenant.timeZone);
        } else {
          this.notice = t('signin.noTenant');
        }
      } catch {
        this.ctx = null;
        // Signed in, yet the next call has no session: the browser dropped the Secure cookie,
        // which it does on plain HTTP anywhere but localhost.
        if (!window.isSecureContext) this.notice = t('signin.needsHttps');
      }
    }
    this.ready = true;
    await this.navigate();
  }

  switchTenant(code) {
    localStorage.setItem(TENANT_KEY, code);
    const tenant = this.ctx.tenants.find((x) => x.code === code);
    this.ctx = new Context(this.ctx.me, this.ctx.tenants, tenant);
    setTimeZone(tenant.timeZone);
    this.navigate();
  }

  sessionEnded() {
    this.notice = t('signin.sessionEnded');
    this.ctx = null;
    this.navigate();
  }

  async navigate() {
    // A screen may keep its filters after a '?' (#/stories?q=…): they are its own business.
    const address = location.hash.replace(/^#\/?/, '');
    const path = decodeURI(address.split('?')[0]);
    // A screen with unsaved edits (the entry editor) may ask to stay; the address is put back.
    const shown = this.route && this.route.el;
    if (this.staying === path) {
      this.staying = null;
      return;
    }
    if (this.ctx && shown && path !== this.route.path && shown.confirmLeave && !shown.confirmLeave()) {
      this.staying = this.route.path;
      location.hash = '#/' + this.route.path;
      return;
    }
    if (!this.ctx && path !== 'signin') {
      sessionStorage.setItem('sb.returnTo', address);
      go('/signin');
      return;
    }
    if (this.ctx && path === 'signin') {
      go('/' + (sessionStorage.getItem('sb.returnTo') || ''));
      sessionStorage.removeItem('sb.returnTo');
      return;
    }
    const found = match(path) || { module: './views/notfound.js', tag: 'sb-notfound', params: {} };
    await import(found.module);
    const el = document.createElement(found.tag);
    el.ctx = this.ctx;
    el.params = found.params;
    el.notice = this.notice;
    this.notice = '';
    this.route = { ...found, path, el };
    window.scrollTo(0, 0);
  }

  shortcut(e) {
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName) || e.target.isContentEditable;
    if (e.key === '/' && !typing) {
      const search = this.querySelector('input[type=search]');
      if (search) {
        e.preventDefault();
        search.focus();
      }
    }
  }

  async signOut() {
    await signOut().catch(() => {});
    this.ctx = null;
    this.notice = t('signin.signedOut');
    go('/signin');
  }

  render() {
    if (!this.ready || !this.route) return html`<p class="boot">Storybank…</p>`;
    const screen = this.screen();
    if (!this.ctx) {
      return html`<header class="top bare"><span class="brand">Storybank</span>
          <div class="top-end">${this.languageSwitch()}</div></header>
        <main id="main" class="signin-page">${screen}</main>
        <div id="sb-announce" class="visually-hidden" aria-live="polite"></div>`;
    }
    return html`
      <a class="skip" href="#main" @click=${(e) => { e.preventDefault(); this.querySelector('#main').focus(); }}>${t('nav.skip')}</a>
      <header class="top">
        <a class="brand" href="#/">Storybank</a>
        ${this.tenantSwitch()}
        <nav aria-label=${t('nav.label')}>${this.links()}</nav>
        <div class="top-end">
          ${this.languageSwitch()}
          <a href="#/account" class="who" title=${t('nav.account')}>${this.ctx.me.displayName || this.ctx.me.username}</a>
          <button type="button" class="link" @click=${() => this.signOut()}>${t('nav.signOut')}</button>
        </div>
      </header>
      <main id="main" tabindex="-1">${screen}</main>
      <div id="sb-announce" class="visually-hidden" aria-live="polite"></div>`;
  }

  screen() {
    return this.route.el;
  }

  links() {
    const ctx = this.ctx;
    const current = this.route.path.split('/')[0];
    const link = (path, key) => html`<a href="#/${path}" aria-current=${current === path ? 'page' : nothing}>${t(key)}</a>`;
    const editorial = ctx.can('editor', 'translator', 'approver', 'media-librarian');
    return html`
      ${link('', 'nav.home')}
      ${editorial ? html`${link('stories', 'nav.stories')}${link('products', 'nav.products')}${link('collections', 'nav.collections')}` : nothing}
      ${editorial || ctx.can('media-librarian') ? link('media', 'nav.media') : nothing}
      ${ctx.can('journalist') && !editorial ? link('press', 'nav.press') : nothing}
      ${ctx.can('admin') ? link('admin', 'nav.admin') : nothing}`;
  }

  tenantSwitch() {
    const ctx = this.ctx;
    if (ctx.tenants.length < 2) return html`<span class="tenant">${ctx.tenantName()}</span>`;
    return html`<label class="tenant">
      <span class="visually-hidden">${t('nav.tenant')}</span>
      <select @change=${(e) => this.switchTenant(e.target.value)}>
        ${ctx.tenants.map((x) => html`<option value=${x.code} ?selected=${x.code === ctx.code}>${ctx.tenantName(x)}</option>`)}
      </select></label>`;
  }

  languageSwitch() {
    return html`<div class="lang" role="group" aria-label=${t('nav.language')}>
      ${LANGUAGES.map((l) => html`<button type="button" lang=${l} aria-pressed=${String(language() === l)}
        @click=${() => setLanguage(l).then(() => this.requestUpdate())}>${l.toUpperCase()}</button>`)}
    </div>`;
  }
}
customElements.define('sb-app', SbApp);
