// Sign-in: the browser session of the admin API. A wrong password shows the server's words,
// including the throttle's (how long to wait).
import { html, nothing } from 'lit';
import { SbElement, problemText } from '../ui.js';
import { t } from '../i18n.js';
import { signIn } from '../api.js';

class SbSignin extends SbElement {
  static properties = { error: { state: true }, busy: { state: true }, notice: {} };

  async submit(e) {
    e.preventDefault();
    const form = e.target;
    this.busy = true;
    this.error = null;
    try {
      await signIn(form.username.value.trim(), form.password.value);
      this.dispatchEvent(new CustomEvent('signed-in', { bubbles: true }));
    } catch (err) {
      this.error = err;
      form.password.select();
    } finally {
      this.busy = false;
    }
  }

  render() {
    return html`<form class="card signin" @submit=${this.submit} novalidate>
      <h1>${t('signin.title')}</h1>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${this.error ? html`<p class="problem" role="alert" id="signin-problem">${problemText(this.error)}</p>` : nothing}
      <label for="username">${t('signin.username')}</label>
      <input id="username" name="username" autocomplete="username" required autofocus
        aria-describedby=${this.error ? 'signin-problem' : nothing}>
      <label for="password">${t('signin.password')}</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required>
      <button type="submit" class="primary" ?disabled=${this.busy}>${t('signin.submit')}</button>
    </form>`;
  }
}
customElements.define('sb-signin', SbSignin);
