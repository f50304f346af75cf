// Home: what waits for me in this tenant (to review, to translate, returned to me with the
// reviewer's comment), stale translations and coverage per language, rights that expire soon and
// what was published lately. Each block asks for what it shows and says so when it has nothing. A
// journalist, who may read none of it, gets the press search instead.
import { html, nothing } from 'lit';
import { SbElement, problemBox, statusBadge } from '../ui.js';
import { t, language, languageName, formatDateTime, formatDate, formatNumber } from '../i18n.js';
import { get, query } from '../api.js';

/** The address segment of an entry type. */
const PLURAL = { story: 'stories', product: 'products', collection: 'collections', media: 'media' };

const entryLink = (type, id) => `#/${PLURAL[type] || type}/${id}`;

/** Loads one block: {value} or {error}, so one refusal leaves the others shown. */
const settle = (promise) => promise.then((value) => ({ value }), (error) => ({ error }));

class SbHome extends SbElement {
  static properties = {
    ctx: {},
    tasks: { state: true },
    coverage: { state: true },
    rights: { state: true },
    recent: { state: true },
  };

  get editorial() {
    return this.ctx.can('editor', 'translator', 'approver', 'media-librarian');
  }

  connectedCallback() {
    super.connectedCallback();
    if (!this.editorial) return;
    const base = `admin/v1/${this.ctx.code}`;
    settle(this.loadTasks(base)).then((r) => { this.tasks = r; });
    settle(this.loadCoverage(base)).then((r) => { this.coverage = r; });
    settle(get(`${base}/media/rights-expiring?days=30`)).then((r) => { this.rights = r; });
    settle(get(`${base}/search${query({ status: 'published', sort: 'updated', limit: 8 })}`))
      .then((r) => { this.recent = r; });
  }

  /** The task lists, each returned item with the reviewer's latest comment on that translation. */
  async loadTasks(base) {
    const tasks = await get(`${base}/tasks`);
    await Promise.all(tasks.returned.map(async (item) => {
      try {
        const thread = await get(`${base}/${PLURAL[item.type]}/${item.entryId}/comments`);
        const mine = (thread.items || []).filter((c) => !c.locale || c.locale === item.locale);
        item.comment = mine[mine.length - 1];
      } catch {
        item.comment = null; // the task still shows, without its comment
      }
    }));
    return tasks;
  }

  /** Per translation language: how many entries have it, and the dashboard's counts and stale list. */
  async loadCoverage(base) {
    const tenant = this.ctx.tenant;
    const source = tenant.sourceLocale;
    const locales = (tenant.locales || []).map((l) => l.tag).filter((tag) => tag !== source);
    const counts = await get(`${base}/search${query({ limit: 1 })}`);
    const perLocale = Object.fromEntries((counts.facets.locale || []).map((v) => [v.value, v.count]));
    const rows = await Promise.all(locales.map(async (tag) => ({
      tag, board: await get(`${base}/translations/dashboard${query({ locale: tag })}`),
    })));
    return { source, sources: perLocale[source] || 0, rows };
  }

  render() {
    const me = this.ctx.me;
    return html`<h1>${t('home.title', { name: me.displayName || me.username })}</h1>
      ${this.editorial ? this.editorialHome() : this.pressHome()}`;
  }

  pressHome() {
    return html`<section class="card home-press" aria-labelledby="home-press">
      <h2 id="home-press">${t('home.press.title')}</h2>
      <p>${t('home.press.text')}</p>
      <a class="button primary" href="#/press">${t('home.press.open')}</a>
    </section>`;
  }

  editorialHome() {
    return html`<div class="grid home">
      ${this.tasksBlock()}
      ${this.coverageBlock()}
      ${this.rightsBlock()}
      ${this.recentBlock()}
    </div>`;
  }

  /** A block's frame: its heading, a loading line, the problem, or its content. */
  block(id, title, loaded, content) {
    return html`<section class="card home-${id}" aria-labelledby="home-${id}" aria-busy=${loaded ? 'false' : 'true'}>
      <h2 id="home-${id}">${title}</h2>
      ${!loaded ? html`<p class="hint">${t('home.loading')}</p>`
        : loaded.error ? problemBox(loaded.error) : content(loaded.value)}
    </section>`;
  }

  tasksBlock() {
    return this.block('tasks', t('home.tasks'), this.tasks, (tasks) => {
      const empty = !tasks.toReview.length && !tasks.toTranslate.length && !tasks.returned.length;
      if (empty) return html`<p class="empty">${t('home.tasks.none')}</p>`;
      return html`
        ${this.taskList('returned', tasks.returned, (item) => item.comment
          ? html`<blockquote class="comment"><p>${item.comment.body}</p>
              <footer>${t('home.returnedBy', { who: item.comment.author, when: formatDateTime(item.comment.createdAt) })}</footer></blockquote>`
          : nothing)}
        ${this.taskList('toReview', tasks.toReview)}
        ${this.taskList('toTranslate', tasks.toTranslate)}`;
    });
  }

