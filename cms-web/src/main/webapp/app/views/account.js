// The person's own settings: the UI language and their password.
import { html, nothing } from 'lit';
import { SbElement, problemBox, fieldProblem, announce } from '../ui.js';
import { t, language, setLanguage, LANGUAGES, languageName } from '../i18n.js';
import { call } from '../api.js';

class SbAccount extends SbElement {
  static properties = { ctx: {}, error: { state: true }, done: { state: true } };

  async changePassword(e) {
    e.preventDefault();
    const f = e.target;
    this.error = null;
    this.done = false;
    try {
      await call('PUT', 'admin/v1/me/password', {
        body: { currentPassword: f.currentPassword.value, newPassword: f.newPassword.value },
      });
      f.reset();
      this.done = true;
      announce(t('account.passwordChanged'));
    } catch (err) {
      this.error = err;
    }
  }

  render() {
    const me = this.ctx.me;
    return html`<h1>${t('account.title')}</h1>
      <section class="card">
        <h2>${me.displayName || me.username}</h2>
        <p>${t('account.username')}: <b>${me.username}</b></p>
        <label for="ui-language">${t('account.language')}</label>
        <select id="ui-language" @change=${(e) => setLanguage(e.target.value)}>
          ${LANGUAGES.map((l) => html`<option value=${l} ?selected=${l === language()}>${languageName(l)}</option>`)}
        </select>
      </section>
      <form class="card" @submit=${this.changePassword}>
        <h2>${t('account.changePassword')}</h2>
        ${problemBox(this.error)}
        ${this.done ? html`<p class="notice" role="status">${t('account.passwordChanged')}</p>` : nothing}
        <label for="currentPassword">${t('account.currentPassword')}</label>
        <input id="currentPassword" name="currentPassword" type="password" autocomplete="current-password" required>
        <label for="newPassword">${t('account.newPassword')}</label>
        <input id="newPassword" name="newPassword" type="password" autocomplete="new-password" required
          aria-describedby="password-rule">
        <p class="hint" id="password-rule">${t('account.passwordRule')}</p>
        ${fieldProblem(this.error, 'newPassword')}
        <button type="submit" class="primary">${t('account.changePassword')}</button>
      </form>`;
  }
}
customElements.define('sb-account', SbAccount);
