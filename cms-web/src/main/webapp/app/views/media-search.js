// What the media library and the media picker share: the editor search restricted to media, and
// the addresses of an asset's preview files (the admin previews answer drafts too).
import { get, query } from '../api.js';

/** The crop presets of docs/API.md with their sizes; `crop: false` keeps the whole image. */
export const PRESETS = [
  { name: 'hero', width: 1600, height: 1600, crop: false },
  { name: 'social', width: 1200, height: 630, crop: true },
  { name: 'square', width: 1080, height: 1080, crop: true },
  { name: 'screen-landscape', width: 1920, height: 1080, crop: true },
  { name: 'screen-portrait', width: 1080, height: 1920, crop: true },
];

export const MEDIA_TYPES = ['photo', 'video', 'audio', 'infographic', 'panorama-360', 'document'];

const base = (ctx) => `admin/v1/${encodeURIComponent(ctx.code)}/media`;

export function mediaPath(ctx, id = '') {
  return base(ctx) + (id ? '/' + encodeURIComponent(id) : '');
}

/** The URL of a preview rendition; `version` makes a changed focal point or file load anew. */
export function renditionUrl(ctx, id, preset, version) {
  return `/api/${mediaPath(ctx, id)}/renditions/${preset}${version ? '?v=' + version : ''}`;
}

export function originalUrl(ctx, id) {
  return `/api/${mediaPath(ctx, id)}/original`;
}

/** Whether renditions can be made of the record's file (JPEG, PNG, GIF, WebP). */
export function renderable(record) {
  return !!(record && record.file && /^image\/(jpeg|png|gif|webp)$/.test(record.file.contentType));
}

/**
 * Searches the tenant's media. The editor search answers one hit per translation, so an asset
 * with three captions would show three times: hits are kept once per asset, in order.
 */
export async function searchMedia(ctx, { q = '', kinds = [], locale = '', offset = 0, limit = 24, signal } = {}) {
  const answer = await get(`admin/v1/${encodeURIComponent(ctx.code)}/search` + query({
    type: 'media', q: q.trim(), kind: kinds.length ? kinds.join(',') : '', locale, offset, limit,
  }), { signal });
  const seen = new Set();
  answer.hits = answer.hits.filter((h) => !seen.has(h.id) && seen.add(h.id));
  return answer;
}

/** The records of these ids, fetched together (each answer is small); a failed one is left out. */
export async function records(ctx, ids, cache) {
  await Promise.all(ids.filter((id) => !cache.has(id)).map(async (id) => {
    try {
      cache.set(id, await get(mediaPath(ctx, id)));
    } catch {
      cache.set(id, null);
    }
  }));
  return cache;
}

/** The asset's text in the UI language's translation, else the source's, else any. */
export function textOf(record, field, lang, sourceLocale) {
  const translations = (record && record.translations) || {};
  for (const l of [lang, sourceLocale, ...Object.keys(translations)]) {
    if (translations[l] && translations[l][field]) return translations[l][field];
  }
  return '';
}

/** Whether the public may not be shown the asset: rights expired, or people shown without consent. */
export function rightsProblem(record, now = Date.now()) {
  if (!record) return '';
  if (record.rightsExpireAt && Date.parse(record.rightsExpireAt) <= now) return 'expired';
  if (record.peopleIdentifiable && !record.consentObtained) return 'noConsent';
  return '';
}
