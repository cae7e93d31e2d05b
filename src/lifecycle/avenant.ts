/**
 * `convkit avenant <partner-id> --from REV`: drafts the amendment (« avenant ») to a partner's
 * convention from the changes between two versions: one article per change (a party renamed,
 * referents changed, an article or an annex replaced, added or removed), the visas of the
 * convention and of earlier amendments (from the partner's `amendments` history), entry into
 * force, signature block. Rendered by the clause library (templates/avenant.hbs) through the
 * same engine, block-text parser, typography pass and renderers as every other document.
 */
import path from 'node:path';
import { ConvkitError } from '../errors.js';
import type { NameRef } from '../french/names.js';
import { conventionContext } from '../generate/context.js';
import { applyTypography } from '../generate/typography.js';
import { withArticle } from '../french/names.js';
import type { Block, Document, Section } from '../model/types.js';
import { runsText } from '../model/types.js';
import type { Partner } from '../schema/index.js';
import { parseBlockText } from '../template/blocktext.js';
import { loadTemplates } from '../template/engine.js';
import { blockText, compareDocuments, type SectionPair } from './compare.js';
import { diffData } from './data-diff.js';
import type { LoadedVersion } from './load.js';

/** One piece of quoted content; exactly one of the three is set (strict templates: no missing key). */
interface ContentView {
  readonly paragraph: string | null;
  readonly items: readonly string[] | null;
  readonly rows: readonly (readonly (readonly string[])[])[] | null;
}

interface ArticleView {
  readonly title: string;
  readonly intro: readonly string[];
  readonly content: readonly ContentView[];
}

/** An annex of the avenant: the new text of a replaced or added annex of the convention. */
interface AnnexView extends ArticleView {
  readonly kind: string;
  readonly number: number;
}

/** What templates/avenant.hbs reads under `avenant`. */
export interface AvenantView {
  readonly number: number;
  /** The partner's name when the convention was signed (visas). */
  readonly formerName: NameRef;
  readonly previous: readonly { readonly number: number; readonly on: string }[];
  readonly approval: { readonly body: string; readonly date: string } | null;
  readonly articles: readonly ArticleView[];
  readonly annexes: readonly AnnexView[];
}

function content(blocks: readonly Block[]): ContentView[] {
  const out: ContentView[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
      case 'paragraph':
        out.push({ paragraph: runsText(b.runs), items: null, rows: null });
        break;
      case 'list':
        out.push({ paragraph: null, items: b.items.map((it) => runsText(it.runs)), rows: null });
        break;
      case 'table':
        out.push({ paragraph: null, items: null, rows: [...(b.header ? [b.header] : []), ...b.rows].map((r) => r.map((c) => c.lines.map(runsText))) });
        break;
      default:
        break;
    }
  }
  return out;
}

function nameOf(p: Partner): NameRef {
  return { name: p.legalName, gender: p.legalGender ?? p.gender, article: p.legalArticle ?? p.article };
}

/**
 * « l'article 5 », « l'annexe « référents techniques et de suivi » »: a convention's annex is
 * named by its title, so that « annexe N » only ever points at the avenant's own annexes.
 */
function sectionName(s: Section): string {
  if (s.kind === 'article') return `l'article ${s.number ?? '?'}`;
  if (s.kind === 'annex') return `l'annexe « ${s.title ?? ''} »`;
  if (s.kind === 'preamble') return 'le préambule';
  return 'la désignation des parties';
}

/** Body blocks of a section without its own heading. */
function body(s: Section): Block[] {
  return s.kind === 'front' ? s.blocks.filter((b) => !(b.kind === 'heading' && b.level === 1)) : s.blocks.slice(1);
}

