import { joinFrench } from '../french/list.js';
import { withDe, type ArticleKind, type Gender } from '../french/names.js';
import type { Person } from '../schema/index.js';
import type { DataProblem, DatasetView, EntityKind } from './types.js';

/** A generated document a blank appears in (the kinds and ids of the output plan). */
export interface BlankDocument {
  readonly kind: 'convention' | 'charter' | 'engagement';
  /** Partner id (convention, engagement act) or signatory id (charter). */
  readonly source: string;
  /**
   * True when this document prints a visible blank (« Tél. : ……… »); false when its text just
   * goes without the value (no address in the parties block, « Mme PIRODDI » without first name,
   * a signature block without the signer's name).
   */
  readonly visible: boolean;
}

/**
 * A value the data leaves out that the documents need (the corpus's « [tél] », « [fonction] »):
 * the one source of `convkit validate`'s blank warnings and of `convkit generate`'s summary of
 * what remains to fill in each document.
 */
export interface DataBlank {
  /** The entity that lacks the value, and the path of the missing field in it. */
  readonly kind: EntityKind;
  readonly id: string;
  readonly field: readonly (string | number)[];
  /** What is missing, for the summary: « téléphone ». */
  readonly what: string;
  /** Whose it is, for the summary: « de Mme Pascale STURLA BORDET », « de la CAF de la Côte d'Or ». */
  readonly of: string;
  /** The warning of `convkit validate`. */
  readonly message: string;
  /** The documents that show the blank (or go without the value). */
  readonly documents: readonly BlankDocument[];
}

/**
 * Every value the data leaves out and the documents need, in a stable order: referents
 * (first name, function, phone, e-mail), signing parties (representative, title, first name),
 * addresses, the contractor's address and SIRET, and the data list of a partner whose
 * engagement act lists its files.
 */
