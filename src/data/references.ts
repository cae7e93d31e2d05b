import type { DataProblem, DataProblemCode, DatasetView, EntityKind } from './types.js';
import { closest } from './messages.js';

/** « personne inconnue », « partenaire inconnu »…: the start of a dangling reference's message. */
export const UNKNOWN_LABEL: Readonly<Record<EntityKind, string>> = {
  person: 'personne inconnue',
  partner: 'partenaire inconnu',
  organisation: 'organisation inconnue',
  signatory: 'signataire inconnu',
  deliberation: 'délibération inconnue',
  observatory: 'observatoire inconnu',
};

/**
 * Answers whether an id of a kind may exist. True also for ids of files rejected for another
 * reason, and for every id of a kind one of whose files could not be read at all: a reference
 * is called unknown only when it certainly is.
 */
export interface KnownIds {
  readonly isKnown: (kind: EntityKind, id: string) => boolean;
  /** Every id read for a kind, valid or not: candidates for « did you mean ». */
  readonly candidates: (kind: EntityKind) => readonly string[];
  /** The data folder has a `deliberations/` folder: the observatory's deliberation must be in it. */
  readonly hasDeliberations: boolean;
}

/**
 * Cross-file checks on the valid entities: references to people, partners, organisations,
 * signatories and deliberations; a partner used as its own interface or through a chain of
 * interfaces; a person listed twice as referent; a representative or referent attached to
 * another organisation; the observatory's deliberation date against the deliberation's own.
 */
