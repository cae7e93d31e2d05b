// convkit workspace: the pages' behaviour. Plain ES module, no build step, no dependency.
// The server does every check and every rendering; this script only moves data: form → JSON,
// JSON → server, answers → page.

const token = document.querySelector('meta[name="convkit-token"]')?.getAttribute('content') ?? '';

/** fetch with the anti-CSRF token (the server compares it with the cookie). */
function send(url, options = {}) {
  const headers = { 'X-Convkit-Token': token, ...(options.headers ?? {}) };
  return fetch(url, { ...options, headers, credentials: 'same-origin' });
}

function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

// ---------------------------------------------------------------------------------------------
// Form ⇄ JSON

/** The value node that contains `el` (not `el` itself). */
function parentNode(el) {
  return el.parentElement ? el.parentElement.closest('[data-kind]') : null;
}

/** Direct value-node children of a value node. */
function childNodes(node) {
  return [...node.querySelectorAll('[data-kind]')].filter((c) => parentNode(c) === node && !c.closest('template'));
}

function untouchedAbsent(el) {
  if (el.dataset.absent !== '1') return false;
  if (el.type === 'checkbox') return el.checked === el.defaultChecked;
  if (el.tagName === 'SELECT') return [...el.options].every((o) => o.selected === o.defaultSelected);
  return el.value === el.defaultValue;
}

/** Reads a value node as JSON; undefined means « leave the field out ». */
function readNode(node) {
  const kind = node.dataset.kind;
  if (kind === 'object') {
    const out = {};
    for (const child of childNodes(node)) {
      const v = readNode(child);
      if (v !== undefined) out[child.dataset.key] = v;
    }
    if (node.dataset.absent === '1' && Object.keys(out).length === 0) return undefined;
    return out;
  }
  if (kind === 'array') {
    const list = node.querySelector(':scope > ol.items');
    const out = [];
    for (const li of list ? [...list.children] : []) {
      const item = [...li.querySelectorAll('[data-kind]')].find((c) => parentNode(c) === node);
      if (!item) continue;
      const v = readNode(item);
      if (v !== undefined) out.push(v);
    }
    if (node.dataset.absent === '1' && out.length === 0) return undefined;
    return out;
  }
  if (untouchedAbsent(node)) return undefined;
  if (kind === 'boolean') return node.checked;
  if (kind === 'number') return node.value === '' ? undefined : Number(node.value);
  if (kind === 'json') {
    if (node.value.trim() === '') return undefined;
    try {
      return JSON.parse(node.value);
    } catch {
      return node.value;
    }
  }
  return node.value.trim() === '' ? undefined : node.value;
}

/** « referents[1] », « clauses.secrecy.minCount »: the path of a value node, as the server words it. */
function pathOf(node, root) {
  const parts = [];
  let n = node;
  while (n && n !== root) {
    const parent = parentNode(n);
    if (!parent) break;
    if (parent.dataset.kind === 'array') {
      const li = n.closest('li.item');
      const index = [...li.parentElement.children].indexOf(li);
      parts.unshift(`[${index}]`);
    } else if (n.dataset.key !== undefined) {
      parts.unshift(`.${n.dataset.key}`);
    }
    n = parent;
  }
  return parts.join('').replace(/^\./, '');
}

/** Renumbers list items' labels and gives cloned controls fresh ids. */
let fresh = 0;
function renumber(list) {
  const name = list.dataset.itemName || 'Élément';
  [...list.querySelector(':scope > ol.items').children].forEach((li, i) => {
    const text = `${name} n° ${i + 1}`;
    const first = li.querySelector('label, legend');
    if (first) first.textContent = text;
    const group = li.querySelector(':scope > .item-actions');
    if (group) group.setAttribute('aria-label', text);
  });
}

function cloneTemplate(list) {
  const tpl = list.querySelector(':scope > template');
  const li = tpl.content.firstElementChild.cloneNode(true);
  const map = new Map();
  for (const el of li.querySelectorAll('[id]')) {
    const id = `n${++fresh}-${el.id}`;
    map.set(el.id, id);
    el.id = id;
  }
  for (const el of li.querySelectorAll('label[for]')) el.htmlFor = map.get(el.htmlFor) ?? el.htmlFor;
  for (const el of li.querySelectorAll('[aria-describedby]')) {
    el.setAttribute('aria-describedby', el.getAttribute('aria-describedby').split(' ').map((x) => map.get(x) ?? x).join(' '));
  }
  for (const el of li.querySelectorAll('[data-error-for]')) el.dataset.errorFor = map.get(el.dataset.errorFor) ?? el.dataset.errorFor;
  for (const el of li.querySelectorAll('[data-absent]')) delete el.dataset.absent;
  return li;
}

