// UI texts per language (i18n/vi.json, i18n/en.json), chosen from the person's setting, else the
// browser's language; dates and numbers formatted for that language and the tenant's time zone.

const LANG_KEY = 'sb.lang';
export const LANGUAGES = ['vi', 'en'];
let lang = 'vi';
let messages = {};
let fallback = {};
const listeners = new Set();

function chosen() {
  const saved = localStorage.getItem(LANG_KEY);
  if (LANGUAGES.includes(saved)) return saved;
  for (const l of navigator.languages || [navigator.language || 'vi']) {
    const base = String(l).toLowerCase().split('-')[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return 'vi';
}

async function load(l) {
  const r = await fetch(`app/i18n/${l}.json`, { credentials: 'same-origin' });
  return r.json();
}

export async function init() {
  lang = chosen();
  [messages, fallback] = await Promise.all([load(lang), lang === 'vi' ? null : load('vi')]);
  fallback = fallback || messages;
  document.documentElement.lang = lang;
}

export function language() {
  return lang;
}

export async function setLanguage(l) {
  if (!LANGUAGES.includes(l)) return;
  localStorage.setItem(LANG_KEY, l);
  await init();
  listeners.forEach((f) => f(l));
}

export function onLanguageChange(f) {
  listeners.add(f);
  return () => listeners.delete(f);
}

/** The text for a key; {name} placeholders are filled from params. A missing key shows itself. */
export function t(key, params = {}) {
  const text = messages[key] ?? fallback[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

let zone = 'Asia/Ho_Chi_Minh';
/** The tenant's time zone, used for every date and time shown. */
export function setTimeZone(z) {
  if (z) zone = z;
}
export function timeZone() {
  return zone;
}

const locale = () => (lang === 'vi' ? 'vi-VN' : 'en-GB');

// The glossary's formats: Vietnamese dd/MM/yyyy and HH:mm; English 7 Dec 2026 and 14:05. Built from
// parts, since each browser's own medium style differs (vi-VN gives "8 thg 12, 2026").
function parts(date, options) {
  const found = {};
  new Intl.DateTimeFormat(locale(), { ...options, timeZone: zone })
    .formatToParts(date)
    .forEach((p) => { found[p.type] = p.value; });
  return found;
}

function dateText(d) {
  if (lang === 'vi') {
    const p = parts(d, { day: '2-digit', month: '2-digit', year: 'numeric' });
    return `${p.day}/${p.month}/${p.year}`;
  }
  const p = parts(d, { day: 'numeric', month: 'short', year: 'numeric' });
  return `${p.day} ${p.month} ${p.year}`;
}

function timeText(d) {
  const p = parts(d, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${p.hour}:${p.minute}`;
}

export function formatDateTime(value) {
  if (!value) return '';
  const d = new Date(value);
  return `${dateText(d)} ${timeText(d)}`;
}

export function formatDate(value) {
  if (!value) return '';
  return dateText(/^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(value + 'T12:00:00Z') : new Date(value));
}

export function formatNumber(n) {
  return new Intl.NumberFormat(locale()).format(n);
}

/** A language's own name, e.g. "Tiếng Việt" for vi, in the UI language ("Vietnamese" in en). */
export function languageName(tag) {
  try {
    return new Intl.DisplayNames([locale()], { type: 'language' }).of(tag) || tag;
  } catch {
    return tag;
  }
}
