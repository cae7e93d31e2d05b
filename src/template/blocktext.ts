/**
 * The block-text parser: the line-based text that templates produce → DocModel sections.
 * The syntax is documented in docs/templates.md; in short:
 *
 * ```
 * @front | @body | @preamble Titre | @article Titre | @annex <kind> <n> Titre   section starts
 * # / ## / ###  Titre                          headings (levels 1 to 3)
 * texte …                                      paragraph (consecutive lines are joined)
 * - élément / 1. élément                       bullet / ordered list items
 * | cellule | cellule<br>ligne 2 |             table row (|---| after the first row: header)
 * @keep  @center @left @right @justify         apply to the next paragraph
 * @widths 3 7                                  relative column widths of the next table
 * @pagebreak                                   page break
 * @signature … @end                            signature block (key: value lines)
 * **gras**  _italique_  <br>  \x               inline markup and escapes
 * ```
 *
 * Article and annex directives produce their own heading block (« Article 3 – Titre »,
 * « ANNEXE 2 : titre »): numbers are counted here, from the articles actually present.
 */
import { ConvkitError } from '../errors.js';
import type {
  Align,
  AnnexKind,
  Provenance,
  Block,
  ListItem,
  Run,
  Section,
  SectionKind,
  SignatureBlock,
  SignatureParty,
  TableCell,
} from '../model/types.js';
import { runsText } from '../model/types.js';
import { InlineSyntaxError, parseInline, splitUnescaped } from './inline.js';
import { unescapeBlockText } from './escape.js';
import { hasMarkers, stripMarkers, type MarkedLine } from './provenance.js';

/** Options of {@link parseBlockText}. */
export interface BlockTextOptions {
  /** Named in error messages (« convention caf-21 »). */
  readonly source?: string;
  /** Heading of an article section; default « Article 3 – Titre ». */
  readonly articleHeading?: (n: number, title: string) => string;
  /** Heading of an annex section; default « ANNEXE 2 : titre ». */
  readonly annexHeading?: (n: number, title: string) => string;
}

