// Pieces shared by the administration sections: the question asked before a destructive action,
// a secret shown once with a copy button, and lists typed as comma-separated text.
import { html } from 'lit';
import { announce } from '../ui.js';
import { t, languageName } from '../i18n.js';

/** The tags of a comma-separated text ("en, vi" → ['en', 'vi']). */
export function splitList(text) {
  return String(text || '').split(',').map((s) => s.trim()).filter(Boolean);
}

export function joinList(list) {
  return (list || []).join(', ');
}

/** A language's name with its tag ("English (en)"), or the tag alone when it has no known name. */
export function localeLabel(tag) {
  const name = languageName(tag);
  return name === tag ? tag : `${name} (${tag})`;
}

/** The If-Match header for a record's version. */
export function ifMatch(version) {
  return { 'If-Match': `"${version}"` };
}

/** The version an answer's ETag names ("3" → 3, a compressed answer's "3-gzip" too), else the record's own. */
export function versionOf(response) {
  const etag = response.headers.get('ETag');
  return etag
    ? etag.replace(/^W\//, '').replace(/"/g, '').replace(/-(gzip|deflate)$/, '')
    : response.body && response.body.version;
}

/**
 * The question asked before something is removed or revoked: a sentence and two buttons, in the
 * page (not a browser dialog) so that it is read like the rest of the screen.
 */
export function confirmBox(question, yes, onYes, onNo) {
  return html`<div class="confirm" role="alertdialog" aria-label=${question}>
    <p>${question}</p>
    <div class="row">
      <button type="button" class="danger" @click=${onYes}>${yes}</button>
      <button type="button" @click=${onNo}>${t('admin.cancel')}</button>
    </div>
  </div>`;
}

async function copy(id) {
  const field = document.getElementById(id);
  try {
    await navigator.clipboard.writeText(field.value);
  } catch {
    // Without clipboard permission (an older browser, or a page not served over HTTPS).
    field.select();
    document.execCommand('copy');
  }
  announce(t('admin.copied'));
  field.closest('.shown-once').querySelector('.copied').textContent = t('admin.copied');
}

/** A secret the server shows this once: a read-only field, a copy button and a warning. */
export function shownOnce(id, label, secret, onDone) {
  return html`<section class="shown-once" aria-labelledby="${id}-title">
    <h3 id="${id}-title">${label}</h3>
    <p class="warning">${t('admin.shownOnce')}</p>
    <div class="row">
      <label class="visually-hidden" for=${id}>${label}</label>
      <input id=${id} class="secret" readonly .value=${secret} @focus=${(e) => e.target.select()}>
      <button type="button" class="primary" @click=${() => copy(id)}>${t('admin.copy')}</button>
      <span class="copied" role="status"></span>
    </div>
    <button type="button" @click=${onDone}>${t('admin.storedIt')}</button>
  </section>`;
}

export const ROLES = ['admin', 'editor', 'translator', 'approver', 'media-librarian', 'journalist'];
export const PRESETS = ['thumb', 'card', 'hero', 'social', 'square', 'screen-landscape', 'screen-portrait'];