/** The articles of the avenant, one per change of the convention. */
export function avenantArticles(
  from: LoadedVersion,
  to: LoadedVersion,
  partnerId: string,
  pairs: readonly SectionPair[],
): { articles: ArticleView[]; annexes: AnnexView[] } {
  const oldP = from.dataset.partners.find((p) => p.id === partnerId);
  const newP = to.dataset.partners.find((p) => p.id === partnerId);
  if (!oldP || !newP) throw new ConvkitError(`partenaire « ${partnerId} » absent de l'une des deux versions`);
  const articles: ArticleView[] = [];
  const annexes: AnnexView[] = [];
  /** A replaced or added annex of the convention becomes an annex of the avenant. */
  const annexOf = (a: Section): string => {
    const number = annexes.length + 1;
    annexes.push({ kind: a.annexKind ?? 'other', number, title: a.title ?? '', intro: [], content: content(body(a)) });
    return `l'annexe ${number} du présent avenant`;
  };
  // 1. A party renamed: one article, and the name changes it explains need no other article.
  const renames: [string, string][] = [];
  for (const key of ['legalName', 'shortName', 'designation', 'sourceLabel'] as const) {
    const a = oldP[key];
    const b = newP[key];
    if (a && b && a !== b && !renames.some(([x]) => x === a)) renames.push([a, b]);
  }
  renames.sort((x, y) => y[0].length - x[0].length);
  if (renames.some(([a]) => a === oldP.legalName || a === oldP.shortName)) {
    const oldName = withArticle(nameOf(oldP));
    const newName = withArticle(nameOf(newP));
    articles.push({
      title: 'Dénomination du partenaire',
      intro: [
        ...(oldP.legalName !== newP.legalName
          ? [`${oldName.charAt(0).toUpperCase()}${oldName.slice(1)} est désormais dénommé${nameOf(newP).gender === 'f' ? 'e' : ''} ${newName}.`]
          : []),
        `Dans la convention et ses annexes, toute mention ${renames.map(([a, b]) => `de « ${a} » s'entend de « ${b} »`).join(', toute mention ')}.`,
      ],
      content: [],
    });
  }
  const explained = (before: string, after: string): boolean => {
    let t = before;
    // Titles print names in capitals: « PÔLE EMPLOI CÔTE D'OR ».
    for (const [a, b] of renames) t = t.split(a).join(b).split(a.toLocaleUpperCase('fr-FR')).join(b.toLocaleUpperCase('fr-FR'));
    return t === after;
  };
  // People whose data changed, for the referents article.
  const people = diffData(from.dataset, to.dataset).filter((c) => c.entity.startsWith('person:'));
  for (const sp of pairs) {
    const b = sp.before;
    const a = sp.after;
    if (a?.kind === 'body' || b?.kind === 'body') continue; // the signature block: the avenant has its own
    if (a && b) {
      const changed = sp.blocks.some((x) => !x.same);
      if (!changed) continue;
      const oldText = b.blocks.map(blockText).join('\n');
      const newText = a.blocks.map(blockText).join('\n');
      if (explained(oldText, newText)) continue;
      const name = sectionName(b);
      const referents = a.annexKind === 'referents'
        ? people.filter((c) => a.blocks.some((x) => (x.source?.fields ?? []).some((f) => f.startsWith(`${c.entity}.`))))
        : [];
      const who = [...new Set(referents.map((c) => to.dataset.people.get(c.entity.slice(7))))].filter((p) => p !== undefined);
      articles.push({
        title: a.kind === 'annex' && a.annexKind === 'referents' ? 'Référents' : `Modification de ${name}`,
        intro: [
          ...(who.length > 0
            ? [`Les coordonnées de ${who.map((p) => `${p.civility} ${p.firstName ? `${p.firstName} ` : ''}${p.lastName}`).join(', ')} sont modifiées.`]
            : []),
          a.kind === 'annex'
            ? `${name.charAt(0).toUpperCase()}${name.slice(1)} de la convention est remplacée par ${annexOf(a)}.`
            : `${name.charAt(0).toUpperCase()}${name.slice(1)} de la convention est ${a.kind === 'front' ? 'remplacée' : 'remplacé'} par les dispositions suivantes :`,
        ],
        content: a.kind === 'annex' ? [] : content(body(a)),
      });
    } else if (a) {
      articles.push(
        a.kind === 'annex'
          ? { title: "Ajout d'une annexe", intro: [`Il est ajouté à la convention une annexe « ${a.title ?? ''} » : ${annexOf(a)}.`], content: [] }
          : { title: "Ajout d'un article", intro: [`Il est ajouté à la convention un article ${a.number ?? ''} « ${a.title ?? ''} » ainsi rédigé :`], content: content(body(a)) },
      );
    } else if (b) {
      const name = sectionName(b);
      articles.push({
        title: `Suppression de ${name}`,
        intro: [`${name.charAt(0).toUpperCase()}${name.slice(1)} de la convention est ${b.kind === 'annex' ? 'supprimée' : 'supprimé'}.`],
        content: [],
      });
    }
  }
  return { articles, annexes };
}

