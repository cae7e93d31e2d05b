import type { Message, Severity } from '../types.js';
import type { LintResult, ReportRule } from '../runner.js';
import { lineStartsOf } from '../read/source.js';
import type { Formatter } from './common.js';
import { BLANK_SUMMARY_RULE } from '../blanks.js';
import { plural, range, SEVERITY_LABEL, summaryLine, totalsOf, totalsOfResult } from './common.js';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const FILTER_LABEL: Readonly<Record<Severity, string>> = { error: 'erreurs', warning: 'avertissements', info: 'infos' };
const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };
const GROUP_TITLE: Readonly<Record<Severity, (n: number) => string>> = {
  error: (n) => plural(n, 'Erreur'),
  warning: (n) => plural(n, 'Avertissement'),
  info: (n) => `${plural(n, 'Info')} (pour information, pas des problèmes)`,
};

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

const STYLE = `
:root{--error:#c62828;--warning:#b26a00;--info:#1565c0;--error-bg:#ffcdd2;--warning-bg:#ffe0a3;--info-bg:#d6e6fb}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header,main{max-width:70rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem}
h1{font-size:1.5rem;margin:.5rem 0}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #ddd}
.summary{font-size:1.1rem;font-weight:600}
.filters label{margin-right:1rem;cursor:pointer}
.filter{position:absolute;left:-10000px}
.filters label::before{content:"☑ ";font-weight:700}
table{border-collapse:collapse;margin:.5rem 0 1rem;background:#fff}
th,td{border:1px solid #ddd;padding:.25rem .6rem;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.9em}
.sev-label{font-weight:600}
.sev-label.sev-error{color:var(--error)}.sev-label.sev-warning{color:var(--warning)}.sev-label.sev-info{color:var(--info)}
ol.findings{padding-left:2.5rem}
ol.findings li{margin:.2rem 0}
ol.findings li:target{background:#fff59d}
ol.related{margin:.1rem 0 .3rem;padding-left:1.2rem;list-style:"↳ ";color:#555}
.where{font-weight:600}
section.severity h3{font-size:1.05rem;margin:1rem 0 .25rem}
ol.by-severity{padding-left:2.5rem}
ol.by-severity li{margin:.25rem 0}
ol.by-severity .file-ref{color:#555}
#show-error:not(:checked)~main section.severity-error,#show-warning:not(:checked)~main section.severity-warning,#show-info:not(:checked)~main section.severity-info{display:none}
pre.text{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;border:1px solid #ddd;padding:.75rem .75rem .75rem 4.5rem;font:13px/1.5 ui-monospace,"DejaVu Sans Mono",monospace;tab-size:8;position:relative}
.ln{position:absolute;left:0;width:3.8rem;text-align:right;color:#999;user-select:none}
.margins-label{display:block;margin:.6rem 0 .2rem;padding-top:.3rem;border-top:1px dashed #999;font:600 12px/1.4 system-ui,sans-serif;color:#444;user-select:none}
.ln::before{content:attr(data-l)}
.ln:target{background:#fff59d}
mark.hl{color:inherit;border-bottom:2px solid}
mark.hl.sev-error{background:var(--error-bg);border-color:var(--error)}
mark.hl.sev-warning{background:var(--warning-bg);border-color:var(--warning)}
mark.hl.sev-info{background:var(--info-bg);border-color:var(--info)}
a.pin{text-decoration:none}
mark.pin{display:inline-block;min-width:1.1em;padding:0 .15em;margin:0 .1em;border-radius:.6em;font:700 10px/1.3 system-ui,sans-serif;color:#fff;text-align:center;vertical-align:super}
mark.pin::after{content:attr(data-n)}
mark.pin.sev-error{background:var(--error)}mark.pin.sev-warning{background:var(--warning)}mark.pin.sev-info{background:var(--info)}
mark.pin:target{outline:3px solid #fbc02d}
#show-error:not(:checked)~main .sev-error:is(mark,li),#show-warning:not(:checked)~main .sev-warning:is(mark,li),#show-info:not(:checked)~main .sev-info:is(mark,li){display:none}
#show-error:not(:checked)~main mark.hl.sev-error,#show-warning:not(:checked)~main mark.hl.sev-warning,#show-info:not(:checked)~main mark.hl.sev-info{display:inline;background:none;border:0}
#show-error:not(:checked)~header label[for=show-error]::before,#show-warning:not(:checked)~header label[for=show-warning]::before,#show-info:not(:checked)~header label[for=show-info]::before{content:"☐ "}
`;

