/**
 * Amendments (« avenants ») of the partners' conventions and the deliberations that approve
 * them: what `convkit packet` needs to reproduce an approved avenant must be in the data, and
 * the partner's history and the deliberations must agree. Errors at the field, in French.
 */
import { probeBase } from '../../lifecycle/base.js';
import { formatPath } from '../field-path.js';
import { closest } from '../messages.js';
import type { KnownIds } from '../references.js';
import type { DataProblem, DataProblemCode, DatasetView, EntityKind } from '../types.js';

const NBSP = '\u00a0';

/**
 * - in a partner's `amendments`: a number recorded twice, an unknown approving deliberation, a
 *   base version (`from`) that cannot be read or that does not precede this avenant;
 * - in a deliberation's `approves`: an avenant the partner does not record, one the partner
 *   says another deliberation approved, one approved by two deliberations, one without `from`.
 */
export function amendmentProblems(d: DatasetView, known: KnownIds): DataProblem[] {
  const out: DataProblem[] = [];
  const error = (kind: EntityKind, id: string, field: readonly (string | number)[], message: string, code: DataProblemCode = 'inconsistent'): void => {
    const at = d.sources.locate(kind, id, field);
    out.push({ severity: 'error', code, message, location: at ? { ...at, field: formatPath(field) } : { file: d.root } });
  };
  const where = (kind: EntityKind, id: string, field: readonly (string | number)[]): string => {
    const at = d.sources.locate(kind, id, field);
    return at ? `${at.file}:${at.line ?? 1}` : id;
  };

  for (const p of d.partners) {
    const list = p.amendments ?? [];
    list.forEach((a, k) => {
      const first = list.findIndex((x) => x.number === a.number);
      if (first !== k) error('partner', p.id, ['amendments', k, 'number'], `avenant n°${NBSP}${a.number} déjà enregistré (amendments[${first}])`);
      if (a.deliberation !== undefined && !known.isKnown('deliberation', a.deliberation)) {
        const guess = closest(a.deliberation, known.candidates('deliberation'));
        error('partner', p.id, ['amendments', k, 'deliberation'], `délibération inconnue : « ${a.deliberation} »${guess ? ` (vouliez-vous dire « ${guess} » ?)` : ''}`, 'unknown-reference');
      }
      if (a.from !== undefined) {
        const probe = probeBase(d.root, a.from, p.id);
        if (!probe.ok) {
          error('partner', p.id, ['amendments', k, 'from'], `version modifiée par l’avenant n°${NBSP}${a.number} illisible : ${probe.message}`);
        } else {
          const last = Math.max(0, ...probe.numbers);
          if (last + 1 !== a.number) {
            error(
              'partner',
              p.id,
              ['amendments', k, 'from'],
              last >= a.number
                ? `la version « ${a.from} » enregistre déjà l’avenant n°${NBSP}${last} : l’avenant n°${NBSP}${a.number} modifie la version antérieure à sa signature`
                : `la version « ${a.from} » ne compte ${last === 0 ? 'aucun avenant' : `que l’avenant n°${NBSP}${last}`} : l’avenant n°${NBSP}${a.number} modifie la version signée après l’avenant n°${NBSP}${a.number - 1}`,
            );
          }
        }
      }
    });
  }

  /** « partner#number » → the first deliberation approving it. */
  const approvedBy = new Map<string, { id: string; index: number }>();
  for (const delib of d.deliberations) {
    delib.approves.forEach((a, i) => {
      if (a.kind !== 'avenant') return;
      const partner = d.partners.find((p) => p.id === a.partner);
      if (!partner) return; // reported with the other references
      const what = `l’avenant n°${NBSP}${a.number} à la convention de « ${a.partner} »`;
      const list = partner.amendments ?? [];
      const k = list.findIndex((x) => x.number === a.number);
      const entry = list[k];
      if (!entry) {
        const recorded = list.map((x) => `n°${NBSP}${x.number}`).join(', ');
        error(
          'deliberation',
          delib.id,
          ['approves', i, 'number'],
          `avenant inconnu : ${where('partner', partner.id, ['amendments'])} n’enregistre pas ${what} (${
            recorded ? `avenants enregistrés : ${recorded}` : `aucun avenant enregistré : ajoutez « - { number: ${a.number}, date: AAAA-MM-JJ, from: <révision signée> } » à amendments`
          })`,
          'unknown-reference',
        );
        return;
      }
      if (entry.deliberation !== undefined && entry.deliberation !== delib.id) {
        error(
          'deliberation',
          delib.id,
          ['approves', i],
          `${what} est approuvé par la délibération « ${entry.deliberation} » selon ${where('partner', partner.id, ['amendments', k, 'deliberation'])} (amendments[${k}].deliberation) : corrigez l’un ou l’autre`,
        );
      }
      const key = `${a.partner}#${a.number}`;
      const first = approvedBy.get(key);
      if (first && first.id !== delib.id) {
        error('deliberation', delib.id, ['approves', i], `${what} est déjà approuvé par la délibération « ${first.id} » (${where('deliberation', first.id, ['approves', first.index])})`);
      } else if (!first) {
        approvedBy.set(key, { id: delib.id, index: i });
      }
      if (entry.from === undefined) {
        error(
          'partner',
          partner.id,
          ['amendments', k, 'from'],
          `l’avenant n°${NBSP}${a.number}, approuvé par la délibération « ${delib.id} », n’indique pas la version qu’il modifie : ajoutez « from: » (la révision git ou le dossier de la convention telle que signée) pour que le paquet puisse le reproduire`,
        );
      }
    });
  }
  return out;
}