  taskList(kind, items, extra = () => nothing) {
    if (!items.length) return nothing;
    return html`<h3 id="home-${kind}">${t('home.' + kind)} <span class="count">${formatNumber(items.length)}</span></h3>
      <ul class="tasks ${kind}" aria-labelledby="home-${kind}">
        ${items.map((item) => html`<li>
          <a href=${entryLink(item.type, item.entryId)} lang=${item.locale}>${item.title || t('list.untitled')}</a>
          <span class="tag">${item.locale}</span> ${statusBadge(item.status)}
          <span class="hint">${formatDateTime(item.since)}</span>
          ${extra(item)}
        </li>`)}
      </ul>`;
  }

  coverageBlock() {
    return this.block('coverage', t('home.coverage'), this.coverage, (c) => {
      if (!c.rows.length) return html`<p class="empty">${t('home.coverage.none')}</p>`;
      const stale = c.rows.flatMap((r) => r.board.stale);
      return html`
        <table class="coverage">
          <caption class="hint">${t('home.coverage.caption', { language: languageName(c.source), count: formatNumber(c.sources) })}</caption>
          <thead><tr>
            <th scope="col">${t('list.col.locale')}</th>
            <th scope="col">${t('home.coverage.share')}</th>
            <th scope="col">${t('status.published')}</th>
            <th scope="col">${t('status.in_review')}</th>
            <th scope="col">${t('list.stale')}</th>
            <th scope="col">${t('home.coverage.missing')}</th>
          </tr></thead>
          <tbody>${c.rows.map(({ tag, board }) => {
            const have = Math.max(0, c.sources - board.missingCount);
            const share = c.sources ? Math.round((100 * have) / c.sources) : 0;
            return html`<tr data-locale=${tag}>
              <th scope="row">${languageName(tag)} <span class="tag">${tag}</span></th>
              <td><span class="meter" aria-hidden="true"><span style="width:${share}%"></span></span> ${formatNumber(share)}%</td>
              <td>${formatNumber(board.publishedCount)}</td>
              <td>${formatNumber(board.inReviewCount)}</td>
              <td>${formatNumber(board.staleCount)}</td>
              <td>${formatNumber(board.missingCount)}</td>
            </tr>`;
          })}</tbody>
        </table>
        <h3 id="home-stale">${t('home.stale')}</h3>
        ${stale.length
          ? html`<ul class="tasks stale-list" aria-labelledby="home-stale">${stale.slice(0, 10).map((item) => html`<li>
              <a href=${entryLink(item.type, item.entryId)} lang=${item.locale}>${item.title || t('list.untitled')}</a>
              <span class="tag">${item.locale}</span> <span class="badge stale">${t('list.stale')}</span></li>`)}</ul>
            ${stale.length > 10 ? html`<p class="hint">${t('home.stale.more', { count: formatNumber(stale.length - 10) })}</p>` : nothing}`
          : html`<p class="empty">${t('home.stale.none')}</p>`}`;
    });
  }

  rightsBlock() {
    return this.block('rights', t('home.rights'), this.rights, (r) => {
      const items = r.items || [];
      if (!items.length) return html`<p class="empty">${t('home.rights.none')}</p>`;
      return html`<ul class="tasks">${items.map((m) => html`<li>
        <a href=${entryLink('media', m.id)}>${this.mediaTitle(m)}</a>
        <span class="hint">${t('home.rights.until', { date: formatDate(m.rightsExpireAt) })}</span></li>`)}</ul>`;
    });
  }

  /** A media record's name: its title or caption in the UI language, the source, or its file name. */
  mediaTitle(m) {
    const tr = m.translations || {};
    const pick = tr[language()] || tr[this.ctx.tenant.sourceLocale] || Object.values(tr)[0] || {};
    return pick.title || pick.caption || (m.file && m.file.filename) || t('list.untitled');
  }

  recentBlock() {
    return this.block('recent', t('home.recent'), this.recent, (r) => {
      if (!r.hits.length) return html`<p class="empty">${t('home.recent.none')}</p>`;
      return html`<ul class="tasks">${r.hits.map((h) => html`<li>
        <a href=${entryLink(h.type, h.id)} lang=${h.locale}>${h.title || t('list.untitled')}</a>
        <span class="tag">${h.locale}</span>
        <span class="hint">${h.updatedAt ? formatDateTime(h.updatedAt) : ''}</span></li>`)}</ul>`;
    });
  }
}
customElements.define('sb-home', SbHome);