export function checkReferences(d: DatasetView, known: KnownIds): DataProblem[] {
  const { isKnown, candidates } = known;
  const out: DataProblem[] = [];
  const report = (
    severity: DataProblem['severity'],
    code: DataProblemCode,
    kind: EntityKind,
    id: string,
    field: readonly (string | number)[],
    message: string,
  ): void => {
    out.push({ severity, code, message, location: d.sources.locate(kind, id, field) ?? { file: d.root } });
  };
  /** Reports `ref` when no entity of the `target` kind (or of `alsoAccepted`) may have it. */
  const need = (
    from: EntityKind,
    id: string,
    field: readonly (string | number)[],
    ref: string | undefined,
    target: EntityKind,
    alsoAccepted: readonly EntityKind[] = [],
  ): void => {
    if (ref === undefined) return;
    if ([target, ...alsoAccepted].some((k) => isKnown(k, ref))) return;
    const kinds = [target, ...alsoAccepted];
    const guess = closest(ref, kinds.flatMap((k) => candidates(k)));
    report('error', 'unknown-reference', from, id, field, `${UNKNOWN_LABEL[target]} : « ${ref} »${guess ? suggestion(ref, guess, kinds) : ''}`);
  };
  /**
   * « (vouliez-vous dire « x » ?) »; when the guess is a party (organisation, partner, signatory),
   * the suggestion says which one it is, and that a new party needs its own file: a close id
   * may well be another partner (« caf-21 » for a new « cnaf-21 »).
   */
  const suggestion = (ref: string, guess: string, kinds: readonly EntityKind[]): string => {
    // Only a guess of another kind than the one the field names needs saying what it is.
    const party =
      (kinds[0] !== 'partner' && kinds.includes('partner') ? d.partners.find((p) => p.id === guess) : undefined) ??
      (kinds[0] !== 'signatory' && kinds.includes('signatory') ? d.signatories.find((p) => p.id === guess) : undefined);
    if (!party) return ` (vouliez-vous dire « ${guess} » ?)`;
    const kind = d.partners.some((p) => p.id === guess) ? 'partenaire' : 'signataire';
    const folder = kind === 'partenaire' ? 'partners' : 'signatories';
    return ` (vouliez-vous dire « ${guess} », le ${kind} « ${party.shortName} » ? s’il s’agit d’un autre ${kind}, créez data/${folder}/${ref}.yaml)`;
  };
  /** A person attached (field `organisation`) to another organisation than the one they act for. */
  const belongs = (
    from: EntityKind,
    id: string,
    field: readonly (string | number)[],
    personId: string,
    orgId: string,
    role: 'referent' | 'representative',
  ): void => {
    const person = d.people.get(personId);
    if (person?.organisation !== undefined && person.organisation !== orgId) {
      const f = person.civility === 'Mme';
      const who = role === 'referent' ? (f ? 'la référente' : 'le référent') : f ? 'la représentante' : 'le représentant';
      report(
        'warning',
        'inconsistent',
        from,
        id,
        field,
        `${who} « ${personId} » est ${f ? 'rattachée' : 'rattaché'} à « ${person.organisation} » dans data/people/, pas à « ${orgId} » : erreur de copier-coller ?`,
      );
    }
  };
  const noRepeats = (from: EntityKind, id: string, field: string, list: readonly string[]): void => {
    list.forEach((ref, i) => {
      const first = list.indexOf(ref);
      if (first !== i) report('error', 'duplicate-reference', from, id, [field, i], `« ${ref} » figure déjà dans la liste (${field}[${first}])`);
    });
  };

  const o = d.observatory;
  if (o) {
    const obs = (field: readonly (string | number)[], ref: string, kind: EntityKind): void => need('observatory', 'observatory', field, ref, kind);
    obs(['coordinator'], o.coordinator, 'organisation');
    obs(['contractor'], o.contractor, 'organisation');
    if (o.coordinator === o.contractor) {
      report('error', 'inconsistent', 'observatory', 'observatory', ['contractor'], `le prestataire ne peut pas être aussi le coordinateur (« ${o.contractor} »)`);
    }
    for (const [field, org] of [['coordinatorReferents', o.coordinator], ['contractorReferents', o.contractor]] as const) {
      o[field].forEach((r, i) => {
        obs([field, i], r, 'person');
        belongs('observatory', 'observatory', [field, i], r, org, 'referent');
      });
      noRepeats('observatory', 'observatory', field, o[field]);
    }
    const delib = o.deliberation.id;
    if (delib !== undefined && known.hasDeliberations) {
      need('observatory', 'observatory', ['deliberation', 'id'], delib, 'deliberation');
      const found = d.deliberations.find((x) => x.id === delib);
      if (found && found.date !== o.deliberation.date) {
        report(
          'error',
          'inconsistent',
          'observatory',
          'observatory',
          ['deliberation', 'date'],
          `date différente de celle de la délibération « ${delib} » (${found.date}) : « ${o.deliberation.date} »`,
        );
      }
    }
  }

  for (const org of d.organisations.values()) {
    need('organisation', org.id, ['representative'], org.representative, 'person');
    if (org.representative) belongs('organisation', org.id, ['representative'], org.representative, org.id, 'representative');
  }

  const byId = new Map(d.partners.map((p) => [p.id, p]));
  for (const p of d.partners) {
    need('partner', p.id, ['representative'], p.representative, 'person');
    if (p.representative) belongs('partner', p.id, ['representative'], p.representative, p.id, 'representative');
    p.referents.forEach((r, i) => {
      need('partner', p.id, ['referents', i], r, 'person');
      belongs('partner', p.id, ['referents', i], r, p.id, 'referent');
    });
    noRepeats('partner', p.id, 'referents', p.referents);
    if (p.collection.mode === 'interface') {
      const via = p.collection.via;
      if (via === p.id) {
        report('error', 'self-interface', 'partner', p.id, ['collection', 'via'], `un partenaire ne peut pas être sa propre interface (« ${via} »)`);
      } else {
        need('partner', p.id, ['collection', 'via'], via, 'partner');
        const target = byId.get(via);
        if (target?.collection.mode === 'interface') {
          report(
            'error',
            'interface-chain',
            'partner',
            p.id,
            ['collection', 'via'],
            `l’interface « ${via} » collecte elle-même ses données par « ${target.collection.via} » : indiquez un partenaire en collecte directe`,
          );
        }
      }
    }
  }

  for (const s of d.signatories) {
    need('signatory', s.id, ['representative'], s.representative, 'person');
    if (s.representative) belongs('signatory', s.id, ['representative'], s.representative, s.id, 'representative');
  }

  for (const person of d.people.values()) {
    need('person', person.id, ['organisation'], person.organisation, 'organisation', ['partner', 'signatory']);
  }

  for (const delib of d.deliberations) {
    delib.members.forEach((m, i) => need('deliberation', delib.id, ['members', i, 'person'], m.person, 'person'));
    delib.approves.forEach((a, i) => {
      if (a.kind === 'convention' || a.kind === 'avenant') need('deliberation', delib.id, ['approves', i, 'partner'], a.partner, 'partner');
      else need('deliberation', delib.id, ['approves', i, 'signatory'], a.signatory, 'signatory');
    });
  }
  return out;
}
