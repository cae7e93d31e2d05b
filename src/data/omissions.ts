import type { DataProblem, DatasetView, EntityKind } from './types.js';

/**
 * What the data leaves silently out of the documents, as `convkit validate` warnings naming the
 * fix: a partner or signatory that no deliberation approves (its convention or charter is not
 * annexed to any deliberation, nor in its transmission packet), and a person no document names
 * (neither referent nor representative, nor a council member of a deliberation).
 */
export function omissionWarnings(d: DatasetView): DataProblem[] {
  const out: DataProblem[] = [];
  const warn = (code: 'not-approved' | 'unused', kind: EntityKind, id: string, message: string): void => {
    out.push({ severity: 'warning', code, message, location: d.sources.locate(kind, id, ['id']) ?? { file: d.root } });
  };

  // Approval: only when the data has deliberations (a folder without any approves nothing).
  if (d.deliberations.length > 0) {
    const approved = new Set(d.deliberations.flatMap((x) => x.approves.map((a) => (a.kind === 'convention' ? `convention:${a.partner}` : a.kind === 'charter' ? `charter:${a.signatory}` : `avenant:${a.partner}`))));
    // Where to add it: the deliberation the observatory names, else the only one, else the latest.
    const named = d.observatory?.deliberation.id;
    const target = d.deliberations.find((x) => x.id === named) ?? d.deliberations[d.deliberations.length - 1];
    const file = target ? (d.sources.locate('deliberation', target.id, ['approves'])?.file ?? `deliberations/${target.id}.yaml`) : 'data/deliberations/';
    for (const p of d.partners) {
      if (approved.has(`convention:${p.id}`)) continue;
      warn(
        'not-approved',
        'partner',
        p.id,
        `aucune délibération n’approuve la convention de « ${p.id} » : ajoutez « - { kind: convention, partner: ${p.id} } » à \`approves\` dans ${file}`,
      );
    }
    for (const s of d.signatories) {
      if (approved.has(`charter:${s.id}`)) continue;
      warn(
        'not-approved',
        'signatory',
        s.id,
        `aucune délibération n’approuve la charte de « ${s.id} » : ajoutez « - { kind: charter, signatory: ${s.id} } » à \`approves\` dans ${file}`,
      );
    }
  }

  // People: named by a referent annex, a parties or signature block, or a deliberation's members.
  const used = new Set<string>([...(d.observatory?.coordinatorReferents ?? []), ...(d.observatory?.contractorReferents ?? [])]);
  for (const p of d.partners) for (const r of p.referents) used.add(r);
  for (const o of [...d.organisations.values(), ...d.partners, ...d.signatories]) if (o.representative !== undefined) used.add(o.representative);
  for (const x of d.deliberations) for (const m of x.members) if (m.person !== undefined) used.add(m.person);
  for (const id of [...d.people.keys()].sort()) {
    if (used.has(id)) continue;
    const p = d.people.get(id);
    const f = p?.civility === 'Mme';
    warn(
      'unused',
      'person',
      id,
      `« ${id} » n’est ${f ? 'citée' : 'cité'} dans aucun document : ajoutez « ${id} » aux \`referents\` d’un partenaire ou indiquez-${f ? 'la' : 'le'} comme \`representative\`${p?.organisation !== undefined ? ` dans le fichier de « ${p.organisation} »` : ''}, sinon retirez-${f ? 'la' : 'le'} de data/people/`,
    );
  }
  return out;
}
