// The media library (#/media): search the tenant's media and upload many files at once; and one
// asset (#/media/{id}): what was read from its file, its captions and rights, its focal point with
// live crop previews, where it is used, and replacing its file.
import { html, nothing } from 'lit';
import { SbElement, problemBox, problemText, fieldProblem, announce, debounce, drafts, statusBadge } from '../ui.js';
import { t, language, languageName, formatDateTime, formatNumber, timeZone } from '../i18n.js';
import { call, get, upload, ApiError } from '../api.js';
import {
  PRESETS, MEDIA_TYPES, mediaPath, renditionUrl, originalUrl, renderable, searchMedia, records, textOf,
  rightsProblem,
} from './media-search.js';
import './media-picker.js';

const PAGE = 24;
/** Uploads running at once: enough to keep the line busy, few enough to show progress per file. */
const PARALLEL_UPLOADS = 3;

/** Who may upload and edit the record (translators write captions in their locales only). */
const librarian = (ctx) => ctx.can('editor', 'media-librarian');

/** A file size as people read it: bytes, KB or MB. */
function fileSize(bytes) {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 1024))} KB`;
  return `${formatNumber(Math.round(bytes / 104857.6) / 10)} MB`;
}

/** How an entry uses the asset, in words; a role this screen does not know yet, as it is. */
function roleLabel(role) {
  const key = 'media.usages.role.' + role;
  const label = t(key);
  return label === key ? role : label;
}

function rightsMarker(record) {
  const problem = rightsProblem(record);
  return problem ? html`<span class="badge media-rights">${t('media.rights.' + problem)}</span>` : nothing;
}

class SbMediaLibrary extends SbElement {
  static properties = {
    ctx: {}, params: {},
    q: { state: true }, kinds: { state: true }, locale: { state: true }, offset: { state: true },
    answer: { state: true }, error: { state: true }, uploads: { state: true }, over: { state: true },
  };

  constructor() {
    super();
    this.q = '';
    this.kinds = [];
    this.offset = 0;
    this.uploads = [];
    this.cache = new Map();
    this.searchSoon = debounce(() => this.search(), 250);
  }

  connectedCallback() {
    super.connectedCallback();
    // One hit per asset: the source locale's translation, which every upload makes.
    this.locale = this.ctx.tenant.sourceLocale || '';
    this.search();
  }

  async search() {
    if (this.pending) this.pending.abort();
    const pending = (this.pending = new AbortController());
    try {
      const answer = await searchMedia(this.ctx, {
        q: this.q, kinds: this.kinds, locale: this.locale, offset: this.offset, limit: PAGE, signal: pending.signal,
      });
      if (pending !== this.pending) return;
      this.answer = answer;
      this.error = null;
      // Credits and rights are not in the search answer: the page's records, fetched together.
      await records(this.ctx, answer.hits.map((h) => h.id), this.cache);
      if (pending === this.pending) this.requestUpdate();
    } catch (e) {
      if (e.name !== 'AbortError') this.error = e;
    }
  }

  filter(change) {
    Object.assign(this, change, { offset: 0 });
    this.search();
  }

  toggleKind(kind, on) {
    this.filter({ kinds: on ? [...this.kinds, kind] : this.kinds.filter((k) => k !== kind) });
  }

  page(delta) {
    this.offset = Math.max(0, this.offset + delta * PAGE);
    this.search();
  }

  // ------------------------------------------------------------------ upload

  addFiles(fileList) {
    const added = [...fileList].map((file, i) => ({
      key: `${Date.now()}-${i}-${file.name}`, file, progress: 0, state: 'waiting', error: null, record: null,
    }));
    if (!added.length) return;
    this.uploads = [...added, ...this.uploads];
    this.queue = [...(this.queue || []), ...added];
    for (let i = 0; i < PARALLEL_UPLOADS; i++) this.nextUpload();
  }

  async nextUpload() {
    if ((this.running || 0) >= PARALLEL_UPLOADS || !this.queue.length) return;
    const item = this.queue.shift();
    this.running = (this.running || 0) + 1;
    item.state = 'uploading';
    this.requestUpdate();
    const form = new FormData();
    form.append('file', item.file, item.file.name);
    try {
      const r = await upload('POST', mediaPath(this.ctx), form, {
        onProgress: (p) => {
          item.progress = p;
          this.requestUpdate();
        },
      });
      item.progress = 1;
      item.state = 'done';
      item.record = r.body;
      announce(t('media.upload.doneOne', { name: item.file.name }));
    } catch (e) {
      item.state = 'refused';
      item.error = e;
      announce(t('media.upload.refusedOne', { name: item.file.name }));
    } finally {
      this.running--;
      this.requestUpdate();
      if (this.queue.length) this.nextUpload();
      else if (!this.running) this.searchAfterUpload();
    }
  }

  /** The search index follows the change log, so a new asset is findable a moment later. */
  searchAfterUpload() {
    clearTimeout(this.refresh);
    this.refresh = setTimeout(() => this.search(), 1500);
  }

  drop(e) {
    e.preventDefault();
    this.over = false;
    this.addFiles(e.dataTransfer.files);
  }

  uploadRow(item) {
    const id = 'upload-' + item.key.replace(/[^a-zA-Z0-9-]/g, '_');
    const state = t('media.upload.state.' + item.state);
    return html`<li class="upload upload-${item.state}">
      <div class="row">
        <span class="upload-name" id=${id}>${item.file.name}</span>
        <span class="hint">${fileSize(item.file.size)}</span>
        <span class="spacer"></span>
        <span class="upload-state">${state}</span>
        ${item.record
          ? html`<a href="#/media/${item.record.id}">${t('media.upload.open')}</a>`
          : nothing}
      </div>
      ${item.state === 'refused' ? nothing : html`<progress max="1" .value=${item.progress} aria-labelledby=${id}
        aria-valuetext=${`${Math.round(item.progress * 100)} %`}>${Math.round(item.progress * 100)} %</progress>`}
      ${item.error ? html`<p class="problem" role="alert">${problemText(item.error)}</p>` : nothing}
    </li>`;
  }

  uploader() {
    if (!librarian(this.ctx)) return nothing;
    return html`<section class="card" aria-labelledby="media-upload-title">
      <h2 id="media-upload-title">${t('media.upload.title')}</h2>
      <div class="dropzone ${this.over ? 'over' : ''}"
        @dragover=${(e) => { e.preventDefault(); this.over = true; }}
        @dragleave=${() => { this.over = false; }}
        @drop=${this.drop}>
        <p>${t('media.upload.drop')}</p>
        <label for="media-files">${t('media.upload.choose')}</label>
        <input id="media-files" type="file" multiple aria-describedby="media-upload-hint"
          @change=${(e) => { this.addFiles(e.target.files); e.target.value = ''; }}>
        <p class="hint" id="media-upload-hint">${t('media.upload.hint')}</p>
      </div>
      ${this.uploads.length
        ? html`<ul class="uploads" aria-label=${t('media.upload.list')}>${this.uploads.map((u) => this.uploadRow(u))}</ul>`
        : nothing}
    </section>`;
  }

  // ------------------------------------------------------------------ search

  facets() {
    const counts = new Map(((this.answer && this.answer.facets.kind) || []).map((f) => [f.value, f.count]));
    const locales = this.ctx.tenant.locales || [];
    return html`<div class="facets media-facets">
      <fieldset>
        <legend>${t('media.type')}</legend>
        ${MEDIA_TYPES.map((kind) => html`<label class="inline">
          <input type="checkbox" .checked=${this.kinds.includes(kind)}
            @change=${(e) => this.toggleKind(kind, e.target.checked)}>
          ${t('media.type.' + kind)} <span class="hint">(${formatNumber(counts.get(kind) || 0)})</span>
        </label>`)}
      </fieldset>
      <div>
        <label for="media-locale">${t('media.locale')}</label>
        <select id="media-locale" @change=${(e) => this.filter({ locale: e.target.value })}>
          <option value="" ?selected=${!this.locale}>${t('media.locale.all')}</option>
          ${locales.map((l) => html`<option value=${l.tag} ?selected=${this.locale === l.tag}>${languageName(l.tag)}</option>`)}
        </select>
      </div>
    </div>`;
  }

  tile(hit) {
    const record = this.cache.get(hit.id);
    const title = hit.title || textOf(record, 'caption', language(), this.ctx.tenant.sourceLocale)
      || (record && record.file && record.file.filename);
    const alt = textOf(record, 'altText', language(), this.ctx.tenant.sourceLocale);
    const picture = record && !renderable(record)
      ? html`<span class="media-placeholder">${t('media.type.' + (record.mediaType || 'document'))}</span>`
      : html`<img src=${renditionUrl(this.ctx, hit.id, 'thumb', record && record.version)} alt=${alt} loading="lazy">`;
    return html`<li><figure>
      <a href="#/media/${hit.id}" class="media-tile">
        ${picture}
        <span class="media-title">${title || t('media.untitled')}</span>
      </a>
      <figcaption>
        ${record && record.credit ? html`<span class="media-credit">${t('media.creditLine', { credit: record.credit })}</span>` : nothing}
        ${rightsMarker(record)}
      </figcaption>
    </figure></li>`;
  }

  results() {
    const a = this.answer;
    if (!a) return html`<p class="hint" role="status">${t('media.loading')}</p>`;
    const last = Math.min(a.total, this.offset + PAGE);
    return html`
      <p class="hint" role="status">${a.total
        ? t('media.count', { from: formatNumber(this.offset + 1), to: formatNumber(last), total: formatNumber(a.total) })
        : t('media.none')}</p>
      <ul class="thumbs media-grid">${a.hits.map((h) => this.tile(h))}</ul>
      <nav class="row media-pages" aria-label=${t('media.pages')}>
        <button type="button" ?disabled=${this.offset === 0} @click=${() => this.page(-1)}>${t('media.previous')}</button>
        <button type="button" ?disabled=${last >= a.total} @click=${() => this.page(1)}>${t('media.next')}</button>
      </nav>`;
  }

  render() {
    return html`<h1>${t('media.title')}</h1>
      ${this.uploader()}
      <div class="layout-list">
        <aside aria-label=${t('media.filters')}>${this.facets()}</aside>
        <section aria-label=${t('media.results')}>
          <label for="media-q">${t('media.search')}</label>
          <input id="media-q" type="search" .value=${this.q} placeholder=${t('media.searchHint')}
            @input=${(e) => { this.q = e.target.value; this.offset = 0; this.searchSoon(); }}>
          ${problemBox(this.error)}
          ${this.results()}
        </section>
      </div>`;
  }
}
customElements.define('sb-media-library', SbMediaLibrary);

// ------------------------------------------------------------------------------ one asset

/** The record fields this screen edits (besides captions, alt texts and the focal point). */
const FIELDS = ['credit', 'copyrightHolder', 'licence', 'licenceUrl'];

/** The offset of the zone at that instant, as "+07:00". */
function zoneOffset(instant, zone) {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(instant).find((p) => p.type === 'timeZoneName').value;
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return m ? `${m[1]}:${m[2] || '00'}` : 'Z';
}

/** The day of an instant in the tenant's time zone, as YYYY-MM-DD (for a date field). */
function dayOf(instant) {
  if (!instant) return '';
  return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone(), year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(instant));
}

/** The start of a day in the tenant's time zone, as an ISO instant with offset. */
function startOfDay(day) {
  if (!day) return null;
  return `${day}T00:00:00${zoneOffset(new Date(`${day}T12:00:00Z`), timeZone())}`;
}

/**
 * Where the server's crop of this preset starts, as CSS object-position percentages: the crop
 * centres on the focal point and stays inside the image (Renditions.crop), so a box of the
 * preset's shape with object-fit: cover shows the same part of the image.
 */
export function cropPosition(width, height, preset, focal) {
  const aspect = preset.width / preset.height;
  const cw = Math.min(width, Math.round(height * aspect));
  const ch = Math.min(height, Math.round(cw / aspect));
  const x = Math.max(0, Math.min(Math.round(focal.x * width - cw / 2), width - cw));
  const y = Math.max(0, Math.min(Math.round(focal.y * height - ch / 2), height - ch));
  const px = width > cw ? (x / (width - cw)) * 100 : 50;
  const py = height > ch ? (y / (height - ch)) * 100 : 50;
  return `${px.toFixed(1)}% ${py.toFixed(1)}%`;
}

/** Three-way merge of the form: mine where I changed something since `base`, else theirs. */
function merged(base, theirs, mine) {
  const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const out = {};
  for (const key of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
    if (key === 'translations') {
      out.translations = {};
      const locales = new Set([...Object.keys(theirs.translations), ...Object.keys(mine.translations)]);
      for (const l of locales) {
        const b = base.translations[l] || {};
        const th = theirs.translations[l] || {};
        const m = mine.translations[l] || {};
        out.translations[l] = {};
        for (const f of ['caption', 'altText']) {
          out.translations[l][f] = same(m[f] || '', b[f] || '') ? th[f] || '' : m[f];
        }
      }
    } else {
      out[key] = same(mine[key], base[key]) ? theirs[key] : mine[key];
    }
  }
  return out;
}

class SbMedia extends SbElement {
  static properties = {
    ctx: {}, params: {},
    record: { state: true }, edits: { state: true }, locale: { state: true }, error: { state: true },
    saveError: { state: true }, conflict: { state: true }, saving: { state: true }, saved: { state: true },
    replacing: { state: true }, replaceError: { state: true }, usages: { state: true }, usagesError: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.locale = this.editableLocales()[0] || this.ctx.tenant.sourceLocale;
    this.load();
  }

  get draftKey() {
    return `media.${this.ctx.code}.${this.params.id}`;
  }

  /**
   * Loads the record. After a conflict (`keepEdits`), what this person changed stays and what they
   * left alone takes the other person's saved value, so that neither edit is lost.
   */
  async load({ keepEdits = false } = {}) {
    const before = keepEdits && this.record ? this.fresh() : null;
    try {
      this.record = await get(mediaPath(this.ctx, this.params.id));
      this.error = null;
      if (before) this.edits = merged(before, this.fresh(), this.edits);
      else if (!keepEdits) this.edits = drafts.load(this.draftKey) || this.fresh();
    } catch (e) {
      this.error = e;
      return;
    }
    // Where it is used names drafts: for those who read them (journalists do not).
    if (!this.ctx.can('editor', 'translator', 'approver', 'media-librarian')) return;
    try {
      this.usages = (await get(`${mediaPath(this.ctx, this.params.id)}/usages`)).items;
      this.usagesError = null;
    } catch (e) {
      this.usagesError = e;
    }
  }

  /** What the form shows before anything is typed: the record's values. */
  fresh() {
    const r = this.record;
    const edits = { translations: {} };
    FIELDS.forEach((f) => { edits[f] = r[f] || ''; });
    edits.rightsExpireAt = dayOf(r.rightsExpireAt);
    edits.peopleIdentifiable = !!r.peopleIdentifiable;
    edits.consentObtained = !!r.consentObtained;
    edits.focalPoint = r.focalPoint ? { ...r.focalPoint } : { x: 0.5, y: 0.5 };
    edits.posterId = r.posterId || null;
    for (const [l, tr] of Object.entries(r.translations || {})) {
      edits.translations[l] = { caption: tr.caption || '', altText: tr.altText || '' };
    }
    return edits;
  }

  editableLocales() {
    const all = (this.ctx.tenant.locales || []).map((l) => l.tag);
    return librarian(this.ctx) ? all : all.filter((l) => this.ctx.translatorLocales.includes(l));
  }

  change(mutate) {
    mutate(this.edits);
    this.edits = { ...this.edits };
    this.saved = false;
    drafts.save(this.draftKey, this.edits);
  }

  setText(field, value) {
    this.change((e) => {
      e.translations[this.locale] = { caption: '', altText: '', ...e.translations[this.locale], [field]: value };
    });
  }

  setFocal(x, y) {
    const clamp = (v) => Math.round(Math.min(1, Math.max(0, v)) * 1000) / 1000;
    this.change((e) => { e.focalPoint = { x: clamp(x), y: clamp(y) }; });
  }

  pickFocal(e) {
    const box = e.currentTarget.getBoundingClientRect();
    this.setFocal((e.clientX - box.left) / box.width, (e.clientY - box.top) / box.height);
  }

  /** The translations whose caption or alt text differ from the record's. */
  changedLocales() {
    const before = this.record.translations || {};
    return Object.entries(this.edits.translations).filter(([l, v]) => {
      const b = before[l] || {};
      return (v.caption || '') !== (b.caption || '') || (v.altText || '') !== (b.altText || '');
    }).map(([l]) => l);
  }

  async save(e) {
    e.preventDefault();
    this.saving = true;
    this.saveError = null;
    this.conflict = false;
    try {
      let version = this.record.version;
      if (librarian(this.ctx)) {
        const ed = this.edits;
        const body = { translations: {} };
        FIELDS.forEach((f) => { body[f] = ed[f].trim() || null; });
        body.rightsExpireAt = startOfDay(ed.rightsExpireAt);
        body.peopleIdentifiable = ed.peopleIdentifiable;
        body.consentObtained = ed.peopleIdentifiable && ed.consentObtained;
        body.focalPoint = ed.focalPoint;
        if (this.hasPoster()) body.posterId = ed.posterId;
        for (const l of this.changedLocales()) {
          const v = ed.translations[l];
          body.translations[l] = { caption: v.caption.trim() || null, altText: v.altText.trim() || null };
        }
        const r = await call('PATCH', mediaPath(this.ctx, this.record.id), {
          body, headers: { 'Content-Type': 'application/merge-patch+json', 'If-Match': `"${version}"` },
        });
        this.record = r.body;
      } else {
        // A translator writes whole translations of their locales, each with the version before.
        for (const l of this.changedLocales()) {
          const kept = { ...(this.record.translations[l] || {}) };
          const body = {};
          for (const f of ['title', 'subtitle', 'summary', 'body', 'slug', 'seoTitle', 'seoDescription', 'keywords']) {
            if (kept[f] !== undefined && kept[f] !== null) body[f] = kept[f];
          }
          body.caption = this.edits.translations[l].caption.trim() || null;
          body.altText = this.edits.translations[l].altText.trim() || null;
          const r = await call('PUT', `${mediaPath(this.ctx, this.record.id)}/translations/${encodeURIComponent(l)}`, {
            body, headers: { 'If-Match': `"${version}"` },
          });
          this.record = r.body;
          version = r.body.version;
        }
      }
      drafts.clear(this.draftKey);
      this.edits = this.fresh();
      this.saved = true;
      announce(t('media.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        // Someone else saved: show their version underneath what this person typed, which stays.
        this.conflict = true;
        await this.load({ keepEdits: true });
      } else {
        this.saveError = err;
      }
    } finally {
      this.saving = false;
    }
  }

  async replaceFile(input) {
    const file = input.files[0];
    if (!file) return;
    this.replacing = { name: file.name, progress: 0 };
    this.replaceError = null;
    try {
      const r = await upload('PUT', `${mediaPath(this.ctx, this.record.id)}/original?filename=${encodeURIComponent(file.name)}`, file, {
        headers: { 'If-Match': `"${this.record.version}"` },
        onProgress: (p) => { this.replacing = { name: file.name, progress: p }; },
      });
      this.record = r.body;
      this.replacing = { name: file.name, progress: 1, done: true };
      announce(t('media.replace.done'));
    } catch (err) {
      this.replaceError = err;
      this.replacing = null;
    } finally {
      input.value = '';
    }
  }

  // ------------------------------------------------------------------ rendering

  fileFacts() {
    const r = this.record;
    const f = r.file;
    if (!f) return html`<p class="hint">${t('media.file.none')}</p>`;
    const row = (key, value) => (value === undefined || value === null || value === '' ? nothing
      : html`<dt>${t('media.file.' + key)}</dt><dd>${value}</dd>`);
    return html`<dl class="media-facts">
      ${row('name', f.filename)}
      ${row('type', f.contentType)}
      ${row('size', fileSize(f.size))}
      ${row('dimensions', f.width ? `${formatNumber(f.width)} × ${formatNumber(f.height)} px` : null)}
      ${row('duration', f.durationMs ? `${formatNumber(Math.round(f.durationMs / 1000))} s` : null)}
      ${row('captured', r.capturedAt ? formatDateTime(r.capturedAt) : null)}
      ${row('camera', f.camera)}
      ${row('gps', f.latitude !== undefined && f.latitude !== null
        ? `${f.latitude.toFixed(5)}, ${f.longitude.toFixed(5)}` : null)}
    </dl>
    <p><a href=${originalUrl(this.ctx, r.id)} download=${f.filename || nothing}>${t('media.file.download')}</a></p>`;
  }

  focalArea() {
    const r = this.record;
    const fp = this.edits.focalPoint;
    const readOnly = !librarian(this.ctx);
    return html`<div class="media-focal">
      <div class="media-focal-frame">
        <img src=${renditionUrl(this.ctx, r.id, 'hero', r.version)} alt=${textOf(r, 'altText', language(), this.ctx.tenant.sourceLocale)}
          class="media-image ${readOnly ? '' : 'media-image-editable'}" @click=${readOnly ? null : this.pickFocal} aria-describedby="media-focal-hint">
        <span class="media-focal-mark" aria-hidden="true" style="left: ${fp.x * 100}%; top: ${fp.y * 100}%"></span>
      </div>
      <p class="hint" id="media-focal-hint">${readOnly ? t('media.focal.readOnly') : t('media.focal.hint')}</p>
      ${readOnly ? nothing : html`<div class="row">
        <label class="inline" for="media-focal-x">${t('media.focal.x')}
          <input id="media-focal-x" type="number" min="0" max="100" step="1" .value=${String(Math.round(fp.x * 100))}
            @change=${(e) => this.setFocal(Number(e.target.value) / 100, fp.y)}></label>
        <label class="inline" for="media-focal-y">${t('media.focal.y')}
          <input id="media-focal-y" type="number" min="0" max="100" step="1" .value=${String(Math.round(fp.y * 100))}
            @change=${(e) => this.setFocal(fp.x, Number(e.target.value) / 100)}></label>
      </div>`}
    </div>`;
  }

  previews() {
    const r = this.record;
    const fp = this.edits.focalPoint;
    const w = r.file.width;
    const h = r.file.height;
    const src = renditionUrl(this.ctx, r.id, 'hero', r.version);
    return html`<section class="card" aria-labelledby="media-previews-title">
      <h2 id="media-previews-title">${t('media.previews')}</h2>
      <p class="hint">${t('media.previews.hint')}</p>
      <ul class="media-previews">${PRESETS.map((p) => {
        const position = p.crop ? cropPosition(w, h, p, fp) : '50% 50%';
        const ratio = p.crop ? `${p.width} / ${p.height}` : `${w} / ${h}`;
        return html`<li class="media-preview" data-preset=${p.name}>
          <div class="media-crop" style="aspect-ratio: ${ratio}">
            <img src=${src} alt="" data-position=${position}
              style="object-fit: ${p.crop ? 'cover' : 'contain'}; object-position: ${position}">
          </div>
          <span>${t('media.preset.' + p.name)}</span>
        </li>`;
      })}</ul>
      ${this.saved ? html`<h3>${t('media.renditions')}</h3>
        <ul class="media-previews media-renditions">${PRESETS.map((p) => html`<li class="media-preview" data-preset=${p.name}>
          <img src=${renditionUrl(this.ctx, r.id, p.name, r.version)} alt=${t('media.rendition', { preset: t('media.preset.' + p.name) })}
            loading="lazy">
          <span>${t('media.preset.' + p.name)}</span>
        </li>`)}</ul>` : nothing}
    </section>`;
  }

  texts() {
    const locales = this.editableLocales();
    if (!locales.length) return nothing;
    const v = this.edits.translations[this.locale] || { caption: '', altText: '' };
    const tr = (this.record.translations || {})[this.locale];
    return html`<fieldset class="media-texts">
      <legend>${t('media.texts')}</legend>
      <label for="media-text-locale">${t('media.texts.locale')}</label>
      <select id="media-text-locale" @change=${(e) => { this.locale = e.target.value; }}>
        ${locales.map((l) => html`<option value=${l} ?selected=${l === this.locale}>${languageName(l)} (${l})${
          this.edits.translations[l] && this.edits.translations[l].caption ? '' : ' – ' + t('media.texts.empty')}</option>`)}
      </select>
      ${tr ? html`<p class="hint">${statusBadge(tr.status)}</p>` : nothing}
      <label for="media-caption">${t('media.caption')}</label>
      <textarea id="media-caption" lang=${this.locale} .value=${v.caption}
        @input=${(e) => this.setText('caption', e.target.value)}></textarea>
      ${fieldProblem(this.saveError, `translations.${this.locale}.caption`)}
      <label for="media-alt">${t('media.altText')}</label>
      <input id="media-alt" lang=${this.locale} .value=${v.altText} aria-describedby="media-alt-hint"
        @input=${(e) => this.setText('altText', e.target.value)}>
      <p class="hint" id="media-alt-hint">${t('media.altText.hint')}</p>
      ${fieldProblem(this.saveError, `translations.${this.locale}.altText`)}
    </fieldset>`;
  }

  rights() {
    if (!librarian(this.ctx)) return nothing;
    const ed = this.edits;
    const text = (field, type = 'text') => html`
      <label for="media-${field}">${t('media.' + field)}</label>
      <input id="media-${field}" type=${type} .value=${ed[field]}
        @input=${(e) => this.change((x) => { x[field] = e.target.value; })}>
      ${fieldProblem(this.saveError, field)}`;
    return html`<fieldset class="media-rights-fields">
      <legend>${t('media.rightsTitle')}</legend>
      ${text('credit')}
      ${text('copyrightHolder')}
      ${text('licence')}
      ${text('licenceUrl', 'url')}
      <label for="media-rightsExpireAt">${t('media.rightsExpireAt')}</label>
      <input id="media-rightsExpireAt" type="date" .value=${ed.rightsExpireAt} aria-describedby="media-expiry-hint"
        @input=${(e) => this.change((x) => { x.rightsExpireAt = e.target.value; })}>
      <p class="hint" id="media-expiry-hint">${t('media.rightsExpireAt.hint')}</p>
      ${fieldProblem(this.saveError, 'rightsExpireAt')}
      <label class="inline"><input type="checkbox" id="media-people" .checked=${ed.peopleIdentifiable}
        @change=${(e) => this.change((x) => { x.peopleIdentifiable = e.target.checked; })}>${t('media.peopleIdentifiable')}</label>
      <label class="inline"><input type="checkbox" id="media-consent" .checked=${ed.consentObtained}
        ?disabled=${!ed.peopleIdentifiable}
        @change=${(e) => this.change((x) => { x.consentObtained = e.target.checked; })}>${t('media.consentObtained')}</label>
      ${fieldProblem(this.saveError, 'consentObtained')}
    </fieldset>`;
  }

  /** Videos and recordings show a poster image where they cannot play. */
  hasPoster() {
    return ['video', 'audio'].includes(this.record.mediaType);
  }

  async choosePoster() {
    const asset = await this.querySelector('sb-media-picker').pick();
    if (asset) this.change((x) => { x.posterId = asset.id; });
  }

  poster() {
    if (!librarian(this.ctx) || !this.hasPoster()) return nothing;
    const id = this.edits.posterId;
    return html`<fieldset class="media-rights-fields media-poster">
      <legend>${t('media.poster')}</legend>
      ${id ? html`<img src=${renditionUrl(this.ctx, id, 'thumb')} alt=${t('media.poster.current')} class="media-poster-image">`
        : html`<p class="hint">${t('media.poster.none')}</p>`}
      <div class="row">
        <button type="button" id="media-poster-choose" @click=${() => this.choosePoster()}>${t('media.poster.choose')}</button>
        ${id ? html`<button type="button" @click=${() => this.change((x) => { x.posterId = null; })}>${t('media.poster.remove')}</button>` : nothing}
      </div>
      ${fieldProblem(this.saveError, 'posterId')}
      <sb-media-picker .ctx=${this.ctx}></sb-media-picker>
    </fieldset>`;
  }

  replacer() {
    if (!librarian(this.ctx)) return nothing;
    const rep = this.replacing;
    return html`<section class="card" aria-labelledby="media-replace-title">
      <h2 id="media-replace-title">${t('media.replace')}</h2>
      <label for="media-replace">${t('media.replace.choose')}</label>
      <input id="media-replace" type="file" aria-describedby="media-replace-hint"
        @change=${(e) => this.replaceFile(e.target)}>
      <p class="hint" id="media-replace-hint">${t('media.replace.hint')}</p>
      ${rep ? html`<p id="media-replace-name">${rep.name} ${rep.done ? '– ' + t('media.replace.done') : ''}</p>
        <progress max="1" .value=${rep.progress} aria-labelledby="media-replace-name">${Math.round(rep.progress * 100)} %</progress>` : nothing}
      ${problemBox(this.replaceError)}
    </section>`;
  }

  usageList() {
    if (!this.usages && !this.usagesError) return nothing;
    const routes = { story: 'stories', product: 'products', collection: 'collections', media: 'media' };
    const list = this.usages || [];
    return html`<section class="card" aria-labelledby="media-usages-title">
      <h2 id="media-usages-title">${t('media.usages')}</h2>
      ${problemBox(this.usagesError)}
      ${this.usages && !list.length ? html`<p class="hint">${t('media.usages.none')}</p>` : nothing}
      ${list.length ? html`<ul class="media-usages">${list.map((u) => {
        const title = u.titles[language()] || u.titles[this.ctx.tenant.sourceLocale] || Object.values(u.titles)[0] || u.id;
        return html`<li><a href="#/${routes[u.type]}/${u.id}">${title}</a>
          <span class="hint">${t('media.usages.type.' + u.type)} · ${roleLabel(u.role)}</span></li>`;
      })}</ul>` : nothing}
      <p class="hint">${t('media.usages.hint')}</p>
    </section>`;
  }

  render() {
    if (this.error) return html`<h1>${t('media.asset')}</h1>${problemBox(this.error)}<p><a href="#/media">${t('media.back')}</a></p>`;
    if (!this.record || !this.edits) return html`<p class="hint" role="status">${t('media.loading')}</p>`;
    const r = this.record;
    const title = textOf(r, 'title', language(), this.ctx.tenant.sourceLocale)
      || textOf(r, 'caption', language(), this.ctx.tenant.sourceLocale) || (r.file && r.file.filename) || t('media.untitled');
    const image = renderable(r) && r.file.width;
    return html`<p><a href="#/media">${t('media.back')}</a></p>
      <h1>${title}</h1>
      <p class="hint">${t('media.type.' + r.mediaType)} · ${t('media.updated', { at: formatDateTime(r.updatedAt), by: r.updatedBy || '' })}
        ${rightsMarker(r)}</p>
      <div class="media-detail">
        <div>
          ${image ? this.focalArea() : nothing}
          <section class="card" aria-labelledby="media-file-title">
            <h2 id="media-file-title">${t('media.file')}</h2>
            ${this.fileFacts()}
          </section>
          ${this.usageList()}
          ${this.replacer()}
        </div>
        ${this.editableLocales().length ? this.form() : this.readOnly()}
      </div>
      ${image ? this.previews() : nothing}`;
  }

  /** For those who read the library but change nothing in it (approvers, other translators). */
  readOnly() {
    const r = this.record;
    const row = (label, value) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : nothing);
    return html`<section class="card" aria-labelledby="media-form-title">
      <h2 id="media-form-title">${t('media.details')}</h2>
      <dl class="media-facts">
        ${Object.entries(r.translations || {}).map(([l, tr]) => html`
          ${row(`${t('media.caption')} (${languageName(l)})`, tr.caption)}
          ${row(`${t('media.altText')} (${languageName(l)})`, tr.altText)}`)}
        ${row(t('media.credit'), r.credit)}
        ${row(t('media.copyrightHolder'), r.copyrightHolder)}
        ${row(t('media.licence'), r.licence)}
        ${row(t('media.rightsExpireAt'), r.rightsExpireAt ? formatDateTime(r.rightsExpireAt) : '')}
        ${row(t('media.peopleIdentifiable'), r.peopleIdentifiable
          ? t(r.consentObtained ? 'media.consentObtained' : 'media.rights.noConsent') : '')}
      </dl>
    </section>`;
  }

  form() {
    return html`<form class="card" @submit=${this.save} aria-labelledby="media-form-title" novalidate>
          <h2 id="media-form-title">${t('media.details')}</h2>
          ${this.conflict ? html`<p class="warning" role="alert">${t('media.conflict')}</p>` : nothing}
          ${problemBox(this.saveError)}
          ${this.texts()}
          ${this.rights()}
          ${this.poster()}
          ${fieldProblem(this.saveError, 'focalPoint')}
          <div class="row">
            <button type="submit" class="primary" ?disabled=${this.saving}>${t('media.save')}</button>
            ${this.saved ? html`<span class="notice" role="status">${t('media.saved')}</span>` : nothing}
          </div>
        </form>`;
  }
}
customElements.define('sb-media', SbMedia);
