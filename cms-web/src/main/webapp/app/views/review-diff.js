// Word-level differences between two texts, for revision diffs and staleness. The server answers
// a field's text before and after; a person wants to see which words changed, so the words are
// compared here (longest common subsequence over words, whitespace kept with each word).
import { html, nothing } from 'lit';
import { t } from '../i18n.js';

/** The text a person reads in an HTML field: block elements end a line, tags are dropped. */
export function plainText(value) {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  const text = String(value);
  if (!/<[a-z][\s\S]*>/i.test(text)) return text;
  const doc = new DOMParser().parseFromString(text, 'text/html');
  doc.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, blockquote, br, figcaption, tr')
    .forEach((el) => el.after(doc.createTextNode('\n')));
  return doc.body.textContent.replace(/\n{2,}/g, '\n').trim();
}

function words(text) {
  return text.match(/\s*\S+|\s+$/g) || [];
}

// Above this many word pairs the table would be too large for a browser; the whole field is then
// shown as removed and added, which is still correct, only coarser.
const MAX_CELLS = 4_000_000;

/** [{op: '='|'-'|'+', text}] turning `before` into `after`, word by word. */
export function diffWords(before, after) {
  const a = words(before);
  const b = words(after);
  if (a.length * b.length > MAX_CELLS) {
    return [{ op: '-', text: before }, { op: '+', text: after }].filter((p) => p.text);
  }
  const same = (x, y) => x.trim() === y.trim();
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = same(a[i], b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const parts = [];
  const push = (op, text) => {
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (same(a[i], b[j])) {
      push('=', b[j]);
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      push('-', a[i++]);
    } else {
      push('+', b[j++]);
    }
  }
  while (i < a.length) push('-', a[i++]);
  while (j < b.length) push('+', b[j++]);
  return parts;
}

/** The label of a field of a translation in the UI language. */
export function fieldLabel(field) {
  const key = 'review.field.' + field;
  const label = t(key);
  return label === key ? field : label;
}

/** One field's change, words removed in <del> and added in <ins>, with a screen-reader prefix. */
export function wordDiff(before, after) {
  return html`<div class="review-words">${diffWords(plainText(before), plainText(after)).map((p) =>
    p.op === '='
      ? p.text
      : p.op === '-'
        ? html`<del><span class="visually-hidden">${t('review.removed')} </span>${p.text}</del>`
        : html`<ins><span class="visually-hidden">${t('review.added')} </span>${p.text}</ins>`)}</div>`;
}

/** Changes [{field, before, after}] as a list of fields, each with its word diff. */
export function changeList(changes, id) {
  if (!changes || !changes.length) return html`<p class="hint">${t('review.noChanges')}</p>`;
  return html`<dl class="review-changes" id=${id || nothing}>${changes.map((c) => html`
    <dt>${fieldLabel(c.field)}</dt>
    <dd>${wordDiff(c.before, c.after)}</dd>`)}</dl>`;
}
