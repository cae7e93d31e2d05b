import type { Person } from '../schema/index.js';
import type { DataProblem, DatasetView, EntityKind } from './types.js';

/**
 * Values the data leaves out and the documents will show as blanks to fill (the corpus's
 * « [tél] », « [fonction] »): non-blocking warnings, reported by `convkit validate`. Each points
 * at the entity that lacks the value, with the path of the missing field.
 */
export function blankWarnings(d: DatasetView): DataProblem[] {
  const out: DataProblem[] = [];
  const warn = (kind: EntityKind, id: string, field: string, message: string): void => {
    out.push({ severity: 'warning', code: 'blank', message, location: d.sources.locate(kind, id, [field]) ?? { file: d.root } });
  };
  const named = (p: Person): string => [p.civility, p.firstName, p.lastName].filter(Boolean).join(' ');
  const referent = (p: Person): string => `${named(p)} (${p.civility === 'Mme' ? 'référente' : 'référent'})`;

  // Referents: each is printed with first name, function, phone and e-mail in the referent annex.
  const referents = new Set<string>([
    ...(d.observatory?.coordinatorReferents ?? []),
    ...(d.observatory?.contractorReferents ?? []),
    ...d.partners.flatMap((p) => p.referents),
  ]);
  const inAnnex = 'un blanc à compléter figurera dans l’annexe des référents';
  for (const id of [...referents].sort()) {
    const p = d.people.get(id);
    if (!p) continue;
    if (!p.firstName) warn('person', id, 'firstName', `prénom de ${referent(p)} non renseigné : ${inAnnex}`);
    if (!p.function) warn('person', id, 'function', `fonction de ${referent(p)} non renseignée : ${inAnnex}`);
    if (!p.phone) warn('person', id, 'phone', `téléphone de ${referent(p)} non renseigné : ${inAnnex}`);
    if (!p.email) warn('person', id, 'email', `adresse électronique de ${referent(p)} non renseignée : ${inAnnex}`);
  }

  // Signing parties: the representative's name and title are printed in the signature block
  // of the conventions (coordinator, partners) and of the charters (signatories).
  const coordinator = d.observatory && d.organisations.get(d.observatory.coordinator);
  const contractor = d.observatory && d.organisations.get(d.observatory.contractor);
  const parties: { kind: EntityKind; id: string; representative?: string | undefined; representativeTitle?: string | undefined }[] = [
    ...(coordinator ? [{ kind: 'organisation' as const, ...coordinator }] : []),
    ...d.partners.map((p) => ({ kind: 'partner' as const, ...p })),
    ...d.signatories.map((s) => ({ kind: 'signatory' as const, ...s })),
  ];
  const signature = 'un blanc à compléter figurera dans le bloc de signature';
  const representatives = new Set<string>();
  for (const o of parties) {
    if (!o.representative) warn(o.kind, o.id, 'representative', `représentant de « ${o.id} » non renseigné : le nom du signataire sera laissé en blanc`);
    else representatives.add(o.representative);
    if (!o.representativeTitle) warn(o.kind, o.id, 'representativeTitle', `titre du représentant de « ${o.id} » non renseigné (« Maire », « Directeur »…) : ${signature}`);
  }
  for (const id of [...representatives].sort()) {
    const p = d.people.get(id);
    if (p && !p.firstName) warn('person', id, 'firstName', `prénom de ${named(p)} (${p.civility === 'Mme' ? 'représentante' : 'représentant'}) non renseigné : ${signature}`);
  }

  // Addresses: partners and the coordinator are designated with theirs in the parties block.
  for (const p of d.partners) {
    if (!p.address) warn('partner', p.id, 'address', `adresse de « ${p.id} » non renseignée : un blanc à compléter figurera dans la désignation des parties`);
  }
  if (coordinator && !coordinator.address) {
    warn('organisation', coordinator.id, 'address', `adresse de « ${coordinator.id} » non renseignée : un blanc à compléter figurera dans la désignation des parties`);
  }
  // The contractor's engagement act (required by some partners) asks for its address and SIRET.
  if (contractor && d.partners.some((p) => p.engagementAct)) {
    const act = 'un blanc à compléter figurera dans l’acte d’engagement';
    if (!contractor.address) warn('organisation', contractor.id, 'address', `adresse de « ${contractor.id} » (prestataire) non renseignée : ${act}`);
    if (!contractor.siret) warn('organisation', contractor.id, 'siret', `SIRET de « ${contractor.id} » (prestataire) non renseigné : ${act}`);
  }
  return out;
}
