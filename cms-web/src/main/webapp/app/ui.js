// Shared pieces of every screen: the base element (light DOM, so that the app's stylesheet, the
// accessibility scan and the browser tests see one document), problem messages, and small
// building blocks used on several screens.
import { LitElement, html, nothing } from 'lit';
import { t, onLanguageChange } from './i18n.js';
import { ApiError } from './api.js';

/** A screen or widget rendered into the page itself (no shadow DOM); re-renders on language change. */
export class SbElement extends LitElement {
  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this._offLanguage = onLanguageChange(() => this.requestUpdate());
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    if (this._offLanguage) this._offLanguage();
  }
}

/** The sentence to show for a failed call: the server's detail, or a known cause in the UI language. */
export function problemText(error) {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('error.network');
    // Problems whose cause the app can say in the person's language; the others (a field's rule,
    // a workflow step refused) show the server's own sentence, which names the field or the rule.
    if (error.kind === 'too-many-requests') {
      return t('error.throttled', { minutes: Math.max(1, Math.ceil((error.retryAfter || 60) / 60)) });
    }
    if (error.kind === 'unauthorized') return t('error.credentials');
    if (error.kind === 'stale-version') return t('error.stale');
    if (error.kind === 'unavailable') return t('error.unavailable');
    if (error.message && error.message !== `HTTP ${error.status}`) return error.message;
    return t('error.status', { status: error.status });
  }
  if (error && error.name === 'AbortError') return '';
  return t('error.unexpected');
}

/** An alert box for a failed call (role=alert so screen readers announce it), or nothing. */
export function problemBox(error) {
  if (!error) return nothing;
  const fields = error instanceof ApiError ? error.errors : [];
  return html`<div class="problem" role="alert">
    <p>${problemText(error)}</p>
    ${fields.length
      ? html`<ul>${fields.map((f) => html`<li>${f.field ? html`<b>${f.field}</b>: ` : nothing}${f.message}</li>`)}</ul>`
      : nothing}
  </div>`;
}

/** The message for one field of a failed call, shown under that field. */
export function fieldProblem(error, field, id) {
  const message = error instanceof ApiError ? error.forField(field) : undefined;
  return message ? html`<p class="field-problem" id=${id || nothing} role="alert">${message}</p>` : nothing;
}

/** The label of a workflow status in the UI language. */
export function statusLabel(status) {
  return status ? t('status.' + status) : '';
}

export function statusBadge(status) {
  return status ? html`<span class="badge status-${status}">${statusLabel(status)}</span>` : nothing;
}

/** Announces a short message to screen readers and shows it for a moment. */
export function announce(message) {
  const region = document.getElementById('sb-announce');
  if (region) region.textContent = message;
}

/** Navigates inside the app. */
export function go(path) {
  location.hash = '#' + path;
}

/** Debounces a function: it runs once `ms` after the last call. */
export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/**
 * Text kept in this browser until it is saved, so that a session that ends (or a closed tab) loses
 * nothing that was typed. Keyed by what is being edited.
 */
export const drafts = {
  save(key, value) {
    localStorage.setItem('sb.draft.' + key, JSON.stringify({ value, at: Date.now() }));
  },
  load(key) {
    try {
      const kept = JSON.parse(localStorage.getItem('sb.draft.' + key));
      return kept ? kept.value : undefined;
    } catch {
      return undefined;
    }
  },
  clear(key) {
    localStorage.removeItem('sb.draft.' + key);
  },
};