/** The avenant's number and visas from the partner's amendment history. */
function history(from: LoadedVersion, to: LoadedVersion, partnerId: string): Omit<AvenantView, 'articles' | 'annexes' | 'formerName'> & { date: string | null } {
  const before = from.dataset.partners.find((p) => p.id === partnerId)?.amendments ?? [];
  const after = to.dataset.partners.find((p) => p.id === partnerId)?.amendments ?? [];
  const number = Math.max(0, ...before.map((a) => a.number)) + 1;
  const recorded = after.find((a) => a.number === number);
  // The approving deliberation: the one the history names, else the one whose `approves` lists it.
  const approvedBy = recorded?.deliberation
    ? to.dataset.deliberations.find((d) => d.id === recorded.deliberation)
    : to.dataset.deliberations.find((d) => d.approves.some((a) => a.kind === 'avenant' && a.partner === partnerId && a.number === number));
  if (recorded?.deliberation && !approvedBy) {
    throw new ConvkitError(`avenant n° ${number} de « ${partnerId} » : délibération inconnue « ${recorded.deliberation} »`);
  }
  return {
    number,
    previous: after.filter((a) => a.number < number).sort((x, y) => x.number - y.number).map((a) => ({ number: a.number, on: a.date })),
    approval: approvedBy ? { body: approvedBy.body, date: approvedBy.date } : null,
    date: recorded?.date ?? null,
  };
}

export interface BuiltAvenant {
  readonly partnerId: string;
  readonly number: number;
  readonly document: Document;
}

/**
 * Builds the avenant to a partner's convention between two versions.
 * @throws ConvkitError for an unknown partner or when the convention does not change.
 */
export async function buildAvenant(
  from: LoadedVersion,
  to: LoadedVersion,
  partnerId: string,
  options: { readonly number?: number } = {},
): Promise<BuiltAvenant> {
  const templatesDir = to.templatesDir;
  const key = `conventions/${partnerId}`;
  const before = from.documents.get(key);
  const after = to.documents.get(key);
  if (!after || !before) {
    const ids = [...to.documents.values()].filter((d) => d.kind === 'conventions').map((d) => d.id);
    throw new ConvkitError(`aucune convention « ${partnerId} » dans les deux versions (partenaires : ${ids.join(', ')})`);
  }
  const { articles, annexes } = avenantArticles(from, to, partnerId, compareDocuments(before.document, after.document));
  if (articles.length === 0) {
    throw new ConvkitError(`la convention de « ${partnerId} » ne change pas entre ${from.label} et ${to.label} : aucun avenant à rédiger`, { exitCode: 1 });
  }
  const h = history(from, to, partnerId);
  if (options.number !== undefined && options.number !== h.number) {
    throw new ConvkitError(
      `la version « ${from.label} » compte ${h.number - 1} avenant(s) : l'avenant n° ${options.number} modifie la version qui en compte ${options.number - 1}`,
    );
  }
  const oldPartner = from.dataset.partners.find((p) => p.id === partnerId) as Partner;
  const base = conventionContext(to.dataset, partnerId);
  const avenant: AvenantView = { number: h.number, formerName: nameOf(oldPartner), previous: h.previous, approval: h.approval, articles, annexes };
  const context = { ...base, avenant, signature: { ...base.signature, date: h.date } };
  const engine = await loadTemplates(templatesDir);
  if (!engine.templates.includes('avenant')) {
    throw new ConvkitError(`modèle « avenant.hbs » absent de ${path.relative(process.cwd(), templatesDir) || templatesDir}`);
  }
  const sections = applyTypography(parseBlockText(engine.render('avenant', context), { source: `avenant ${partnerId}` }));
  const coordinator = withArticle(base.coordinator.name);
  const partnerName = withArticle(base.partner.legal);
  const o = to.dataset.observatory;
  return {
    partnerId,
    number: h.number,
    document: {
      id: `${partnerId}-avenant-${h.number}`,
      kind: 'convention',
      header: o.header,
      meta: {
        title: `Avenant n° ${h.number} à la convention de partenariat entre ${coordinator} et ${partnerName}`,
        subject: `${o.name} : avenant à la convention de partenariat pour l'échange de données statistiques`,
        author: to.dataset.organisations.get(o.coordinator)?.legalName ?? o.name,
        language: 'fr-FR',
        date: h.date ?? after.document.meta.date,
        keywords: [o.name, 'avenant', 'convention de partenariat', base.partner.name.name],
      },
      sections,
    },
  };
}
