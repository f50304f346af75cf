// Members and roles: who works in this tenant and as what; adding an existing account, changing
// roles and a translator's languages, removing; and creating an account.
import { html, nothing } from 'lit';
import { SbElement, problemBox, fieldProblem, announce } from '../ui.js';
import { t, languageName } from '../i18n.js';
import { get, call } from '../api.js';
import { confirmBox, ROLES, localeLabel } from './admin-common.js';

class SbAdminMembers extends SbElement {
  static properties = {
    ctx: {}, items: { state: true }, users: { state: true }, loadError: { state: true },
    adding: { state: true }, addError: { state: true }, editing: { state: true }, editError: { state: true },
    removing: { state: true }, userError: { state: true }, done: { state: true },
  };

  constructor() {
    super();
    this.adding = { roles: [], locales: [] };
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  get base() {
    return `admin/v1/${encodeURIComponent(this.ctx.code)}/members`;
  }

  async load() {
    try {
      this.items = (await get(this.base)).items;
      this.loadError = null;
      this.users = (await get('admin/v1/users')).items;
    } catch (e) {
      this.loadError = e;
    }
  }

  body(m) {
    return m.roles.includes('translator') ? { roles: m.roles, locales: m.locales } : { roles: m.roles };
  }

  async add(e) {
    e.preventDefault();
    const username = e.target.username.value.trim();
    this.addError = null;
    try {
      await call('PUT', `${this.base}/${encodeURIComponent(username)}`, { body: this.body(this.adding) });
      this.done = t('admin.members.added', { name: username });
      announce(this.done);
      this.adding = { roles: [], locales: [] };
      e.target.reset();
      await this.load();
    } catch (err) {
      this.addError = err;
    }
  }

  async change(e) {
    e.preventDefault();
    this.editError = null;
    try {
      await call('PUT', `${this.base}/${encodeURIComponent(this.editing.username)}`, { body: this.body(this.editing) });
      this.done = t('admin.members.changed', { name: this.editing.username });
      announce(this.done);
      this.editing = null;
      await this.load();
    } catch (err) {
      this.editError = err;
    }
  }

  async remove(m) {
    this.removing = null;
    try {
      await call('DELETE', `${this.base}/${encodeURIComponent(m.username)}`);
      this.done = t('admin.members.removed', { name: m.username });
      announce(this.done);
      await this.load();
    } catch (err) {
      this.loadError = err;
    }
  }

  async createUser(e) {
    e.preventDefault();
    const f = e.target;
    this.userError = null;
    try {
      const r = await call('POST', 'admin/v1/users', {
        body: { username: f.username.value.trim(), password: f.password.value, displayName: f.displayName.value || undefined },
      });
      this.done = t('admin.members.userCreated', { name: r.body.username });
      announce(this.done);
      f.reset();
      await this.load();
    } catch (err) {
      this.userError = err;
    }
  }

  /** Role and language checkboxes for a membership being written (`which`: 'adding' or 'editing'). */
  roleFields(which, prefix, err) {
    const m = this[which];
    const update = (field, value, on) => {
      const list = m[field].filter((x) => x !== value);
      this[which] = { ...m, [field]: on ? [...list, value] : list };
    };
    return html`<fieldset>
        <legend>${t('admin.members.roles')}</legend>
        ${ROLES.map((r) => html`<label class="inline"><input type="checkbox" name="role" value=${r} id="${prefix}-role-${r}"
          .checked=${m.roles.includes(r)} @change=${(e) => update('roles', r, e.target.checked)}>${t('admin.role.' + r)}</label>`)}
        ${fieldProblem(err, 'roles')}
      </fieldset>
      ${m.roles.includes('translator') ? html`<fieldset>
        <legend>${t('admin.members.locales')}</legend>
        <p class="hint">${t('admin.members.localesHint')}</p>
        ${this.ctx.tenant.locales.map((l) => html`<label class="inline"><input type="checkbox" name="locale" value=${l.tag}
          id="${prefix}-locale-${l.tag}" .checked=${m.locales.includes(l.tag)}
          @change=${(e) => update('locales', l.tag, e.target.checked)}>${localeLabel(l.tag)}</label>`)}
        ${fieldProblem(err, 'locales')}
      </fieldset>` : nothing}`;
  }

  render() {
    return html`<h2>${t('admin.section.members')}</h2>
      ${this.done ? html`<p class="notice" role="status">${this.done}</p>` : nothing}
      ${problemBox(this.loadError)}
      ${this.items ? this.table() : nothing}
      <form class="card add-member" @submit=${this.add} novalidate>
        <h3>${t('admin.members.add')}</h3>
        <p class="hint">${t('admin.members.addHint')}</p>
        ${problemBox(this.addError)}
        <label for="member-username">${t('admin.members.username')}</label>
        <input id="member-username" name="username" list="known-users" required autocomplete="off">
        <datalist id="known-users">${(this.users || []).map((u) => html`<option value=${u.username}>${u.displayName || ''}</option>`)}</datalist>
        ${fieldProblem(this.addError, 'username')}
        ${this.roleFields('adding', 'add', this.addError)}
        <div class="row"><button type="submit" class="primary">${t('admin.members.addButton')}</button></div>
      </form>
      ${this.userForm()}`;
  }

  table() {
    return html`<table class="admin-table members">
      <caption class="visually-hidden">${t('admin.section.members')}</caption>
      <thead><tr><th scope="col">${t('admin.members.username')}</th><th scope="col">${t('admin.members.roles')}</th>
        <th scope="col">${t('admin.members.locales')}</th><th scope="col"><span class="visually-hidden">${t('admin.actions')}</span></th></tr></thead>
      <tbody>${this.items.map((m) => this.editing && this.editing.username === m.username ? html`<tr class="editing"><td colspan="4">
          <form @submit=${this.change} novalidate>
            <h3>${t('admin.members.changing', { name: m.username })}</h3>
            ${problemBox(this.editError)}
            ${this.roleFields('editing', 'edit', this.editError)}
            <div class="row"><button type="submit" class="primary">${t('admin.save')}</button>
              <button type="button" @click=${() => { this.editing = null; this.editError = null; }}>${t('admin.cancel')}</button></div>
          </form></td></tr>`
        : html`<tr data-member=${m.username}>
          <td>${m.username}</td>
          <td>${m.roles.map((r) => t('admin.role.' + r)).join(', ')}</td>
          <td>${(m.locales || []).map((l) => languageName(l)).join(', ')}</td>
          <td class="actions">${this.removing === m.username
            ? confirmBox(t('admin.members.confirmRemove', { name: m.username }), t('admin.members.remove'), () => this.remove(m), () => { this.removing = null; })
            : html`<button type="button" aria-label=${t('admin.members.changeNamed', { name: m.username })}
                @click=${() => { this.editing = { username: m.username, roles: [...m.roles], locales: [...(m.locales || [])] }; this.editError = null; }}>${t('admin.members.change')}</button>
              <button type="button" class="danger" aria-label=${t('admin.members.removeNamed', { name: m.username })}
                @click=${() => { this.removing = m.username; }}>${t('admin.members.remove')}</button>`}</td>
        </tr>`)}</tbody></table>`;
  }

  userForm() {
    const err = this.userError;
    return html`<details class="card">
      <summary>${t('admin.members.createUser')}</summary>
      <form @submit=${this.createUser} novalidate>
        <p class="hint">${t('admin.members.createUserHint')}</p>
        ${problemBox(err)}
        <label for="user-username">${t('admin.members.username')}</label>
        <input id="user-username" name="username" required autocomplete="off">
        ${fieldProblem(err, 'username')}
        <label for="user-display">${t('admin.members.displayName')}</label>
        <input id="user-display" name="displayName" autocomplete="off">
        ${fieldProblem(err, 'displayName')}
        <label for="user-password">${t('admin.members.password')}</label>
        <input id="user-password" name="password" type="password" autocomplete="new-password" required aria-describedby="user-password-rule">
        <p class="hint" id="user-password-rule">${t('account.passwordRule')}</p>
        ${fieldProblem(err, 'password')}
        <div class="row"><button type="submit" class="primary">${t('admin.members.createUserButton')}</button></div>
      </form>
    </details>`;
  }
}
customElements.define('sb-admin-members', SbAdminMembers);
