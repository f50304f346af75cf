import { html } from 'lit';
import { SbElement } from '../ui.js';
import { t } from '../i18n.js';

class SbNotFound extends SbElement {
  render() {
    return html`<h1>${t('notfound.title')}</h1><p><a href="#/">${t('nav.home')}</a></p>`;
  }
}
customElements.define('sb-notfound', SbNotFound);
