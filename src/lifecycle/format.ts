/** Reporters of `convkit diff`: stylish (terminal, French), json, html (a standalone page). */
import type { BlockChange, DiffResult, DocumentDiff, Reason } from './diff.js';
import type { WordOp } from './words.js';

export type DiffFormat = 'stylish' | 'json' | 'html';
export const DIFF_FORMATS: readonly DiffFormat[] = ['stylish', 'json', 'html'];

const STATUS: Record<DocumentDiff['status'], string> = {
  added: 'ajouté',
  removed: 'supprimé',
  unchanged: 'inchangé',
  changed: 'modifié',
};

const BLOCK: Record<BlockChange['blockKind'], string> = {
  heading: 'titre',
  paragraph: 'paragraphe',
  list: 'liste',
  table: 'tableau',
  signature: 'bloc de signature',
  pageBreak: 'saut de page',
};

const ENTITY: Record<string, string> = {
  person: 'personne',
  partner: 'partenaire',
  org: 'organisme',
  deliberation: 'délibération',
};

function value(v: unknown): string {
  if (v === undefined) return '(absent)';
  return typeof v === 'string' ? `« ${v} »` : JSON.stringify(v);
}

/** « personne sylvie-tartesse, champ phone : « 03 80 … » → « 03 80 … » ». */
export function reasonText(r: Reason): string {
  switch (r.type) {
    case 'template':
      return `modèle ${r.template} modifié`;
    case 'derived':
      return 'valeur dérivée (numérotation, renvoi, accord)';
    case 'data': {
      const [kind = '', id = ''] = r.entity.includes(':') ? r.entity.split(':') : [r.entity, ''];
      const who = id ? `${ENTITY[kind] ?? kind} ${id}` : 'observatoire';
      if (r.field === '') return `${who} ${r.after === undefined ? 'supprimé' : 'ajouté'}`;
      return `${who}, champ ${r.field} : ${value(r.before)} → ${value(r.after)}`;
    }
  }
}

function wordsText(words: readonly WordOp[]): string {
  return words.map((w) => (w.op === '=' ? w.text : w.op === '+' ? `{+${w.text}+}` : `[-${w.text}-]`)).join('');
}

/** Only the changed stretch of a long paragraph, with some context around. */
function excerpt(words: readonly WordOp[], context = 60): string {
  const parts = words.map((w) => (w.op === '=' ? w.text : w.op === '+' ? `{+${w.text}+}` : `[-${w.text}-]`));
  return parts
    .map((p, i) => {
      const w = words[i];
      if (!w || w.op !== '=' || p.length <= context * 2) return p;
      const first = i === 0;
      const last = i === words.length - 1;
      if (first) return `…${p.slice(-context)}`;
      if (last) return `${p.slice(0, context)}…`;
      return `${p.slice(0, context)} … ${p.slice(-context)}`;
    })
    .join('')
    .replace(/\n/g, ' ⏎ ');
}

function changeLine(c: BlockChange): string[] {
  const where = `${c.section.label}${c.section.status === 'added' ? ' [section ajoutée]' : c.section.status === 'removed' ? ' [section supprimée]' : ''}, ${BLOCK[c.blockKind]} ${c.block}`;
  const text =
    c.status === 'changed'
      ? excerpt(c.words ?? [])
      : c.status === 'added'
        ? `{+${(c.after ?? '').replace(/\n/g, ' ⏎ ')}+}`
        : `[-${(c.before ?? '').replace(/\n/g, ' ⏎ ')}-]`;
  const status = c.status === 'changed' ? 'modifié' : c.status === 'added' ? 'ajouté' : 'supprimé';
  return [`    ${where} (${status}) : ${text}`, ...c.reasons.map((r) => `      pourquoi : ${reasonText(r)}`)];
}

export function formatStylish(result: DiffResult): string {
  const lines: string[] = [`Comparaison ${result.from} → ${result.to}`];
  const touched = result.documents.filter((d) => d.status !== 'unchanged');
  for (const d of result.documents) {
    lines.push(`  ${d.kind}/${d.id} : ${STATUS[d.status]}${d.status === 'changed' ? ` (${d.changes.length} modification${d.changes.length > 1 ? 's' : ''})` : ''}`);
    for (const c of d.changes) lines.push(...changeLine(c));
  }
  const n = touched.length;
  lines.push(
    n === 0
      ? `Aucun document ne change (${result.documents.length} documents comparés).`
      : `${n} document${n > 1 ? 's' : ''} sur ${result.documents.length} ${n > 1 ? 'changent' : 'change'}.`,
  );
  if (result.templates.length > 0) lines.push(`Modèles modifiés : ${result.templates.join(', ')}.`);
  return `${lines.join('\n')}\n`;
}

/** `{kind, id, status, changes}` per document (the issue's contract), plus title. */
export function formatJson(result: DiffResult): string {
  return `${JSON.stringify(
    result.documents.map((d) => ({ kind: d.kind, id: d.id, status: d.status, title: d.title, changes: d.changes })),
    null,
    2,
  )}\n`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function wordsHtml(words: readonly WordOp[]): string {
  return words
    .map((w) => (w.op === '=' ? esc(w.text) : w.op === '+' ? `<ins>${esc(w.text)}</ins>` : `<del>${esc(w.text)}</del>`))
    .join('')
    .replace(/\n/g, '<br>');
}

export function formatHtml(result: DiffResult): string {
  const docs = result.documents
    .map((d) => {
      const changes = d.changes
        .map((c) => {
          const body =
            c.status === 'changed'
              ? wordsHtml(c.words ?? [])
              : c.status === 'added'
                ? `<ins>${esc(c.after ?? '').replace(/\n/g, '<br>')}</ins>`
                : `<del>${esc(c.before ?? '').replace(/\n/g, '<br>')}</del>`;
          const reasons = c.reasons.map((r) => `<li>${esc(reasonText(r))}</li>`).join('');
          return `<li><p class="where">${esc(c.section.label)}, ${BLOCK[c.blockKind]} ${c.block}</p><p class="text">${body}</p><ul class="why">${reasons}</ul></li>`;
        })
        .join('\n');
      return `<section class="${d.status}"><h2>${esc(`${d.kind}/${d.id}`)} : ${STATUS[d.status]}</h2><p>${esc(d.title)}</p>${changes ? `<ol>${changes}</ol>` : ''}</section>`;
    })
    .join('\n');
  const wordsOf = (n: number): string => (n > 1 ? 's' : '');
  const touched = result.documents.filter((d) => d.status !== 'unchanged').length;
  return `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>Comparaison ${esc(result.from)} → ${esc(result.to)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
ins{background:#d4f7d4;color:#05570a;text-decoration:underline}
del{background:#fbd9d9;color:#8a1010}
section.unchanged h2{color:#666;font-weight:normal;font-size:1rem}
.where{font-weight:600;margin-bottom:0}.why{color:#444;font-size:.9rem}
</style></head>
<body>
<h1>Comparaison ${esc(result.from)} → ${esc(result.to)}</h1>
<p>${touched} document${wordsOf(touched)} modifié${wordsOf(touched)} sur ${result.documents.length}.</p>
${docs}
</body>
</html>
`;
}

export function formatDiff(result: DiffResult, format: DiffFormat): string {
  return format === 'json' ? formatJson(result) : format === 'html' ? formatHtml(result) : formatStylish(result);
}

export { wordsText };