/** « 0380503544 », « +33 3 80 50 35 44 » → « 03 80 50 35 44 »; anything else unchanged. */
export function normalisePhone(v) {
  let digits = v.replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+33')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0033')) digits = `0${digits.slice(4)}`;
  if (!/^0[1-9]\d{8}$/.test(digits)) return v;
  return digits.replace(/(\d{2})(?=\d)/g, '$1 ');
}

// ---------------------------------------------------------------------------------------------
// Entity page

function setupEntityPage(form) {
  const root = form.querySelector('[data-kind="object"]');
  const kind = form.dataset.kindName;
  const id = form.dataset.id;
  const status = document.getElementById('form-status');
  const summary = document.getElementById('form-errors');
  const previewBox = document.getElementById('preview');
  const previewStatus = document.getElementById('preview-status');
  const docSelect = document.getElementById('preview-doc');
  const downloads = document.getElementById('downloads');
  let etag = form.dataset.etag;
  let chosenDoc = '';
  let seq = 0;

  const value = () => readNode(root);

  function showProblems(problems) {
    for (const el of form.querySelectorAll('.error')) el.textContent = '';
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    const nodes = [root, ...root.querySelectorAll('[data-kind]')].filter((n) => !n.closest('template'));
    const byPath = new Map(nodes.map((n) => [pathOf(n, root), n]));
    const unplaced = [];
    for (const p of problems) {
      let path = p.path ?? '';
      let node = p.where ? undefined : byPath.get(path);
      while (!node && !p.where && path !== '') {
        path = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
        if (path === (p.path ?? '')) break;
        node = byPath.get(path);
      }
      const label = p.severity === 'warning' ? 'À compléter : ' : '';
      if (node && node !== root) {
        const err = node.id ? form.querySelector(`[data-error-for="${node.id}"]`) : node.querySelector(':scope > .error');
        if (err) {
          err.textContent = (err.textContent ? `${err.textContent} ; ` : '') + label + p.message;
          if (p.severity !== 'warning' && node.id) node.setAttribute('aria-invalid', 'true');
          continue;
        }
      }
      unplaced.push(p);
    }
    const errors = problems.filter((p) => p.severity !== 'warning');
    summary.textContent = '';
    if (errors.length > 0 || unplaced.length > 0) {
      const ul = document.createElement('ul');
      for (const p of unplaced) {
        const li = document.createElement('li');
        li.textContent = `${p.where ? `${p.where} : ` : ''}${p.path ? `champ « ${p.path} » : ` : ''}${p.message}`;
        ul.append(li);
      }
      if (errors.length > 0) {
        const p = document.createElement('p');
        p.textContent = `${errors.length} erreur${errors.length > 1 ? 's' : ''} à corriger avant d’enregistrer.`;
        summary.append(p);
      }
      if (unplaced.length > 0) summary.append(ul);
    }
  }

  function setDownloads(key) {
    downloads.textContent = '';
    if (!key) return;
    for (const ext of ['docx', 'pdf']) {
      const a = document.createElement('a');
      a.href = `/documents/${key}.${ext}`;
      a.textContent = `Télécharger en ${ext.toUpperCase()}`;
      a.setAttribute('download', '');
      downloads.append(a, ' ');
    }
    const note = document.createElement('span');
    note.className = 'help';
    note.textContent = '(version enregistrée)';
    downloads.append(note);
  }

  async function refresh() {
    const mine = ++seq;
    previewStatus.textContent = 'Mise à jour de l’aperçu…';
    let answer;
    try {
      const res = await send(`/api/preview/${kind}/${encodeURIComponent(id)}?doc=${encodeURIComponent(chosenDoc)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(value() ?? {}),
      });
      answer = await res.json();
      if (!res.ok) throw new Error(answer.error ?? `erreur ${res.status}`);
    } catch (error) {
      if (mine === seq) previewStatus.textContent = `Aperçu indisponible : ${error.message}`;
      return;
    }
    if (mine !== seq) return;
    showProblems(answer.problems ?? []);
    const errors = (answer.problems ?? []).filter((p) => p.severity !== 'warning').length;
    if (answer.html) {
      previewBox.innerHTML = answer.html; // built by the server's HTML renderer: every text escaped
      previewStatus.textContent = errors > 0 ? 'Aperçu de la dernière version valide.' : 'Aperçu à jour.';
    } else {
      previewStatus.textContent = errors > 0 ? 'Corrigez les erreurs pour voir l’aperçu.' : 'Aucun document pour cette entité.';
    }
    const docs = answer.documents ?? [];
    const keys = docs.map((d) => d.key).join('|');
    if (docSelect.dataset.keys !== keys) {
      docSelect.textContent = '';
      for (const d of docs) {
        const o = document.createElement('option');
        o.value = d.key;
        o.textContent = d.title;
        docSelect.append(o);
      }
      docSelect.dataset.keys = keys;
    }
    if (answer.doc) {
      docSelect.value = answer.doc;
      chosenDoc = answer.doc;
      setDownloads(answer.doc);
    }
  }
  const later = debounce(refresh, 120);

  form.addEventListener('input', (e) => {
    if (e.target.dataset?.format === 'phone') {
      const n = normalisePhone(e.target.value);
      if (n !== e.target.value && /\d{10}|\d{2}[ .]\d{2}[ .]\d{2}[ .]\d{2}[ .]\d{2}$/.test(e.target.value.replace(/^\+33/, '0'))) e.target.value = n;
    }
    later();
  });
  form.addEventListener('change', later);
  form.addEventListener('focusout', (e) => {
    if (e.target.dataset?.format === 'phone') e.target.value = normalisePhone(e.target.value);
  });
  docSelect.addEventListener('change', () => {
    chosenDoc = docSelect.value;
    refresh();
  });

  form.addEventListener('click', (e) => {
    const button = e.target.closest('button[data-action]');
    if (!button) return;
    const action = button.dataset.action;
    if (action === 'add') {
      const list = button.closest('[data-kind="array"]');
      const li = cloneTemplate(list);
      list.querySelector(':scope > ol.items').append(li);
      renumber(list);
      li.querySelector('input, select, textarea')?.focus();
    } else {
      const li = button.closest('li.item');
      const list = li.closest('[data-kind="array"]');
      if (action === 'remove') {
        const next = li.nextElementSibling ?? li.previousElementSibling;
        li.remove();
        renumber(list);
        (next?.querySelector('button[data-action="remove"]') ?? list.querySelector('button[data-action="add"]')).focus();
      } else if (action === 'up' && li.previousElementSibling) {
        li.previousElementSibling.before(li);
        renumber(list);
        button.focus();
      } else if (action === 'down' && li.nextElementSibling) {
        li.nextElementSibling.after(li);
        renumber(list);
        button.focus();
      }
    }
    later();
  });

  async function save(force) {
    status.textContent = 'Enregistrement…';
    const body = value() ?? {};
    const res = await send(`/api/entities/${kind}/${encodeURIComponent(id)}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': force ?? etag },
      body: JSON.stringify(body),
    });
    const answer = await res.json().catch(() => ({}));
    if (res.ok) {
      etag = res.headers.get('ETag') ?? etag;
      form.dataset.etag = etag;
      document.getElementById('conflict').hidden = true;
      status.textContent = 'Enregistré.';
      showProblems(answer.warnings ?? []);
      refresh();
      return;
    }
    if (res.status === 409) {
      status.textContent = 'Non enregistré : le fichier a changé entre-temps.';
      const box = document.getElementById('conflict');
      document.getElementById('conflict-mine').textContent = JSON.stringify(body, null, 2);
      document.getElementById('conflict-disk').textContent = JSON.stringify(answer.value, null, 2);
      box.dataset.etag = answer.etag ?? '';
      box.hidden = false;
      box.querySelector('h2').setAttribute('tabindex', '-1');
      box.querySelector('h2').focus();
      return;
    }
    if (res.status === 422) {
      status.textContent = 'Non enregistré : corrigez les erreurs signalées.';
      showProblems((answer.errors ?? []).map((p) => ({ ...p, severity: 'error' })));
      summary.querySelector('p, li')?.setAttribute('tabindex', '-1');
      return;
    }
    status.textContent = `Non enregistré : ${answer.error ?? `erreur ${res.status}`}`;
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    save();
  });
  document.getElementById('keep-mine')?.addEventListener('click', () => save(document.getElementById('conflict').dataset.etag));
  document.getElementById('take-disk')?.addEventListener('click', () => location.reload());

  const dup = document.getElementById('duplicate-form');
  dup?.addEventListener('submit', async (e) => {
    e.preventDefault();
    const input = document.getElementById('dup-id');
    const err = document.getElementById('dup-err');
    err.textContent = '';
    input.removeAttribute('aria-invalid');
    const res = await send(`/api/entities/${dup.dataset.kindName}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ from: dup.dataset.from, id: input.value.trim() }),
    });
    const answer = await res.json().catch(() => ({}));
    if (res.ok) {
      location.href = `/edit/${answer.kind}/${encodeURIComponent(answer.id)}`;
      return;
    }
    err.textContent = (answer.errors ?? []).map((p) => p.message).join(' ; ') || answer.error || `erreur ${res.status}`;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  });

  document.getElementById('delete-entity')?.addEventListener('click', async () => {
    const out = document.getElementById('delete-status');
    if (!confirm(`Supprimer « ${id} » ? Le fichier de données sera modifié.`)) return;
    const res = await send(`/api/entities/${kind}/${encodeURIComponent(id)}`, { method: 'DELETE', headers: { 'If-Match': etag } });
    const answer = await res.json().catch(() => ({}));
    if (res.ok) {
      location.href = '/';
      return;
    }
    out.textContent = answer.error ?? `erreur ${res.status}`;
    if (answer.references) {
      const ul = document.createElement('ul');
      for (const r of answer.references) {
        const li = document.createElement('li');
        li.textContent = r;
        ul.append(li);
      }
      out.append(ul);
    }
  });

  refresh();
}

// ---------------------------------------------------------------------------------------------
// Overview: the documents' analysis (blanks, lint of each DOCX) arrives after the page. The
// server renders it as the page /documents (the no-script fallback); this takes its table and
// summary from there, so that the table is written in one place only.

async function setupOverview(status, holder) {
  try {
    const res = await fetch('/documents', { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`erreur ${res.status}`);
    const page = new DOMParser().parseFromString(await res.text(), 'text/html');
    const table = page.getElementById('documents');
    const summary = page.querySelector('main p.status');
    if (!table || !summary) throw new Error('réponse inattendue');
    holder.replaceChildren(document.importNode(table, true));
    holder.hidden = false;
    status.textContent = summary.textContent;
  } catch {
    const link = document.createElement('a');
    link.href = '/documents';
    link.textContent = 'réessayer';
    status.replaceChildren('L’analyse des documents n’a pas abouti : ', link, '.');
    status.classList.add('summary', 'bad');
  }
}

// ---------------------------------------------------------------------------------------------
// Lint page

function setupLintPage() {
  const input = document.getElementById('lint-files');
  const zone = document.getElementById('drop-zone');
  const status = document.getElementById('lint-status');
  const results = document.getElementById('lint-results');

  async function lintFiles(files) {
    results.textContent = '';
    for (const file of files) {
      status.textContent = `Vérification de ${file.name}…`;
      const res = await send(`/api/lint?keep=1&filename=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: file,
      });
      const answer = await res.json().catch(() => ({}));
      const section = document.createElement('section');
      const h = document.createElement('h2');
      h.textContent = file.name;
      section.append(h);
      if (!res.ok) {
        const p = document.createElement('p');
        p.className = 'summary bad';
        p.textContent = answer.error ?? `erreur ${res.status}`;
        section.append(p);
        results.append(section);
        continue;
      }
      const r = answer.results[0] ?? { errorCount: 0, warningCount: 0, infoCount: 0 };
      const p = document.createElement('p');
      p.className = `summary ${r.errorCount > 0 ? 'bad' : 'good'}`;
      p.textContent = `${r.errorCount} erreur(s), ${r.warningCount} avertissement(s), ${r.infoCount} info(s).`;
      const links = document.createElement('p');
      for (const [ext, label] of [['json', 'Télécharger le rapport JSON'], ['sarif', 'Télécharger le rapport SARIF'], ['html', 'Ouvrir le rapport HTML']]) {
        const a = document.createElement('a');
        a.href = `/lint/reports/${answer.report}.${ext}`;
        a.textContent = label;
        if (ext !== 'html') a.setAttribute('download', '');
        else a.target = '_blank';
        links.append(a, ' ');
      }
      const frame = document.createElement('iframe');
      frame.src = `/lint/reports/${answer.report}.html`;
      frame.title = `Rapport de vérification de ${file.name}`;
      frame.className = 'report';
      section.append(p, links, frame);
      results.append(section);
    }
    status.textContent = `${files.length} fichier(s) vérifié(s).`;
  }

  input.addEventListener('change', () => lintFiles([...input.files]));
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    lintFiles([...e.dataTransfer.files]);
  });
}

const entityForm = document.getElementById('entity-form');
if (entityForm) setupEntityPage(entityForm);
const documentsStatus = document.getElementById('documents-status');
if (documentsStatus) setupOverview(documentsStatus, document.getElementById('documents-table'));
if (document.getElementById('lint-form')) setupLintPage();
