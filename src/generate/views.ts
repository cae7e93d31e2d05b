/**
 * Views of the data for the templates: every field a template may read is present (absent
 * values are `null`, never missing), names carry their grammar (NameRef), people their printed
 * forms. Templates run with strict lookups, so a typo in a template is an error, not a blank.
 */
import type { Dataset } from '../data/load.js';
import { ConvkitError } from '../errors.js';
import { parseDesignation, type Gender, type NameRef } from '../french/names.js';
import { displayName, formalName, titleWithArticle } from '../french/person.js';
import { agreeTitle, titleGender } from '../french/titles.js';
import { personGender, type Clauses, type Organisation, type Partner, type Person, type Signatory } from '../schema/index.js';
import { collectedThrough, findById, viaOf } from './lookup.js';

export interface PersonView {
  readonly id: string;
  /** « Alain MILLOT », « Mme PIRODDI » (no first name). */
  readonly name: string;
  /** « M. Alain MILLOT ». */
  readonly formalName: string;
  readonly gender: Gender;
  readonly function: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

export interface OrgView {
  readonly id: string;
  /** Short name with its grammar: « CAF de la Côte d'Or », « le Grand Dijon ». */
  readonly name: NameRef;
  /** Legal name with its grammar: « Caisse d'Allocations Familiales de la Côte d'Or ». */
  readonly legal: NameRef;
  /** « le Grand Dijon », « le cabinet Compas-tis », « CAF de la Côte d'Or » as a name, or null. */
  readonly designation: NameRef | null;
  /** The designation as written in the data (between « » in the parties block). */
  readonly designationText: string | null;
  readonly address: readonly string[];
  /** Address segments joined by « – », or null when the data has none. */
  readonly addressText: string | null;
  readonly representative: PersonView | null;
  readonly representativeTitle: string | null;
  /** « Le Président », « L'Adjointe au Maire » (article by the signer's gender), or null. */
  readonly role: string | null;
  readonly siret: string | null;
}

/** Every clause flag, with `secrecy` null when the partner has no rules of its own. */
export type ClausesView = Omit<Clauses, 'secrecy'> & { readonly secrecy: Clauses['secrecy'] | null };

export interface PartnerView extends OrgView {
  readonly sourceLabel: string;
  readonly clauses: ClausesView;
  readonly dataList: {
    readonly intro: readonly string[];
    readonly items: readonly string[];
    readonly notes: readonly string[];
    readonly indicative: boolean;
  } | null;
  /** The partner through which the data are collected (the MDEF), or null when collected directly. */
  readonly via: OrgView | null;
  /** Partners whose data are collected through this one (the MDEF's « à savoir … »). */
  readonly collects: readonly NameRef[];
  readonly referents: readonly PersonView[];
  readonly engagementAct: boolean;
}

/** Looks a person up; the loader has already checked every reference. */
export function person(dataset: Dataset, id: string): Person {
  const p = dataset.people.get(id);
  if (!p) throw new ConvkitError(`personne inconnue : « ${id} »`);
  return p;
}

export function personView(p: Person): PersonView {
  return {
    id: p.id,
    name: displayName(p),
    formalName: formalName(p),
    gender: personGender(p),
    function: p.function ?? null,
    phone: p.phone ?? null,
    email: p.email ?? null,
  };
}

type OrgLike = Organisation | Partner | Signatory;

export function orgView(dataset: Dataset, o: OrgLike): OrgView {
  const rep = o.representative ? personView(person(dataset, o.representative)) : null;
  const designationText = 'designation' in o && o.designation ? o.designation : null;
  const siret = 'siret' in o && o.siret ? o.siret : null;
  // The title agrees with its holder (« Directrice » for a woman) unless the data forces it as
  // typed; its article follows the printed title's own gender when it shows one.
  const typed = o.representativeTitle ?? null;
  const title = typed !== null && rep !== null && o.representativeTitleAsTyped !== true ? agreeTitle(typed, rep.gender) : typed;
  const articleGender = title === null ? 'm' : rep !== null && o.representativeTitleAsTyped !== true ? rep.gender : (titleGender(title) ?? rep?.gender ?? 'm');
  return {
    id: o.id,
    name: { name: o.shortName, gender: o.gender, article: o.article },
    legal: { name: o.legalName, gender: o.legalGender ?? o.gender, article: o.legalArticle ?? o.article },
    designation: designationText ? parseDesignation(designationText, o.gender) : null,
    designationText,
    address: o.address ?? [],
    addressText: o.address && o.address.length > 0 ? o.address.join(' – ') : null,
    representative: rep,
    representativeTitle: title,
    role: title ? titleWithArticle(title, articleGender) : null,
    siret,
  };
}

export function partnerView(dataset: Dataset, p: Partner): PartnerView {
  const viaId = viaOf(p);
  const via = viaId === undefined ? undefined : findById(dataset.partners, viaId);
  const collects = collectedThrough(dataset.partners, p.id).map((x): NameRef => ({ name: x.shortName, gender: x.gender, article: x.article }));
  return {
    ...orgView(dataset, p),
    sourceLabel: p.sourceLabel,
    clauses: { ...p.clauses, secrecy: p.clauses.secrecy ?? null },
    dataList: p.dataList
      ? { intro: p.dataList.intro, items: p.dataList.items, notes: p.dataList.notes, indicative: p.dataList.indicative }
      : null,
    via: via ? orgView(dataset, via) : null,
    collects,
    referents: p.referents.map((id) => personView(person(dataset, id))),
    engagementAct: p.engagementAct,
  };
}