export function dataBlanks(d: DatasetView): DataBlank[] {
  const out: DataBlank[] = [];
  const named = (p: Person): string => [p.civility, p.firstName, p.lastName].filter(Boolean).join(' ');
  const referent = (p: Person): string => `${named(p)} (${p.civility === 'Mme' ? 'référente' : 'référent'})`;
  const conventions = (ids: readonly string[], visible = true): BlankDocument[] => ids.map((source) => ({ kind: 'convention', source, visible }));
  const allConventions = (visible = true): BlankDocument[] => conventions(d.partners.map((p) => p.id), visible);
  const charters = (ids: readonly string[], visible = true): BlankDocument[] => ids.map((source) => ({ kind: 'charter', source, visible }));
  const engagements = d.partners.filter((p) => p.engagementAct).map((p): BlankDocument => ({ kind: 'engagement', source: p.id, visible: true }));
  const orgName = (o: { shortName: string; gender: Gender; article: ArticleKind }): string => withDe({ name: o.shortName, gender: o.gender, article: o.article });

  // Referents: each is printed with first name, function, phone and e-mail in the referent
  // annex of the conventions: the observatory's in every one, a partner's in its own.
  const referents = new Map<string, Set<string>>();
  const refer = (id: string, partners: readonly string[]): void => {
    const set = referents.get(id) ?? new Set<string>();
    for (const p of partners) set.add(p);
    referents.set(id, set);
  };
  const everyPartner = d.partners.map((p) => p.id);
  for (const id of [...(d.observatory?.coordinatorReferents ?? []), ...(d.observatory?.contractorReferents ?? [])]) refer(id, everyPartner);
  for (const p of d.partners) for (const id of p.referents) refer(id, [p.id]);
  const inAnnex = 'un blanc à compléter figurera dans l’annexe des référents';
  for (const id of [...referents.keys()].sort()) {
    const p = d.people.get(id);
    if (!p) continue;
    const inConventions = [...(referents.get(id) ?? [])].sort();
    const of = `de ${named(p)}`;
    const add = (field: keyof Person, what: string, visible: boolean, message: string): void => {
      out.push({ kind: 'person', id, field: [field], what, of, message, documents: conventions(inConventions, visible) });
    };
    if (!p.firstName) add('firstName', 'prénom', false, `prénom de ${referent(p)} non renseigné : l’annexe des référents n’imprimera que « ${p.civility} ${p.lastName} »`);
    if (!p.function) add('function', 'fonction', true, `fonction de ${referent(p)} non renseignée : ${inAnnex}`);
    if (!p.phone) add('phone', 'téléphone', true, `téléphone de ${referent(p)} non renseigné : ${inAnnex}`);
    if (!p.email) add('email', 'courriel', true, `adresse électronique de ${referent(p)} non renseignée : ${inAnnex}`);
  }

  // Signing parties: the representative's name and title are printed in the parties block and
  // the signature block of the conventions (coordinator, partners) and of the charters
  // (coordinator, signatories).
  const coordinator = d.observatory && d.organisations.get(d.observatory.coordinator);
  const contractor = d.observatory && d.organisations.get(d.observatory.contractor);
  const signatoryIds = d.signatories.map((s) => s.id);
  // The conventions print both in the parties block (a visible blank when absent); the charters
  // only in the signature block (which then goes without the name).
  type Party = { kind: EntityKind; id: string; name: string; representative?: string | undefined; representativeTitle?: string | undefined; named: BlankDocument[]; titled: BlankDocument[] };
  const parties: Party[] = [
    ...(coordinator
      ? [{ kind: 'organisation' as const, ...coordinator, name: orgName(coordinator), named: [...allConventions(), ...charters(signatoryIds, false)], titled: [...allConventions(), ...charters(signatoryIds)] }]
      : []),
    ...d.partners.map((p) => ({ kind: 'partner' as const, ...p, name: orgName(p), named: conventions([p.id]), titled: conventions([p.id]) })),
    ...d.signatories.map((s) => ({ kind: 'signatory' as const, ...s, name: orgName(s), named: charters([s.id], false), titled: charters([s.id]) })),
  ];
  const signature = 'un blanc à compléter figurera dans le bloc de signature';
  const represents = new Map<string, BlankDocument[]>();
  for (const o of parties) {
    if (!o.representative) {
      out.push({
        kind: o.kind,
        id: o.id,
        field: ['representative'],
        what: 'nom du représentant',
        of: o.name,
        message: `représentant de « ${o.id} » non renseigné : le nom du signataire sera laissé en blanc`,
        documents: o.named,
      });
    } else represents.set(o.representative, [...(represents.get(o.representative) ?? []), ...o.named.map((x) => ({ ...x, visible: false }))]);
    if (!o.representativeTitle) {
      out.push({
        kind: o.kind,
        id: o.id,
        field: ['representativeTitle'],
        what: 'titre du représentant',
        of: o.name,
        message: `titre du représentant de « ${o.id} » non renseigné (« Maire », « Directeur »…) : ${signature}`,
        documents: o.titled,
      });
    }
  }
  for (const id of [...represents.keys()].sort()) {
    const p = d.people.get(id);
    if (p && !p.firstName) {
      out.push({
        kind: 'person',
        id,
        field: ['firstName'],
        what: 'prénom',
        of: `de ${named(p)}`,
        message: `prénom de ${named(p)} (${p.civility === 'Mme' ? 'représentante' : 'représentant'}) non renseigné : les documents n’imprimeront que « ${p.civility} ${p.lastName} »`,
        documents: represents.get(id) ?? [],
      });
    }
  }

  // Addresses: partners and the coordinator are designated with theirs in the parties block.
  const parts = 'la désignation des parties sera imprimée sans adresse';
  for (const p of d.partners) {
    if (!p.address) {
      out.push({ kind: 'partner', id: p.id, field: ['address'], what: 'adresse', of: orgName(p), message: `adresse de « ${p.id} » non renseignée : ${parts}`, documents: conventions([p.id], false) });
    }
  }
  if (coordinator && !coordinator.address) {
    out.push({
      kind: 'organisation',
      id: coordinator.id,
      field: ['address'],
      what: 'adresse',
      of: orgName(coordinator),
      message: `adresse de « ${coordinator.id} » non renseignée : ${parts}`,
      documents: allConventions(false),
    });
  }
  // The contractor's engagement act (required by some partners) asks for its address and SIRET,
  // and lists the partner's files: its data list.
  if (contractor && engagements.length > 0) {
    const act = 'un blanc à compléter figurera dans l’acte d’engagement';
    const base = { kind: 'organisation' as const, id: contractor.id, of: orgName(contractor), documents: engagements };
    if (!contractor.address) out.push({ ...base, field: ['address'], what: 'adresse', message: `adresse de « ${contractor.id} » (prestataire) non renseignée : ${act}` });
    if (!contractor.siret) out.push({ ...base, field: ['siret'], what: 'SIRET', message: `SIRET de « ${contractor.id} » (prestataire) non renseigné : ${act}` });
  }
  for (const p of d.partners) {
    if (p.engagementAct && !p.dataList) {
      out.push({
        kind: 'partner',
        id: p.id,
        field: ['dataList'],
        what: 'liste des fichiers',
        of: orgName(p),
        message:
          `liste des données de « ${p.id} » absente : son acte d’engagement (et le modèle annexé à sa convention) laissera en blanc la liste des fichiers ; ` +
          'ajoutez « dataList: { items: [ … ] } » à ce fichier (une annexe « liste des données » s’ajoutera à la convention)',
        documents: [...conventions([p.id]), { kind: 'engagement', source: p.id, visible: true }],
      });
    }
  }
  return out;
}