interface Placed {
  readonly message: Message;
  /** Number in its file's list (1-based). */
  readonly n: number;
  readonly start: number;
  readonly end: number;
  /** Unique among the file's highlights. */
  readonly key: number;
  /** False for the blanks of a grouped `blank-summary`: highlighted, not pinned (the pin is the group's). */
  readonly pin: boolean;
}

/**
 * A self-contained HTML report in French (inline CSS, no script, no external resource).
 * It opens on what must be acted on: the summary line (errors and warnings are problems,
 * infos are counted apart), then every finding of every file by severity, errors first,
 * then warnings, then infos, each with the place a reader finds (« article 5 (…),
 * paragraphe 2 ») and a link to it in the text. Then tables by severity, by rule and by
 * file, then each file's findings list and its text with every finding highlighted in place
 * (`<mark class="hl sev-…">`) and pinned by a numbered `<mark class="pin sev-…">` at its
 * start, with the message as tooltip. Check boxes filter by severity (pure CSS).
 */
export const formatHtml: Formatter = (results, context) => {
  const totals = totalsOf(results);
  const descriptions = new Map<string, ReportRule>(context.rules.map((r) => [r.id, r]));
  const out: string[] = [];
  out.push(
    '<!DOCTYPE html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>convkit lint : rapport de vérification</title>',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
  );
  for (const s of SEVERITIES) out.push(`<input type="checkbox" class="filter" id="show-${s}" checked>`);
  out.push(
    '<header>',
    '<h1>Rapport de vérification des documents</h1>',
    `<p class="summary" id="summary">${escapeHtml(summaryLine(totals))}</p>`,
    `<p class="filters">Afficher : ${SEVERITIES.map((s) => `<label for="show-${s}" class="sev-label sev-${s}">${FILTER_LABEL[s]}</label>`).join(' ')}</p>`,
    '</header>',
    '<main>',
  );

  // Every finding across files, errors first, then warnings, then infos.
  const fileIndex = fileIndexOf(results);
  out.push('<section id="constats"><h2>Constats par gravité</h2>');
  if (totals.problems + totals.infos === 0) out.push('<p>Aucun constat.</p>');
  for (const s of SEVERITIES) {
    const items: string[] = [];
    results.forEach((r, f) => {
      r.messages.forEach((m, i) => {
        if (m.severity !== s) return;
        items.push(
          `<li class="sev-${s}"><a class="file-ref" href="#m${f + 1}-${i + 1}">${escapeHtml(r.filePath)}:${range(m)}</a> ` +
            `${m.where ? `<span class="where">${escapeHtml(m.where)}</span> : ` : ''}${escapeHtml(m.message)} <code>${escapeHtml(m.ruleId)}</code>${relatedList(m, fileIndex)}</li>`,
        );
      });
    });
    if (items.length === 0) continue;
    out.push(`<section class="severity severity-${s}" id="constats-${s}"><h3 class="sev-label sev-${s}">${escapeHtml(GROUP_TITLE[s](items.length))}</h3>`, '<ol class="by-severity">', ...items, '</ol></section>');
  }
  out.push('</section>');

  // Summary tables.
  out.push('<section id="synthese"><h2>Synthèse</h2>');
  out.push('<table class="by-severity"><caption>Par gravité</caption><thead><tr><th>Gravité</th><th>Nombre</th></tr></thead><tbody>');
  out.push(`<tr data-severity="error"><td class="sev-label sev-error">${SEVERITY_LABEL.error}</td><td class="n">${totals.errors}</td></tr>`);
  out.push(`<tr data-severity="warning"><td class="sev-label sev-warning">${SEVERITY_LABEL.warning}</td><td class="n">${totals.warnings}</td></tr>`);
  out.push(`<tr><th>Problèmes (erreurs et avertissements)</th><td class="n">${totals.problems}</td></tr>`);
  out.push(`<tr data-severity="info"><td class="sev-label sev-info">${SEVERITY_LABEL.info} (à lire, hors problèmes)</td><td class="n">${totals.infos}</td></tr></tbody></table>`);

  const byRule = new Map<string, Record<Severity, number>>();
  for (const r of results) {
    for (const m of r.messages) {
      const row = byRule.get(m.ruleId) ?? { error: 0, warning: 0, info: 0 };
      row[m.severity]++;
      byRule.set(m.ruleId, row);
    }
  }
  out.push('<table class="by-rule"><caption>Par règle</caption><thead><tr><th>Règle</th><th>Description</th><th>Erreurs</th><th>Avertissements</th><th>Infos</th><th>Total</th></tr></thead><tbody>');
  if (byRule.size === 0) out.push('<tr><td colspan="6">Aucun constat.</td></tr>');
  for (const id of [...byRule.keys()].sort()) {
    const row = byRule.get(id) as Record<Severity, number>;
    out.push(
      `<tr data-rule="${escapeHtml(id)}"><td><code>${escapeHtml(id)}</code></td><td>${escapeHtml(descriptions.get(id)?.description ?? '')}</td>` +
        `${SEVERITIES.map((s) => `<td class="n">${row[s]}</td>`).join('')}<td class="n">${row.error + row.warning + row.info}</td></tr>`,
    );
  }
  out.push('</tbody></table>');

  out.push('<table class="by-file"><caption>Par fichier</caption><thead><tr><th>Fichier</th><th>Erreurs</th><th>Avertissements</th><th>Infos</th></tr></thead><tbody>');
  results.forEach((r, f) => {
    out.push(
      `<tr><td><a href="#f${f + 1}">${escapeHtml(r.filePath)}</a></td><td class="n">${r.errorCount}</td><td class="n">${r.warningCount}</td><td class="n">${r.infoCount}</td></tr>`,
    );
  });
  out.push('</tbody></table></section>');

  results.forEach((r, f) => renderFile(out, r, f + 1, fileIndex));
  out.push('</main>', '</body>', '</html>', '');
  return out.join('\n');
};

