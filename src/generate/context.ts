/**
 * Template contexts: the data of one document with every derived value (annex numbers,
 * originals, names with their grammar, merged terms, variant switches). Templates only read;
 * everything that could drift is computed here or by the French helpers.
 */
import type { Dataset } from '../data/load.js';
import { ConvkitError } from '../errors.js';
import type { NameRef } from '../french/names.js';
import type { Partner, Signatory, Terms } from '../schema/index.js';
import { planAnnexes, type AnnexPlan } from './annexes.js';
import { orgView, partnerView, person, personView, type OrgView, type PartnerView, type PersonView } from './views.js';
import { findById } from './lookup.js';

/** One signing party: one column of the signature block. */
export interface PartyView {
  readonly id: string;
  /** Named after « Pour » in the heading: « Pour la Caisse d'Allocations Familiales… , ». */
  readonly heading: NameRef;
  /** « Le Président », or null when the data has no title (a blank is printed). */
  readonly role: string | null;
  /** « Alain MILLOT », or null when the data has no representative (a blank is left). */
  readonly name: string | null;
  /**
   * No representative, and a later column of the block has a name: a blank name line is
   * written, so that each column keeps its name slot and the names read back with their parties.
   */
  readonly blankName: boolean;
}

export interface SignatureView {
  /** Where it is signed, or null (a blank to fill in). */
  readonly place: string | null;
  /** ISO date when signed, else null (the date is left blank). */
  readonly date: string | null;
  /** Number of originals: one per signing party; null when not stated (the engagement act). */
  readonly originals: number | null;
  readonly parties: readonly PartyView[];
}

/** What every document's context holds. */
export interface BaseContext {
  readonly observatory: {
    readonly name: string;
    readonly tool: string;
    readonly dataFormats: readonly string[];
    readonly policyCommunes: readonly string[];
    readonly place: string;
  };
  /** The observatory's name as a name: « l'Observatoire de la Cohésion Sociale ». */
  readonly obs: NameRef;
  readonly coordinator: OrgView;
  readonly contractor: OrgView;
  /** How the text names the contractor: its designation (« le cabinet Compas-tis ») or its name. */
  readonly contractorRef: NameRef;
  readonly deliberation: { readonly date: string; readonly body: string };
  /** Main template or partial rendered for a standalone document (true) or an annex (false). */
  readonly standalone: boolean;
}

/** Variant switches derived from the partner's clauses, for readable templates. */
export interface VariantView {
  /** Data and reports go to every commune of the Politique de la Ville and its CCAS. */
  readonly communes: boolean;
  /** Employment and training partners (MDEF and those it collects for). */
  readonly employment: boolean;
  /** This partner collects the data of other partners (the MDEF). */
  readonly hub: boolean;
  /** This partner's data are collected through another partner. */
  readonly viaHub: boolean;
  /** « invité à participer aux travaux » rather than « associé aux travaux ». */
  readonly invited: boolean;
  /** The expertise paragraph is present… */
  readonly expertise: boolean;
  /** …and says « devra » rather than « pourra ». */
  readonly expertiseMust: boolean;
  /** The partner's own secrecy rules replace the shared secrecy paragraph. */
  readonly ownSecrecy: boolean;
}

/** The engagement act's contractor fields: null prints a visible blank. */
export interface ActView {
  readonly contractorName: string | null;
  readonly contractorAddress: string | null;
  readonly contractorSiret: string | null;
}

export interface ConventionContext extends BaseContext {
  readonly partner: PartnerView;
  readonly terms: Terms;
  readonly annex: AnnexPlan;
  readonly referentGroups: readonly { readonly org: NameRef; readonly people: readonly PersonView[] }[];
  readonly signature: SignatureView;
  readonly variant: VariantView;
  /** The engagement-act model annexed to the convention: contractor fields left blank. */
  readonly act: ActView;
  /** The act's own signature (the contractor), used by the engagement partial. */
  readonly actSignature: SignatureView;
}

export interface CharterContext extends BaseContext {
  readonly signatory: OrgView;
  readonly signature: SignatureView;
}

export interface EngagementContext extends BaseContext {
  readonly partner: PartnerView;
  readonly act: ActView;
  readonly actSignature: SignatureView;
}

function base(dataset: Dataset, standalone: boolean): BaseContext {
  const o = dataset.observatory;
  const coordinator = dataset.organisations.get(o.coordinator);
  const contractor = dataset.organisations.get(o.contractor);
  if (!coordinator || !contractor) throw new ConvkitError('coordinateur ou prestataire introuvable dans data/organisations/');
  return {
    observatory: { name: o.name, tool: o.tool, dataFormats: o.dataFormats, policyCommunes: o.policyCommunes, place: o.place },
    obs: { name: o.name, gender: 'm', article: 'le' },
    coordinator: orgView(dataset, coordinator),
    contractor: orgView(dataset, contractor),
    contractorRef: orgView(dataset, contractor).designation ?? orgView(dataset, contractor).name,
    deliberation: { date: o.deliberation.date, body: o.deliberation.body },
    standalone,
  };
}