/**
 * The blanks as `convkit validate` warnings: non-blocking, each pointing at the entity that
 * lacks the value, with the path of the missing field.
 */
export function blankWarnings(d: DatasetView): DataProblem[] {
  return dataBlanks(d).map((b) => ({
    severity: 'warning',
    code: 'blank',
    message: b.message,
    location: d.sources.locate(b.kind, b.id, b.field) ?? { file: d.root },
  }));
}

/** What remains to fill in one document. */
export interface DocumentBlanks {
  readonly document: BlankDocument;
  /** Visible blanks, in data order. */
  readonly blanks: readonly DataBlank[];
  /** Values the text goes without. */
  readonly missing: readonly DataBlank[];
}

/** The blanks of each of `documents` that has any, in the order given. */
export function blanksByDocument(all: readonly DataBlank[], documents: readonly Pick<BlankDocument, 'kind' | 'source'>[]): DocumentBlanks[] {
  const out: DocumentBlanks[] = [];
  for (const document of documents) {
    const blanks: DataBlank[] = [];
    const missing: DataBlank[] = [];
    for (const b of all) {
      // A value may be needed twice in one document (a representative in the parties and the
      // signature): a visible blank anywhere counts it as a blank.
      const here = b.documents.filter((x) => x.kind === document.kind && x.source === document.source);
      if (here.length === 0) continue;
      (here.some((x) => x.visible) ? blanks : missing).push(b);
    }
    if (blanks.length + missing.length > 0) out.push({ document: { ...document, visible: blanks.length > 0 }, blanks, missing });
  }
  return out;
}

/** « fonction, téléphone et courriel de Mme PIRODDI ; adresse de Pôle Emploi »: blanks grouped by whose they are. */
export function describeBlanks(blanks: readonly DataBlank[]): string {
  const groups = new Map<string, string[]>();
  for (const b of blanks) groups.set(b.of, [...(groups.get(b.of) ?? []), b.what]);
  return [...groups].map(([of, whats]) => `${joinFrench(whats)} ${of}`).join(' ; ');
}
