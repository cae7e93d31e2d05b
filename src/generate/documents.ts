/**
 * Document assembly: template context → clause library → block text → DocModel, with the
 * typography pass and the core properties. Pure and synchronous once the templates are loaded.
 */
import type { Dataset } from '../data/load.js';
import { withArticle, withDe } from '../french/names.js';
import type { Document, DocumentMeta, Section } from '../model/types.js';
import { parseBlockText } from '../template/blocktext.js';
import type { TemplateEngine } from '../template/engine.js';
import { charterContext, conventionContext, engagementContext } from './context.js';
import { applyTypography, typesetDocumentFields } from './typography.js';
import { findById } from './lookup.js';

const LANGUAGE = 'fr-FR';

/** Builds the documents of one data set with one loaded clause library. */
export interface DocumentBuilder {
  /** The partner's convention followed by its annexes. */
  convention(partnerId: string): Document;
  /** The charter as signed by a commune or CCAS. */
  charter(signatoryId: string): Document;
  /** The contractor's standalone engagement act for a partner's files. */
  engagement(partnerId: string): Document;
  /** The block text a document template produces (before parsing): for debugging and tests. */
  blockText(kind: 'convention' | 'charter' | 'engagement', id: string): string;
}

/** Options of {@link documentBuilder}. */
export interface BuilderOptions {
  /** Record each block's template file and data fields in `source` (lifecycle: diff, impact). */
  readonly provenance?: boolean;
  /**
   * Sections already built, shared between builders (the two versions `convkit diff` compares):
   * a document whose template context is the same (same JSON) with the same compiled templates
   * is not rendered twice. Off by default.
   */
  readonly memo?: SectionMemo;
}

/** Built sections by compiled template library, then by kind, id and context. */
export type SectionMemo = WeakMap<TemplateEngine, Map<string, Section[]>>;

/** Creates a builder; cheap (contexts are built per document). */
export function documentBuilder(dataset: Dataset, engine: TemplateEngine, options: BuilderOptions = {}): DocumentBuilder {
  const renderOptions = options.provenance ? { provenance: true } : undefined;
  const o = dataset.observatory;
  const coordinator = dataset.organisations.get(o.coordinator);
  const contractor = dataset.organisations.get(o.contractor);
  const author = coordinator?.legalName ?? o.name;
  const coordinatorName = coordinator ? withArticle({ name: coordinator.shortName, gender: coordinator.gender, article: coordinator.article }) : '';
  const meta = (m: Omit<DocumentMeta, 'author' | 'language' | 'date'>): DocumentMeta => ({
    ...m,
    author,
    language: LANGUAGE,
    date: o.deliberation.date,
  });

  const contextOf = (kind: 'convention' | 'charter' | 'engagement', id: string): object => {
    switch (kind) {
      case 'convention':
        return conventionContext(dataset, id);
      case 'charter':
        return charterContext(dataset, id);
      case 'engagement':
        return engagementContext(dataset, id);
    }
  };
  const text = (kind: 'convention' | 'charter' | 'engagement', id: string, context: object = contextOf(kind, id)): string =>
    engine.render(kind, context, renderOptions);
  let memo: Map<string, Section[]> | undefined;
  if (options.memo) {
    memo = options.memo.get(engine);
    if (!memo) options.memo.set(engine, (memo = new Map()));
  }
  const sections = (kind: 'convention' | 'charter' | 'engagement', id: string): Section[] => {
    const context = contextOf(kind, id);
    const key = memo ? `${kind}\0${id}\0${renderOptions ? 'p' : ''}\0${JSON.stringify(context)}` : '';
    const known = memo?.get(key);
    if (known) return known;
    const built = applyTypography(parseBlockText(text(kind, id, context), { source: `${kind} ${id}` }));
    memo?.set(key, built);
    return built;
  };

  return {
    blockText: (kind, id) => text(kind, id),
    convention(partnerId) {
      const p = findById(dataset.partners, partnerId);
      const built = sections('convention', partnerId);
      const partnerName = p ? withArticle({ name: p.legalName, gender: p.legalGender ?? p.gender, article: p.legalArticle ?? p.article }) : partnerId;
      return typesetDocumentFields({
        id: partnerId,
        kind: 'convention',
        header: o.header,
        meta: meta({
          title: `Convention de partenariat entre ${coordinatorName} et ${partnerName}`,
          subject: `${o.name} : convention de partenariat pour l'échange de données statistiques, et ses annexes`,
          keywords: [o.name, 'convention de partenariat', p?.shortName ?? partnerId, 'données statistiques'],
        }),
        sections: built,
      });
    },
    charter(signatoryId) {
      const s = findById(dataset.signatories, signatoryId);
      return typesetDocumentFields({
        id: signatoryId,
        kind: 'charter',
        header: o.header,
        meta: meta({
          title: `Charte d'utilisation des données statistiques – ${s?.shortName ?? signatoryId}`,
          subject: `${o.name} : charte d'utilisation des données statistiques collectées par ${coordinatorName}`,
          keywords: [o.name, 'charte', s?.shortName ?? signatoryId, 'données statistiques'],
        }),
        sections: sections('charter', signatoryId),
      });
    },
    engagement(partnerId) {
      const p = findById(dataset.partners, partnerId);
      const contractorName = contractor?.legalName ?? o.contractor;
      return typesetDocumentFields({
        id: `${partnerId}-${o.contractor}`,
        kind: 'engagement',
        header: o.header,
        meta: meta({
          title: `Acte d'engagement d'un prestataire de services – ${contractorName} – ${p?.shortName ?? partnerId}`,
          subject: `${o.name} : acte d'engagement du prestataire pour l'utilisation des fichiers ${p ? withDe({ name: p.shortName, gender: p.gender, article: p.article }) : partnerId}`,
          keywords: [o.name, "acte d'engagement", contractorName, p?.shortName ?? partnerId],
        }),
        sections: sections('engagement', partnerId),
      });
    },
  };
}
