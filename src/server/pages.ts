/**
 * The workspace's pages, rendered on the server (French, accessible: landmarks, one `<h1>`,
 * labelled controls, a skip link). Every text from the data is escaped. Behaviour comes from
 * the ES module /assets/app.js; no inline script or style (the CSP forbids them).
 */
import type { DataProblem } from '../data/types.js';
import type { Document } from '../model/types.js';
import { escapeText as esc, renderHtml } from '../render/html.js';
import { fieldLabel, renderForm } from './form.js';
import { KINDS, type EntityRef, type Kind, type Workspace } from './workspace.js';

/**
 * A generated document as the overview shows it (the analysis of routes.ts, and the items of
 * GET /api/documents/lint): its blanks and what the linter says of its DOCX.
 */
export interface DocumentRow {
  /** « conventions/caf-21 »: output folder and name, as in `GET /documents/{key}.docx`. */
  readonly key: string;
  readonly title: string;
  /** Blanks left in the document (values the data does not give yet). */
  readonly blanks: number;
  readonly errors: number;
  readonly warnings: number;
}

function layout(title: string, token: string, body: string, current: string): string {
  const nav = [
    ['/', 'Vue d’ensemble'],
    ['/lint', 'Vérifier un document'],
    ['/packet', 'Paquet de la délibération'],
  ]
    .map(([href, label]) => `<li><a href="${href}"${href === current ? ' aria-current="page"' : ''}>${label}</a></li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="convkit-token" content="${esc(token)}">
<title>${esc(title)} – convkit</title>
<link rel="stylesheet" href="/assets/workspace.css">
<script type="module" src="/assets/app.js"></script>
</head>
<body>
<a class="skip" href="#main">Aller au contenu</a>
<header class="top"><p class="brand">convkit <span>poste de travail</span></p><nav aria-label="Navigation principale"><ul>${nav}</ul></nav></header>
<main id="main" tabindex="-1">
${body}
</main>
</body>
</html>
`;
}

const KIND_ORDER: readonly Kind[] = ['partners', 'signatories', 'people', 'deliberations', 'organisations', 'observatory'];

/** The overview: every entity with what needs attention, every document with its blanks. */
export async function overview(ws: Workspace, token: string): Promise<string> {
  const [entities, check] = await Promise.all([ws.list(), ws.baseline()]);
  const byFile = new Map<string, DataProblem[]>();
  for (const p of check.problems) {
    const key = p.location.file.replace(/\\/g, '/');
    byFile.set(key, [...(byFile.get(key) ?? []), p]);
  }
  const problemsOf = (e: EntityRef): DataProblem[] => {
    const prefixField = e.prefix.length === 0 ? '' : `people[${e.prefix[1]}]`;
    const found = [...byFile.entries()].filter(([file]) => file.endsWith(`/${e.file}`) || file === e.file).flatMap(([, ps]) => ps);
    return prefixField === '' ? found : found.filter((p) => (p.location.field ?? '').startsWith(prefixField));
  };
  const errors = check.problems.filter((p) => p.severity === 'error').length;
  const warnings = check.problems.length - errors;
  const parts: string[] = [];
  parts.push('<h1>Vue d’ensemble</h1>');
  parts.push(
    `<p class="summary ${errors > 0 ? 'bad' : 'good'}" role="status">${errors === 0 ? 'Les données sont valides.' : `Les données contiennent ${errors} erreur${errors > 1 ? 's' : ''} : les documents ne peuvent pas être produits.`} ${warnings} avertissement${warnings > 1 ? 's' : ''}.</p>`,
  );
  for (const kind of KIND_ORDER) {
    const list = entities.filter((e) => e.kind === kind);
    if (list.length === 0) continue;
    const rows = list
      .map((e) => {
        const ps = problemsOf(e);
        const er = ps.filter((p) => p.severity === 'error');
        const wa = ps.filter((p) => p.severity === 'warning');
        const attention =
          er.length + wa.length === 0
            ? '<span class="ok">rien à signaler</span>'
            : `<ul class="attention">${[...er, ...wa]
                .slice(0, 4)
                .map((p) => `<li class="${p.severity}">${p.severity === 'error' ? 'Erreur' : p.code === 'blank' ? 'À compléter' : 'Avertissement'}${p.location.field ? ` (${esc(fieldLabel(p.location.field))})` : ''} : ${esc(p.message)}</li>`)
                .join('')}${er.length + wa.length > 4 ? `<li>… et ${er.length + wa.length - 4} autre(s)</li>` : ''}</ul>`;
        return `<tr><th scope="row"><a href="/edit/${kind}/${esc(e.id)}">${esc(e.id)}</a></th><td class="col-file">${esc(e.file)}</td><td>${attention}</td></tr>`;
      })
      .join('');
    parts.push(
      `<section aria-labelledby="h-${kind}"><h2 id="h-${kind}">${esc(KINDS[kind].label)}</h2>` +
        `<div class="table-wrap"><table><thead><tr><th scope="col">Identifiant</th><th scope="col" class="col-file">Fichier</th><th scope="col">À voir</th></tr></thead><tbody>${rows}</tbody></table></div></section>`,
    );
  }
  if (check.dataset) {
    // The documents' blanks and lint findings need all of them built, rendered and linted: the
    // page does not wait for that; its script fills this section from GET /api/documents/lint
    // (computed in the background since the server started), and without script the link
    // leads to the same table rendered on the server.
    parts.push(
      `<section aria-labelledby="h-docs" id="documents-section"><h2 id="h-docs">Documents</h2>` +
        `<p><a class="button" href="/documents/documents.zip" download>Télécharger tous les documents (zip)</a></p>` +
        `<p id="documents-status" class="status" role="status" aria-live="polite">Analyse des documents en cours… (blancs à compléter et vérification par le linter)</p>` +
        `<noscript><p><a href="/documents">Afficher l’analyse des documents</a> (la page s’affiche quand l’analyse est terminée).</p></noscript>` +
        `<div id="documents-table" class="table-wrap" hidden></div></section>`,
    );
  } else {
    const list = check.problems
      .filter((p) => p.severity === 'error')
      .slice(0, 30)
      .map((p) => `<li><code>${esc(p.location.file)}${p.location.line !== undefined ? `:${p.location.line}` : ''}</code>${p.location.field ? ` champ « ${esc(p.location.field)} »` : ''} : ${esc(p.message)}</li>`)
      .join('');
    parts.push(`<section aria-labelledby="h-err"><h2 id="h-err">Erreurs à corriger</h2><ul class="errors">${list}</ul></section>`);
  }
  return layout('Vue d’ensemble', token, parts.join('\n'), '/');
}

/** The documents' table: blanks left, what the linter says, downloads. */
export function documentsTable(rows: readonly DocumentRow[]): string {
  const body = rows
    .map((d) => {
      const lint = d.errors + d.warnings === 0 ? 'aucune remarque' : `<span class="warn">${d.errors} erreur(s), ${d.warnings} avertissement(s)</span>`;
      return (
        `<tr data-doc="${esc(d.key)}"><th scope="row"><a href="/documents/${esc(d.key)}.html">${esc(d.title)}</a></th>` +
        `<td>${d.blanks === 0 ? 'aucun' : `<span class="warn">${d.blanks}</span>`}</td><td>${lint}</td>` +
        `<td><a href="/documents/${esc(d.key)}.docx" download>DOCX</a> · <a href="/documents/${esc(d.key)}.pdf" download>PDF</a></td></tr>`
      );
    })
    .join('');
  return `<table id="documents"><thead><tr><th scope="col">Document</th><th scope="col">Blancs à compléter</th><th scope="col">Vérification</th><th scope="col">Télécharger</th></tr></thead><tbody>${body}</tbody></table>`;
}

/** One sentence for the documents' analysis (announced when the overview's section fills in). */
export function documentsSummary(rows: readonly DocumentRow[]): string {
  const withBlanks = rows.filter((d) => d.blanks > 0).length;
  const flagged = rows.filter((d) => d.errors + d.warnings > 0).length;
  return (
    `${rows.length} document${rows.length > 1 ? 's' : ''} analysé${rows.length > 1 ? 's' : ''} : ` +
    `${withBlanks === 0 ? 'aucun blanc à compléter' : `${withBlanks} avec des blancs à compléter`}, ` +
    `${flagged === 0 ? 'aucune remarque du linter' : `${flagged} avec des remarques du linter`}.`
  );
}

/** GET /documents: the overview's documents section, rendered on the server (no script needed). */
export async function documentsPage(ws: Workspace, analysis: () => Promise<readonly DocumentRow[]>, token: string): Promise<string> {
  const check = await ws.baseline();
  const parts = ['<h1>Documents</h1>'];
  if (!check.dataset) {
    parts.push('<p class="summary bad" role="status">Les données contiennent des erreurs : les documents ne peuvent pas être produits. <a href="/">Voir les erreurs sur la vue d’ensemble</a>.</p>');
  } else {
    const rows = await analysis();
    parts.push(
      `<p class="status">${esc(documentsSummary(rows))}</p>`,
      `<p><a class="button" href="/documents/documents.zip" download>Télécharger tous les documents (zip)</a></p>`,
      `<div class="table-wrap">${documentsTable(rows)}</div>`,
    );
  }
  return layout('Documents', token, parts.join('\n'), '');
}

/** The form of one entity, with its live preview. */
export async function editPage(ws: Workspace, ref: EntityRef, token: string): Promise<string> {
  const state = await ws.read(ref);
  const entities = await ws.list();
  const check = await ws.baseline();
  const names = (kind: Kind): string =>
    entities
      .filter((e) => e.kind === kind)
      .map((e) => `<option value="${esc(e.id)}"></option>`)
      .join('');
  const datalists =
    `<datalist id="ids-people">${names('people')}</datalist>` +
    `<datalist id="ids-partners">${names('partners')}</datalist>` +
    `<datalist id="ids-organisations">${names('organisations')}</datalist>` +
    `<datalist id="ids-parties">${names('organisations')}${names('partners')}${names('signatories')}</datalist>`;
  const title = `${KINDS[ref.kind].one[0]!.toUpperCase()}${KINDS[ref.kind].one.slice(1)} « ${ref.id} »`;
  const valid = !!check.dataset;
  const body = `
<h1>${esc(title)}</h1>
<p class="file">Fichier : <code>${esc(ref.file)}</code></p>
<div class="edit-layout">
<section class="editor" aria-labelledby="h-form">
<h2 id="h-form">Modifier</h2>
<p class="to-preview"><a href="#h-preview">Aller à l’aperçu</a></p>
<form id="entity-form" data-kind-name="${esc(ref.kind)}" data-id="${esc(ref.id)}" data-etag="${esc(state.etag)}" novalidate>
<div id="form-status" class="status" role="status" aria-live="polite"></div>
<div id="form-errors" class="form-errors" role="alert"></div>
${renderForm(KINDS[ref.kind].schema, state.value, 'e')}
<div class="actions"><button type="submit" class="primary">Enregistrer</button> <a href="/">Retour à la vue d’ensemble</a></div>
</form>
<section id="conflict" class="conflict" hidden aria-labelledby="h-conflict">
<h2 id="h-conflict">Le fichier a changé pendant votre modification</h2>
<p>Quelqu’un (un autre onglet, un éditeur, une mise à jour) a modifié ce fichier. Comparez et choisissez.</p>
<div class="versions"><div><h3>Votre version</h3><pre id="conflict-mine"></pre></div><div><h3>Version enregistrée sur le disque</h3><pre id="conflict-disk"></pre></div></div>
<p><button type="button" id="keep-mine">Garder ma version (remplacer celle du disque)</button> <button type="button" id="take-disk">Prendre la version du disque</button></p>
</section>
${
  ref.kind === 'observatory'
    ? ''
    : `<section aria-labelledby="h-dup"><h2 id="h-dup">Créer par copie</h2>
<form id="duplicate-form" data-kind-name="${esc(ref.kind)}" data-from="${esc(ref.id)}" novalidate>
<div class="field"><label for="dup-id">Identifiant de la copie</label><input id="dup-id" name="id" type="text" required aria-describedby="dup-help dup-err" pattern="[a-z0-9]+(-[a-z0-9]+)*"><p class="help" id="dup-help">Lettres minuscules, chiffres et tirets (ex. « ars-bfc »). La copie reprend tout le contenu de « ${esc(ref.id)} » : modifiez-la ensuite.</p><p class="error" id="dup-err"></p></div>
<button type="submit">Dupliquer</button>
</form>
<h2>Supprimer</h2>
<p><button type="button" id="delete-entity" class="danger">Supprimer « ${esc(ref.id)} »</button></p>
<div id="delete-status" role="status" aria-live="polite"></div>
</section>`
}
</section>
<section class="preview" aria-labelledby="h-preview">
<h2 id="h-preview">Aperçu</h2>
<div class="preview-tools">
<label for="preview-doc">Document</label>
<select id="preview-doc"></select>
<span class="downloads" id="downloads"></span>
</div>
<p id="preview-status" class="status" role="status" aria-live="polite">${valid ? 'Chargement de l’aperçu…' : 'Les données contiennent des erreurs : l’aperçu apparaîtra quand elles seront corrigées.'}</p>
<div id="preview" class="paper" tabindex="0" aria-label="Aperçu du document"></div>
</section>
</div>
${datalists}`;
  return layout(title, token, body, '');
}

export function lintPage(token: string): string {
  const body = `
<h1>Vérifier un document</h1>
<p>Déposez un ou plusieurs fichiers (.docx, .odt, .pdf, .txt, .md) : le linter de convkit les vérifie ici, sans les envoyer ailleurs.</p>
<form id="lint-form" novalidate>
<div class="drop" id="drop-zone">
<label for="lint-files">Choisir des fichiers à vérifier</label>
<input id="lint-files" type="file" multiple accept=".docx,.odt,.pdf,.txt,.md,.markdown" aria-describedby="lint-help">
<p class="help" id="lint-help">ou glissez-les dans ce cadre. Taille maximale : 20 Mo par fichier.</p>
</div>
</form>
<div id="lint-status" role="status" aria-live="polite"></div>
<div id="lint-results"></div>`;
  return layout('Vérifier un document', token, body, '/lint');
}

export async function packetPage(ws: Workspace, token: string, id: string | undefined): Promise<string> {
  const ids = (await ws.list()).filter((e) => e.kind === 'deliberations').map((e) => e.id);
  const chosen = id !== undefined && ids.includes(id) ? id : ids[0];
  const parts: string[] = ['<h1>Paquet de la délibération</h1>'];
  if (!chosen) {
    parts.push('<p>Aucune délibération dans les données (dossier <code>deliberations/</code>).</p>');
    return layout('Paquet de la délibération', token, parts.join('\n'), '/packet');
  }
  parts.push(
    `<form method="get" action="/packet" class="inline"><label for="packet-id">Délibération</label> <select id="packet-id" name="id">${ids
      .map((i) => `<option value="${esc(i)}"${i === chosen ? ' selected' : ''}>${esc(i)}</option>`)
      .join('')}</select> <button type="submit">Afficher</button></form>`,
  );
  const { packetChecks } = await import('./routes.js');
  const checks = await packetChecks(ws, chosen);
  parts.push('<section aria-labelledby="h-checks"><h2 id="h-checks">Vérifications</h2>');
  if (checks.ok) parts.push('<p class="summary good" role="status">Toutes les vérifications de « convkit packet » passent : décompte des votes, quorum, pouvoirs, annexes.</p>');
  else parts.push(`<p class="summary bad" role="status">Le paquet ne peut pas être produit :</p><ul class="errors">${checks.errors.map((e) => `<li>${e.where ? `<code>${esc(e.where)}</code> : ` : ''}${esc(e.message)}</li>`).join('')}</ul>`);
  parts.push('</section>');
  if (checks.ok) {
    parts.push(
`<section aria-labelledby="h-dl"><h2 id="h-dl">Télécharger</h2><p>Le paquet contient l’acte (<code>acte.pdf</code>), les annexes tamponnées, <code>dossier.pdf</code> et <code>manifest.json</code>.</p><p><a class="button" id="packet-zip" href="/packet/${esc(chosen)}.zip" download>Télécharger le paquet (zip)</a></p></section>`,
            `<section aria-labelledby="h-annexes"><h2 id="h-annexes">Annexes</h2><div class="table-wrap"><table><thead><tr><th scope="col">N°</th><th scope="col">Titre</th><th scope="col">Fichier</th></tr></thead><tbody>${checks.annexes
        .map((a) => `<tr><td>${a.number}</td><td>${esc(a.title)}</td><td><code>${esc(a.fileName)}</code></td></tr>`)
        .join('')}</tbody></table></div></section>`,
    );
  }
  return layout('Paquet de la délibération', token, parts.join('\n'), '/packet');
}

/** A generated document alone, as a page (GET /documents/<kind>/<id>.html). */
export function documentPage(document: Document): string {
  return `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(document.meta.title)}</title><link rel="stylesheet" href="/assets/workspace.css"></head>
<body class="document-page"><main class="paper">
${renderHtml(document)}
</main></body></html>
`;
}
