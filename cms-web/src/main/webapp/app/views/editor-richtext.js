// The body editor: a contenteditable region with a small toolbar. What is pasted (from Word, a web
// page) is cleaned by the server's own sanitiser before it is inserted, so the body shows as it
// will be stored, not as the browser would keep it.
import { html, nothing } from 'lit';
import { SbElement, problemBox } from '../ui.js';
import { t } from '../i18n.js';
import { call } from '../api.js';
import './editor-fields.js';

class SbRichtext extends SbElement {
  static properties = {
    ctx: {},
    value: {},
    label: {},
    inputId: {},
    readonly: { type: Boolean },
    linking: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.value = '';
    this.shown = null;
  }

  get region() {
    return this.querySelector('.rich');
  }

  firstUpdated() {
    // Enter makes paragraphs (which the sanitiser keeps), not the browser's default <div>s.
    this.region.addEventListener('focus', () => document.execCommand('defaultParagraphSeparator', false, 'p'));
  }

  updated() {
    // The region's content is the person's: set it only when the value comes from outside.
    const region = this.region;
    if (region && this.value !== this.shown) {
      region.innerHTML = this.value || '';
      this.shown = this.value;
    }
  }

  changed() {
    const region = this.region;
    this.shown = region.innerHTML;
    this.value = this.shown;
    this.dispatchEvent(new CustomEvent('value-changed', { detail: this.value, bubbles: true }));
  }

  command(name, arg) {
    const region = this.region;
    const selection = getSelection();
    const inside = selection.rangeCount && region.contains(selection.anchorNode);
    region.focus();
    // Back from the link form: put the selection back where it was when the form opened.
    if (!inside && this.range) this.restoreRange();
    this.range = null;
    document.execCommand(name, false, arg);
    this.changed();
  }

  heading(level) {
    const block = document.queryCommandValue('formatBlock').toLowerCase();
    this.command('formatBlock', block === level ? 'p' : level);
  }

  keepRange() {
    const selection = getSelection();
    if (selection.rangeCount && this.region.contains(selection.anchorNode)) {
      this.range = selection.getRangeAt(0).cloneRange();
    } else {
      this.range = null;
    }
  }

  restoreRange() {
    const selection = getSelection();
    selection.removeAllRanges();
    if (this.range) selection.addRange(this.range);
  }

  /** Inserts HTML at the kept caret (or the end) as DOM nodes: exactly that HTML, no styles added. */
  insertHtml(markup) {
    const region = this.region;
    let range = this.range;
    if (!range || !region.contains(range.startContainer)) {
      range = document.createRange();
      range.selectNodeContents(region);
      range.collapse(false);
    }
    range.deleteContents();
    const fragment = range.createContextualFragment(markup);
    const last = fragment.lastChild;
    range.insertNode(fragment);
    if (last) {
      range.setStartAfter(last);
      range.collapse(true);
      this.range = range;
      this.restoreRange();
    }
    this.changed();
  }

  async paste(e) {
    const markup = e.clipboardData && e.clipboardData.getData('text/html');
    if (!markup) return; // plain text: the browser inserts it as text
    e.preventDefault();
    this.keepRange();
    this.busy = true;
    this.error = null;
    try {
      const r = await call('POST', `admin/v1/${this.ctx.code}/html/clean`, { body: { html: markup } });
      this.insertHtml(r.body.html);
    } catch (err) {
      this.error = err;
    } finally {
      this.busy = false;
    }
  }

  startLink() {
    this.keepRange();
    this.linking = true;
    this.updateComplete.then(() => this.querySelector('.rich-link input').focus());
  }

  applyLink() {
    const url = this.querySelector('.rich-link input').value.trim();
    this.linking = false;
    if (url) this.command('createLink', url);
  }

  pickImage() {
    this.keepRange();
    this.querySelector('sb-media-picker').open();
  }

  imagePicked(e) {
    const media = e.detail;
    const src = `/api/v1/${this.ctx.code}/media/${media.id}/renditions/card`;
    const alt = (media.title || '').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    this.insertHtml(`<figure><img src="${src}" alt="${alt}"></figure>`);
  }

  render() {
    const id = this.inputId;
    const tool = (key, fn, text) => html`<button type="button" aria-label=${t(key)} title=${t(key)}
      ?disabled=${this.readonly} @mousedown=${(e) => e.preventDefault()} @click=${fn}>${text}</button>`;
    return html`
      <div class="toolbar" role="toolbar" aria-label=${t('editor.rich.toolbar')} aria-controls=${id}>
        ${tool('editor.rich.h2', () => this.heading('h2'), 'H2')}
        ${tool('editor.rich.h3', () => this.heading('h3'), 'H3')}
        ${tool('editor.rich.bold', () => this.command('bold'), html`<b>B</b>`)}
        ${tool('editor.rich.italic', () => this.command('italic'), html`<i>I</i>`)}
        ${tool('editor.rich.bullets', () => this.command('insertUnorderedList'), '• ≡')}
        ${tool('editor.rich.numbers', () => this.command('insertOrderedList'), '1. ≡')}
        ${tool('editor.rich.link', () => this.startLink(), t('editor.rich.linkShort'))}
        ${tool('editor.rich.image', () => this.pickImage(), t('editor.rich.imageShort'))}
        ${this.busy ? html`<span class="hint" role="status">${t('editor.rich.cleaning')}</span>` : nothing}
      </div>
      ${this.linking ? html`<div class="row rich-link" role="group" aria-label=${t('editor.rich.link')}>
        <label class="inline" for=${id + '-url'}>${t('editor.rich.url')}</label>
        <input id=${id + '-url'} type="url" placeholder="https://" @keydown=${(e) => {
          // Inside the entry's form: Enter applies the link instead of saving the entry.
          if (e.key === 'Enter') {
            e.preventDefault();
            this.applyLink();
          } else if (e.key === 'Escape') {
            this.linking = false;
          }
        }}>
        <button type="button" @click=${() => this.applyLink()}>${t('editor.rich.apply')}</button>
        <button type="button" @click=${() => { this.linking = false; }}>${t('editor.cancel')}</button>
      </div>` : nothing}
      <div class="rich" id=${id} role="textbox" aria-multiline="true" aria-label=${this.label}
        contenteditable=${this.readonly ? 'false' : 'true'}
        @input=${() => this.changed()}
        @paste=${(e) => this.paste(e)}></div>
      ${problemBox(this.error)}
      <sb-media-picker .ctx=${this.ctx} @picked=${(e) => this.imagePicked(e)}></sb-media-picker>`;
  }
}
customElements.define('sb-richtext', SbRichtext);
