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

export function formatDateTime(value) {
  if (!value) return '';
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: 'medium', timeStyle: 'short', timeZone: zone,
  }).format(new Date(value));
}

export function formatDate(value) {
  if (!value) return '';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(value + 'T12:00:00Z') : new Date(value);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: zone }).format(d);
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