function fileIndexOf(results: readonly LintResult[]): Map<string, number> {
  return new Map<string, number>(results.map((r, f) => [r.filePath, f + 1]));
}

/** The related places of a message as a nested list (empty string when none). */
function relatedList(m: Message, fileIndex: ReadonlyMap<string, number>): string {
  if (m.related.length === 0) return '';
  const items = m.related.map((x) => {
    const target = fileIndex.get(x.file);
    const label = escapeHtml(`${x.file}:${range(x)}`);
    const link = target !== undefined ? `<a href="#f${target}-L${x.line}">${label}</a>` : label;
    return `<li>${link}${x.where ? ` <span class="where">${escapeHtml(x.where)}</span>` : ''}${x.message ? ` : ${escapeHtml(x.message)}` : ''}</li>`;
  });
  return `<ol class="related">${items.join('')}</ol>`;
}

function renderFile(out: string[], result: LintResult, f: number, fileIndex: ReadonlyMap<string, number>): void {
  const text = result.source.text;
  const lineStarts = lineStartsOf(result.source);
  const offsetOf = (line: number, column: number): number => {
    const start = lineStarts[Math.min(Math.max(line, 1), lineStarts.length) - 1] ?? 0;
    return Math.min(Math.max(start + column - 1, 0), text.length);
  };
  const placed: Placed[] = result.messages.map((message, i) => {
    const start = offsetOf(message.line, message.column);
    return { message, n: i + 1, start, end: Math.max(start, offsetOf(message.endLine, message.endColumn)), key: i, pin: true };
  });
  // Each blank of a grouped info is still highlighted in the text, with its own message.
  const highlights: Placed[] = [...placed];
  placed.forEach((p) => {
    if (p.message.ruleId !== BLANK_SUMMARY_RULE.id) return;
    for (const x of p.message.related) {
      if (x.file !== result.filePath) continue;
      const start = offsetOf(x.line, x.column);
      const message: Message = { ...p.message, message: x.message ?? p.message.message, line: x.line, column: x.column, endLine: x.endLine, endColumn: x.endColumn, related: [] };
      highlights.push({ message, n: p.n, start, end: Math.max(start, offsetOf(x.endLine, x.endColumn)), key: highlights.length, pin: false });
    }
  });

  out.push(`<section class="file" id="f${f}">`, `<h2>${escapeHtml(result.filePath)}</h2>`);
  out.push(
    `<p>${escapeHtml(summaryLine(totalsOfResult(result)))}</p>`,
  );
  if (placed.length > 0) {
    out.push('<ol class="findings">');
    for (const p of placed) {
      const m = p.message;
      out.push(
        `<li id="l${f}-${p.n}" class="sev-${m.severity}"><a href="#m${f}-${p.n}">${range(m)}</a> ` +
          `<span class="sev-label sev-${m.severity}">${SEVERITY_LABEL[m.severity]}</span> ` +
          `${m.where ? `<span class="where">${escapeHtml(m.where)}</span> : ` : ''}${escapeHtml(m.message)} <code>${escapeHtml(m.ruleId)}</code>` +
          `${relatedList(m, fileIndex)}</li>`,
      );
    }
    out.push('</ol>');
  }
  // Running headers, footers and notes come after the body's lines: a label says so.
  const margins = result.source.margins ?? [];
  const marginLine = margins.length > 0 ? Math.min(...margins.map((n) => n.span.start.line)) : undefined;
  out.push(`<pre class="text">${highlight(text, highlights, lineStarts, f, marginLine)}</pre>`, '</section>');
}