const ANNEX_KINDS: readonly AnnexKind[] = ['referents', 'data', 'charter', 'engagement', 'other'];
const ALIGNS: readonly Align[] = ['left', 'center', 'right', 'justify'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** « Article 3 – Titre ». */
export function defaultArticleHeading(n: number, title: string): string {
  return `Article ${n} – ${title}`;
}

/** « ANNEXE 2 : titre ». */
export function defaultAnnexHeading(n: number, title: string): string {
  return `ANNEXE ${n} : ${title}`;
}

interface SectionDraft {
  source?: Provenance;
  kind: SectionKind;
  number?: number;
  title?: string;
  annexKind?: AnnexKind;
  blocks: Block[];
}

type Open =
  | { kind: 'paragraph'; lines: string[]; line: number }
  | { kind: 'list'; ordered: boolean; items: string[][]; line: number }
  | { kind: 'table'; rows: string[]; header: boolean; line: number };

/**
 * Parses block text into sections. Deterministic and pure.
 *
 * @throws ConvkitError naming the source and the line of block text at fault.
 */
export function parseBlockText(text: string, options: BlockTextOptions = {}): Section[] {
  const source = options.source ?? 'texte';
  const articleHeading = options.articleHeading ?? defaultArticleHeading;
  const annexHeading = options.annexHeading ?? defaultAnnexHeading;
  const sections: SectionDraft[] = [];
  let section: SectionDraft | undefined;
  let open: Open | undefined;
  let articles = 0;
  let annexes = 0;
  let keepNext = false;
  let align: Align | undefined;
  let pendingLine = 0;
  let widths: number[] | undefined;
  let widthsLine = 0;
  let signature: { line: number; fields: Map<string, string>; parties: SignatureParty[]; party?: PartyDraft } | undefined;

  const fail = (line: number, message: string): never => {
    throw new ConvkitError(`${source}, ligne ${line} du texte produit : ${message}`);
  };
  const inline = (line: number, raw: string): Run[] => {
    try {
      return parseInline(raw);
    } catch (error) {
      if (error instanceof InlineSyntaxError) return fail(line, error.message);
      throw error;
    }
  };
  // Provenance (only when the text carries markers, see provenance.ts): the lines consumed by
  // the block being built.
  const marked: readonly MarkedLine[] | undefined = hasMarkers(text) ? stripMarkers(text) : undefined;
  let acc: { template: string | undefined; fields: Set<string> } | undefined;
  const note = (n: number): void => {
    const info = marked?.[n - 1];
    if (!info) return;
    if (!acc) acc = { template: info.template, fields: new Set() };
    acc.template ??= info.template;
    for (const f of info.fields) acc.fields.add(f);
  };
  const take = (): Provenance | undefined => {
    const a = acc;
    acc = undefined;
    if (!a || a.template === undefined) return undefined;
    return a.fields.size > 0 ? { template: a.template, fields: [...a.fields].sort() } : { template: a.template };
  };
  const push = (block: Block, line: number): void => {
    if (!section) fail(line, 'contenu avant toute section (commencez par @front, @body, @article…)');
    const source = marked ? take() : undefined;
    section?.blocks.push(source ? { ...block, source } : block);
  };
  /** A section directive on line n: the section and its heading block come from that line. */
  const stamp = (n: number): void => {
    if (!marked || !section) return;
    note(n);
    const source = take();
    if (!source) return;
    section.source = source;
    const first = section.blocks[0];
    if (first) section.blocks[0] = { ...first, source };
  };
  const takeModifiers = (line: number, isParagraph: boolean): { keepWithNext?: true; align?: Align } => {
    if (!isParagraph && (keepNext || align)) {
      fail(pendingLine, '@keep, @center… ne s’appliquent qu’au paragraphe qui suit');
    }
    const out = { ...(keepNext ? { keepWithNext: true as const } : {}), ...(align ? { align } : {}) };
    keepNext = false;
    align = undefined;
    void line;
    return out;
  };
  const close = (): void => {
    if (!open) return;
    const o = open;
    open = undefined;
    if (o.kind === 'paragraph') {
      const runs = inline(o.line, o.lines.join(' '));
      push({ kind: 'paragraph', runs, ...takeModifiers(o.line, true) }, o.line);
    } else if (o.kind === 'list') {
      takeModifiers(o.line, false);
      const items: ListItem[] = o.items.map((lines) => ({ runs: inline(o.line, lines.join(' ')) }));
      push({ kind: 'list', ordered: o.ordered, items }, o.line);
    } else {
      takeModifiers(o.line, false);
      const rows = o.rows.map((row) => tableRow(row, o.line));
      const columns = Math.max(0, ...rows.map((r) => r.length));
      const w = widths;
      widths = undefined;
      if (w && w.length !== columns) fail(widthsLine, `@widths donne ${w.length} largeurs pour un tableau de ${columns} colonnes`);
      const sized = w ? { widths: w } : {};
      const [first, ...rest] = rows;
      if (o.header && first) push({ kind: 'table', header: first, rows: rest, ...sized }, o.line);
      else push({ kind: 'table', rows, ...sized }, o.line);
    }
  };
  const tableRow = (raw: string, line: number): TableCell[] => {
    let body = raw.slice(1);
    const cells = splitUnescaped(body, '|');
    // A closing « | » leaves an empty last cell.
    if (cells.length > 1 && (cells[cells.length - 1] ?? '').trim() === '') cells.pop();
    body = '';
    return cells.map((cell) => ({
      lines: splitUnescaped(cell.trim(), '<br>').map((l) => inline(line, l.trim())),
    }));
  };
  const startSection = (draft: SectionDraft): void => {
    close();
    if (keepNext || align) fail(pendingLine, '@keep, @center… doivent précéder un paragraphe de la même section');
    section = draft;
    sections.push(draft);
  };

  const lines = marked ? marked.map((l) => l.text) : text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const n = index + 1;
    const line = (lines[index] ?? '').trim();

    if (signature) {
      if (line === '') continue;
      note(n);
      if (line === '@end') {
        push(finishSignature(signature, fail), signature.line);
        signature = undefined;
        continue;
      }
      const match = /^([a-z]+)\s*:\s*(.*)$/.exec(line);
      if (!match) fail(n, `ligne de bloc de signature invalide (« clé : valeur » attendu) : « ${line} »`);
      const key = match?.[1] ?? '';
      const value = unescapeBlockText(match?.[2] ?? '').trim();
      if (key === 'party') {
        if (signature.party) signature.parties.push(finishParty(signature.party, fail));
        signature.party = { id: value, heading: [], line: n };
      } else if (key === 'heading' || key === 'role' || key === 'name') {
        const party = signature.party;
        if (!party) return fail(n, `« ${key} » avant toute partie (« party : id »)`);
        if (key === 'heading') party.heading.push(value);
        else if (party[key] !== undefined) fail(n, `« ${key} » donné deux fois pour la partie « ${party.id} »`);
        else party[key] = value;
      } else if (key === 'place' || key === 'date' || key === 'originals') {
        if (signature.fields.has(key)) fail(n, `« ${key} » donné deux fois`);
        signature.fields.set(key, value);
      } else {
        fail(n, `clé inconnue dans un bloc de signature : « ${key} »`);
      }
      continue;
    }

    if (line === '') {
      close();
      continue;
    }

    if (line.startsWith('@')) {
      close();
      const [, name = '', rest = ''] = /^@([a-z]+)\s*(.*)$/.exec(line) ?? [];
      const title = (): string => {
        if (rest.trim() === '') fail(n, `@${name} attend un titre`);
        return rest.trim();
      };
      switch (name) {
        case 'front':
        case 'body': {
          const draft: SectionDraft = { kind: name, blocks: [] };
          if (rest.trim() !== '') draft.title = runsText(inline(n, rest.trim()));
          startSection(draft);
          stamp(n);
          break;
        }
        case 'preamble': {
          const runs = inline(n, title());
          startSection({ kind: 'preamble', title: runsText(runs), blocks: [{ kind: 'heading', level: 2, runs }] });
          stamp(n);
          break;
        }
        case 'article': {
          articles += 1;
          const t = runsText(inline(n, title()));
          startSection({
            kind: 'article',
            number: articles,
            title: t,
            blocks: [{ kind: 'heading', level: 2, runs: inline(n, escapeHeading(articleHeading(articles, t))) }],
          });
          stamp(n);
          break;
        }
        case 'annex': {
          const m = /^([a-z]+)\s+(\d+)\s+(.+)$/.exec(rest.trim());
          if (!m) return fail(n, '@annex attend « @annex <nature> <numéro> <titre> »');
          const kind = m[1] as AnnexKind;
          if (!ANNEX_KINDS.includes(kind)) fail(n, `nature d’annexe inconnue « ${kind} » (${ANNEX_KINDS.join(', ')})`);
          annexes += 1;
          const number = Number(m[2]);
          if (number !== annexes) {
            fail(n, `annexe numérotée ${number} alors qu’elle est la ${annexes}e du document : numéros d’annexe incohérents`);
          }
          const t = runsText(inline(n, m[3] ?? ''));
          startSection({
            kind: 'annex',
            number,
            title: t,
            annexKind: kind,
            blocks: [{ kind: 'heading', level: 2, runs: inline(n, escapeHeading(annexHeading(number, t))) }],
          });
          stamp(n);
          break;
        }
        case 'pagebreak':
          note(n);
          push({ kind: 'pageBreak' }, n);
          break;
        case 'keep':
          note(n);
          keepNext = true;
          pendingLine = n;
          break;
        case 'widths': {
          const values = rest.trim().split(/\s+/).map(Number);
          if (values.length < 1 || values.some((v) => !Number.isFinite(v) || v <= 0)) {
            fail(n, '@widths attend des nombres positifs (ex. « @widths 3 7 »)');
          }
          close();
          note(n);
          widths = values;
          widthsLine = n;
          break;
        }
        case 'signature':
          if (rest.trim() !== '') fail(n, '@signature ne prend pas d’argument : ses champs suivent, un par ligne');
          note(n);
          signature = { line: n, fields: new Map(), parties: [] };
          break;
        case 'end':
          fail(n, '@end sans @signature');
          break;
        default:
          if ((ALIGNS as readonly string[]).includes(name)) {
            note(n);
            align = name as Align;
            pendingLine = n;
          } else {
            fail(n, `directive inconnue « @${name} »`);
          }
      }
      continue;
    }

    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    if (heading) {
      close();
      takeModifiers(n, false);
      const level = (heading[1] ?? '#').length as 1 | 2 | 3;
      note(n);
      push({ kind: 'heading', level, runs: inline(n, heading[2] ?? '') }, n);
      continue;
    }

    const bullet = /^-\s+(.*)$/.exec(line);
    const ordered = /^\d+\.\s+(.*)$/.exec(line);
    if (bullet || ordered) {
      const isOrdered = !bullet;
      const content = (bullet ?? ordered)?.[1] ?? '';
      if (!open || open.kind !== 'list' || open.ordered !== isOrdered) {
        close();
        open = { kind: 'list', ordered: isOrdered, items: [], line: n };
      }
      open.items.push([content]);
      note(n);
      continue;
    }

    if (line.startsWith('|')) {
      if (/^\|(\s*:?-{3,}:?\s*\|)+\s*$/.test(line)) {
        if (!open || open.kind !== 'table' || open.rows.length !== 1 || open.header) {
          fail(n, 'ligne de séparation « |---| » attendue juste après la première ligne du tableau');
        } else {
          open.header = true;
        }
        continue;
      }
      if (!open || open.kind !== 'table') {
        close();
        open = { kind: 'table', rows: [], header: false, line: n };
      }
      open.rows.push(line);
      note(n);
      continue;
    }

    // Text: continues the open paragraph or list item, or opens a paragraph.
    if (open?.kind === 'paragraph') open.lines.push(line);
    else if (open?.kind === 'list') open.items[open.items.length - 1]?.push(line);
    else {
      close();
      open = { kind: 'paragraph', lines: [line], line: n };
    }
    note(n);
  }
  if (signature) fail(signature.line, '@signature sans @end');
  close();
  if (widths) fail(widthsLine, '@widths sans tableau qui suive');
  if (keepNext || align) fail(pendingLine, '@keep, @center… en fin de texte, sans paragraphe à qui s’appliquer');
  return sections.map(freeze);
}