function party(org: OrgView, heading: NameRef): PartyView {
  return { id: org.id, heading, role: org.role, name: org.representative?.name ?? null, blankName: false };
}

function signature(place: string, date: string | null, parties: readonly PartyView[]): SignatureView {
  // A column without a name before a column with one keeps its name slot (a blank line);
  // trailing columns without a name need none (the charter of a signatory without representative).
  return { place, date, originals: parties.length, parties: parties.map((p, i) => ({ ...p, blankName: p.name === null && parties.slice(i + 1).some((q) => q.name !== null) })) };
}

/** The contractor signs the engagement act alone; place and date are left to fill in. */
function actSignature(b: BaseContext, withName: boolean): SignatureView {
  const contractor = b.contractor;
  return {
    place: null,
    date: null,
    originals: null,
    parties: [
      {
        id: contractor.id,
        heading: withName ? contractor.legal : { name: 'prestataire de services', gender: 'm', article: 'le' },
        role: withName ? contractor.role : null,
        name: withName ? (contractor.representative?.name ?? null) : null,
        blankName: false,
      },
    ],
  };
}

function findPartner(dataset: Dataset, id: string): Partner {
  const p = findById(dataset.partners, id);
  if (!p) throw new ConvkitError(`partenaire inconnu : « ${id} » (partenaires : ${dataset.partners.map((x) => x.id).join(', ')})`);
  return p;
}

function findSignatory(dataset: Dataset, id: string): Signatory {
  const s = findById(dataset.signatories, id);
  if (!s) throw new ConvkitError(`signataire inconnu : « ${id} » (signataires : ${dataset.signatories.map((x) => x.id).join(', ')})`);
  return s;
}

/** Context of a partner's convention with its annexes. */
export function conventionContext(dataset: Dataset, partnerId: string): ConventionContext {
  const p = findPartner(dataset, partnerId);
  const b = base(dataset, false);
  const partner = partnerView(dataset, p);
  const c = partner.clauses;
  const people = (ids: readonly string[]): PersonView[] => ids.map((id) => personView(person(dataset, id)));
  return {
    ...b,
    partner,
    terms: { ...dataset.observatory.terms, ...stripUndefined(p.terms ?? {}) },
    annex: planAnnexes(p),
    referentGroups: [
      // Partner, contractor, coordinator: the order of every 2014 referent annex.
      { org: partner.name, people: partner.referents },
      { org: b.contractor.designation ?? b.contractor.name, people: people(dataset.observatory.contractorReferents) },
      { org: b.coordinator.name, people: people(dataset.observatory.coordinatorReferents) },
    ],
    signature: signature(dataset.observatory.place, null, [party(b.coordinator, b.coordinator.legal), party(partner, partner.legal)]),
    variant: {
      communes: c.recipients === 'policyCommunes',
      employment: c.studyField === 'employment',
      hub: partner.collects.length > 0,
      viaHub: partner.via !== null,
      invited: c.studyInvolvement === 'invited',
      expertise: c.expertise !== 'none',
      expertiseMust: c.expertise === 'must',
      ownSecrecy: c.secrecy !== null,
    },
    act: { contractorName: null, contractorAddress: null, contractorSiret: null },
    actSignature: actSignature(b, false),
  };
}

/** Context of the charter as signed by one commune or CCAS. */
export function charterContext(dataset: Dataset, signatoryId: string): CharterContext {
  const s = findSignatory(dataset, signatoryId);
  const b = base(dataset, true);
  const signatory = orgView(dataset, s);
  return {
    ...b,
    signatory,
    signature: signature(dataset.observatory.place, s.signedOn ?? null, [
      party(b.coordinator, b.coordinator.legal),
      party(signatory, signatory.name),
    ]),
  };
}

/** Context of the standalone engagement act of the contractor for one partner. */
export function engagementContext(dataset: Dataset, partnerId: string): EngagementContext {
  const p = findPartner(dataset, partnerId);
  const b = base(dataset, true);
  return {
    ...b,
    partner: partnerView(dataset, p),
    act: {
      contractorName: b.contractor.legal.name,
      contractorAddress: b.contractor.address.length > 0 ? b.contractor.address.join(', ') : null,
      contractorSiret: b.contractor.siret,
    },
    actSignature: actSignature(b, true),
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