/**
 * The text with highlights. Ranges may overlap: the text is cut at every start and end, and
 * each piece covered by findings is one `<mark class="hl">` coloured by the most severe of
 * them. Each finding also gets its numbered pin at its start. Line numbers are inserted at
 * every line start. Linear in text size plus O(m log m) in findings (active ranges are kept
 * in a count per severity, not enumerated per piece).
 */
function lineMarker(f: number, line: number): string {
  return `<span class="ln" id="f${f}-L${line}" data-l="${line}"></span>`;
}

const MARGINS_LABEL = '<span class="margins-label">En-têtes, pieds de page et notes (imprimés hors du texte)</span>';

function highlight(text: string, placed: readonly Placed[], lineStarts: readonly number[], f: number, marginLine?: number): string {
  const marker = (line: number): string => (line === marginLine ? MARGINS_LABEL : '') + lineMarker(f, line);
  const parts: string[] = [];
  const byStart = [...placed].sort((a, b) => a.start - b.start || a.n - b.n || a.key - b.key);
  const ends = [...placed].sort((a, b) => a.end - b.end);
  const cuts = new Set<number>([0, text.length]);
  for (const p of placed) {
    cuts.add(p.start);
    cuts.add(p.end);
  }
  const boundaries = [...cuts].sort((a, b) => a - b);
  const active: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const titles = new Map<number, Placed>();
  let si = 0;
  let ei = 0;
  let line = 0;

  const emitText = (from: number, to: number): string => {
    let s = '';
    let pos = from;
    while (line < lineStarts.length && (lineStarts[line] as number) < to) {
      const ls = lineStarts[line] as number;
      if (ls >= pos) {
        s += escapeHtml(text.slice(pos, ls));
        s += marker(line + 1);
        pos = ls;
      }
      line++;
    }
    return s + escapeHtml(text.slice(pos, to));
  };

  for (let b = 0; b < boundaries.length; b++) {
    const at = boundaries[b] as number;
    while (ei < ends.length && (ends[ei] as Placed).end <= at) {
      const p = ends[ei] as Placed;
      if (p.end > p.start) {
        active[p.message.severity]--;
        titles.delete(p.key);
      }
      ei++;
    }
    while (si < byStart.length && (byStart[si] as Placed).start === at) {
      const p = byStart[si] as Placed;
      const m = p.message;
      const tip = escapeHtml(`${m.ruleId} (${SEVERITY_LABEL[m.severity]}) : ${m.message}`);
      // Line markers come before pins placed at a line start.
      while (line < lineStarts.length && (lineStarts[line] as number) <= at) {
        parts.push(marker(line + 1));
        line++;
      }
      if (p.pin) parts.push(`<a class="pin" href="#l${f}-${p.n}"><mark class="pin sev-${m.severity}" id="m${f}-${p.n}" data-n="${p.n}" title="${tip}"></mark></a>`);
      if (p.end > p.start) {
        active[m.severity]++;
        titles.set(p.key, p);
      }
      si++;
    }
    const next = boundaries[b + 1];
    if (next === undefined) {
      parts.push(emitText(at, text.length));
      break;
    }
    const severity = SEVERITIES.find((s) => active[s] > 0);
    if (!severity) {
      parts.push(emitText(at, next));
      continue;
    }
    const covering = [...titles.values()].sort((x, y) => RANK[y.message.severity] - RANK[x.message.severity] || x.n - y.n || x.key - y.key).slice(0, 3);
    const title = covering.map((p) => `${p.message.ruleId} : ${p.message.message}`).join('\n') + (titles.size > 3 ? `\n(+${titles.size - 3})` : '');
    parts.push(`<mark class="hl sev-${severity}" title="${escapeHtml(title)}">${emitText(at, next)}</mark>`);
  }
  return parts.join('');
}