interface PartyDraft {
  id: string;
  heading: string[];
  role?: string;
  name?: string;
  line: number;
}

function finishParty(p: PartyDraft, fail: (line: number, message: string) => never): SignatureParty {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(p.id)) fail(p.line, `identifiant de partie invalide « ${p.id} »`);
  if (p.heading.length === 0) fail(p.line, `la partie « ${p.id} » n’a pas de ligne « heading »`);
  if (p.role === undefined) return fail(p.line, `la partie « ${p.id} » n’a pas de ligne « role »`);
  return { id: p.id, heading: p.heading, role: p.role, ...(p.name ? { name: p.name } : {}) };
}

function finishSignature(
  s: { line: number; fields: Map<string, string>; parties: SignatureParty[]; party?: PartyDraft },
  fail: (line: number, message: string) => never,
): SignatureBlock {
  if (s.party) s.parties.push(finishParty(s.party, fail));
  if (s.parties.length === 0) fail(s.line, 'bloc de signature sans partie');
  const place = s.fields.get('place');
  if (!place) return fail(s.line, 'bloc de signature sans lieu (« place : Dijon »)');
  const date = s.fields.get('date');
  if (date !== undefined && date !== '' && !ISO_DATE.test(date)) fail(s.line, `date de signature invalide « ${date} » (AAAA-MM-JJ)`);
  const originals = s.fields.get('originals');
  if (originals !== undefined && !/^[1-9]\d*$/.test(originals)) fail(s.line, `nombre d’exemplaires invalide « ${originals} »`);
  return {
    kind: 'signature',
    place,
    ...(date ? { date } : {}),
    ...(originals ? { originals: Number(originals) } : {}),
    parties: s.parties,
  };
}

/** A heading built from a directive title: its text was already unescaped once. */
function escapeHeading(text: string): string {
  return text.replace(/[\\*_<]/g, (c) => `\\${c}`);
}

function freeze(draft: SectionDraft): Section {
  return {
    ...(draft.source !== undefined ? { source: draft.source } : {}),
    kind: draft.kind,
    ...(draft.number !== undefined ? { number: draft.number } : {}),
    ...(draft.title !== undefined ? { title: draft.title } : {}),
    ...(draft.annexKind !== undefined ? { annexKind: draft.annexKind } : {}),
    blocks: draft.blocks,
  };
}
