import { formatPath } from '../data/field-path.js';
import type { Parsed } from '../data/load.js';
import { positionOf } from '../data/yaml-source.js';
import type { Location } from '../errors.js';
import type { Deliberation } from '../schema/deliberation.js';
import { deriveAttendance, isSitting, memberIndex, type Listed } from './attendance.js';
import { memberName, nameKey } from './names.js';

/** Transmission format of an act number (the prefecture's « numéro de l'acte »). */
export const ACT_NUMBER_PATTERN = /^([A-Z0-9][A-Z0-9_]{0,13})?[A-Z0-9]$/;
/** Longest object line the transmission accepts. */
export const OBJECT_LINE_MAX = 499;

/** Rule ids, printed in every message so the clerk knows which rule failed. */
export const DELIBERATION_RULES = {
  seats: 'sièges',
  membersInOffice: 'membres-en-exercice',
  present: 'présents',
  proxies: 'procurations',
  voters: 'votants',
  tally: 'scrutin',
  quorum: 'quorum',
  oneProxy: 'une-procuration-par-membre',
  holderPresent: 'mandataire-présent',
  presentAndRepresented: 'présent-ou-représenté',
  duplicate: 'membre-en-double',
  unknownMember: 'membre-inconnu',
  substitute: 'suppléance',
  officers: 'président-et-secrétaire',
  actNumber: 'numéro-acte',
  objectLine: 'ligne-objet',
  approved: 'document-approuvé',
  person: 'personne',
} as const;
export type DeliberationRule = (typeof DELIBERATION_RULES)[keyof typeof DELIBERATION_RULES];

/** A failed check: rule id, French message with the figures, place in the data file. */
export interface DeliberationProblem {
  readonly rule: DeliberationRule;
  readonly message: string;
  readonly location: Location;
  readonly severity: 'error';
}

/** Ids the deliberation may reference; a missing set is not checked. */
export interface KnownIds {
  readonly partners: ReadonlySet<string>;
  readonly signatories: ReadonlySet<string>;
  readonly people?: ReadonlySet<string>;
}

/**
 * Runs every check of a deliberation before anything is written: counts derived from the lists
 * against the declared counts, the tally, quorum, proxies, substitutions, the act number, the
 * object line and the approved documents. Returns every problem, in the order of the file.
 */
export function checkDeliberation(parsed: Parsed<Deliberation>, known?: KnownIds): DeliberationProblem[] {
  const d = parsed.value;
  const out: DeliberationProblem[] = [];
  const at = (p: readonly (string | number)[]): Location => ({
    file: parsed.file,
    ...positionOf(parsed.source, [...parsed.prefix, ...p]),
    field: formatPath(p),
  });
  const lineOf = (p: readonly (string | number)[]): string => {
    const loc = positionOf(parsed.source, [...parsed.prefix, ...p]);
    return loc ? `${parsed.file}:${loc.line}` : parsed.file;
  };
  const report = (rule: DeliberationRule, p: readonly (string | number)[], message: string): void => {
    out.push({ rule, message: `[${rule}] ${message}`, location: at(p), severity: 'error' });
  };
  const who = (l: Listed): string => `${memberName(l.member)} (${lineOf(['members', l.index])})`;

  const att = deriveAttendance(d);
  const c = att.counts;
  const find = memberIndex(d.members);

  // Each person is listed once: listed twice, one may be both present and represented.
  const seen = new Map<string, Listed>();
  d.members.forEach((member, index) => {
    const k = nameKey(memberName(member));
    const first = seen.get(k);
    if (!first) {
      seen.set(k, { index, member });
      return;
    }
    const statuses = new Set([first.member.status, member.status]);
    if (statuses.has('proxy') && (statuses.has('present') || statuses.has('substitute'))) {
      report(
        DELIBERATION_RULES.presentAndRepresented,
        ['members', index],
        `${memberName(member)} ne peut pas être à la fois présent(e) et représenté(e) par une procuration ` +
          `(listé(e) aussi en ${lineOf(['members', first.index])})`,
      );
    } else {
      report(DELIBERATION_RULES.duplicate, ['members', index], `${memberName(member)} est listé(e) deux fois (aussi en ${lineOf(['members', first.index])})`);
    }
  });

  // Declared counts against the counts derived from the lists.
  const declared = d.declared;
  const compare = (
    rule: DeliberationRule,
    field: keyof typeof declared,
    label: string,
    derived: number,
    how: string,
  ): void => {
    const value = declared[field];
    if (value !== undefined && value !== derived) {
      report(rule, ['declared', field], `${label} déclaré : ${value}, mais les listes en donnent ${derived} (${how})`);
    }
  };
  compare(DELIBERATION_RULES.membersInOffice, 'membersInOffice', 'nombre de membres en exercice', c.membersInOffice, `${c.membersInOffice} titulaires listés`);
  compare(
    DELIBERATION_RULES.present,
    'present',
    'nombre de présents',
    c.present,
    `${att.presentTitulaires.length} titulaires présents + ${att.substitutes.length} suppléant(s) avec voix délibérative`,
  );
  compare(DELIBERATION_RULES.proxies, 'proxies', 'nombre de procurations', c.proxies, `${c.proxies} membres absents ayant donné pouvoir`);
  compare(DELIBERATION_RULES.voters, 'voters', 'nombre de votants', c.voters, `${c.present} présents + ${c.proxies} procurations`);
  if (declared.seats !== undefined && declared.seats < c.membersInOffice) {
    report(
      DELIBERATION_RULES.seats,
      ['declared', 'seats'],
      `nombre de membres du conseil déclaré : ${declared.seats}, inférieur au nombre de membres en exercice (${c.membersInOffice})`,
    );
  }

  // The tally adds up to the voters.
  const v = d.vote;
  const cast = v.for + v.against + v.abstentions + v.notVoting;
  if (cast !== c.voters) {
    report(
      DELIBERATION_RULES.tally,
      ['vote'],
      `le scrutin ne correspond pas au nombre de votants : pour ${v.for} + contre ${v.against} + abstentions ${v.abstentions} ` +
        `+ ne se prononce pas ${v.notVoting} = ${cast}, mais il y a ${c.voters} votants (${c.present} présents + ${c.proxies} procurations)`,
    );
  }

  // Quorum: more than half of the members in office present.
  const needed = Math.floor(c.membersInOffice / 2) + 1;
  if (c.present < needed) {
    report(
      DELIBERATION_RULES.quorum,
      ['members'],
      `quorum non atteint : ${c.present} présents pour ${c.membersInOffice} membres en exercice ` +
        `(il faut plus de la moitié des membres en exercice, soit au moins ${needed} présents)`,
    );
  }

  // Proxies: the holder is listed, sits, holds at most one proxy.
  const held = new Map<number, Listed>();
  for (const p of att.proxies) {
    const path = ['members', p.giver.index, 'to'];
    if (!p.holder) {
      report(DELIBERATION_RULES.unknownMember, path, `${memberName(p.giver.member)} donne pouvoir à « ${p.giver.member.to} », qui n'est pas dans la liste des membres`);
      continue;
    }
    if (p.holder.index === p.giver.index) {
      report(DELIBERATION_RULES.holderPresent, path, `${memberName(p.giver.member)} ne peut pas se donner pouvoir à lui-même ou elle-même`);
      continue;
    }
    if (!isSitting(p.holder.member)) {
      report(
        DELIBERATION_RULES.holderPresent,
        path,
        `${memberName(p.giver.member)} donne pouvoir à ${who(p.holder)}, qui n'est pas présent(e) ` +
          `(statut « ${STATUS_LABEL[p.holder.member.status]} ») : le mandataire doit être présent`,
      );
    }
    const first = held.get(p.holder.index);
    if (first) {
      report(
        DELIBERATION_RULES.oneProxy,
        path,
        `${memberName(p.holder.member)} détient 2 procurations, de ${who(first)} et de ${who(p.giver)} : ` +
          `un membre ne peut détenir qu'une seule procuration`,
      );
    } else {
      held.set(p.holder.index, p.giver);
    }
  }

  // Substitutes sit for a listed, absent titulaire, one substitute per titulaire.
  const replaced = new Map<number, Listed>();
  for (const s of att.substitutes) {
    const path = ['members', s.substitute.index, 'for'];
    const name = memberName(s.substitute.member);
    if (!s.replaces) {
      report(DELIBERATION_RULES.unknownMember, path, `${name} supplée « ${s.substitute.member.for} », qui n'est pas dans la liste des membres`);
      continue;
    }
    if (s.replaces.member.status !== 'absent') {
      report(
        DELIBERATION_RULES.substitute,
        path,
        `${name} supplée ${who(s.replaces)}, dont le statut est « ${STATUS_LABEL[s.replaces.member.status]} » : ` +
          `un suppléant ne siège que pour un titulaire absent sans procuration`,
      );
    }
    const first = replaced.get(s.replaces.index);
    if (first) {
      report(DELIBERATION_RULES.substitute, path, `${memberName(s.replaces.member)} est suppléé(e) deux fois : par ${who(first)} et par ${name}`);
    } else {
      replaced.set(s.replaces.index, s.substitute);
    }
  }

  // The president and the secretary of the session sit.
  for (const [field, label] of [
    ['president', 'le président'],
    ['secretary', 'le ou la secrétaire de séance'],
  ] as const) {
    const m = find(d[field]);
    if (!m) report(DELIBERATION_RULES.unknownMember, [field], `${label} « ${d[field]} » n'est pas dans la liste des membres`);
    else if (!isSitting(m.member)) report(DELIBERATION_RULES.officers, [field], `${label}, ${who(m)}, doit être présent(e) à la séance`);
  }

  // Transmission: act number and object line.
  if (!ACT_NUMBER_PATTERN.test(d.actNumber)) {
    report(
      DELIBERATION_RULES.actNumber,
      ['actNumber'],
      `numéro d'acte « ${d.actNumber} » invalide : 1 à 15 caractères, majuscules sans accent, chiffres et « _ », ` +
        `sans « _ » au début ni à la fin (format ${ACT_NUMBER_PATTERN.source})`,
    );
  }
  const objectLength = [...d.objectLine].length;
  if (objectLength > OBJECT_LINE_MAX) {
    report(DELIBERATION_RULES.objectLine, ['objectLine'], `ligne d'objet trop longue : ${objectLength} caractères, au plus ${OBJECT_LINE_MAX}`);
  }
  if (/[\r\n\u2028\u2029]/.test(d.objectLine)) {
    const lines = d.objectLine.split(/\r\n|[\r\n\u2028\u2029]/).length;
    report(DELIBERATION_RULES.objectLine, ['objectLine'], `la ligne d'objet contient un saut de ligne (${lines} lignes) : elle doit tenir sur une seule ligne`);
  }
  if (d.objectLine.trim() === '') report(DELIBERATION_RULES.objectLine, ['objectLine'], `la ligne d'objet est vide`);

  // Approved documents are listed once each; with `known`, they exist (the data folder's
  // reference checks cover existence when run from `checkDataset`).
  const approved = new Set<string>();
  d.approves.forEach((a, i) => {
    const [field, id, dir] = a.kind === 'charter' ? (['signatory', a.signatory, 'signatories'] as const) : (['partner', a.partner, 'partners'] as const);
    const label = a.kind === 'charter' ? 'charte' : 'convention';
    const set = known ? (a.kind === 'charter' ? known.signatories : known.partners) : undefined;
    if (set && !set.has(id)) {
      const unknown = a.kind === 'avenant' ? `avenant approuvé à la convention d'un partenaire inconnu : « ${id} »` : `${label} approuvée inconnue : « ${id} »`;
      report(DELIBERATION_RULES.approved, ['approves', i, field], `${unknown} (aucun fichier data/${dir}/${id}.yaml)`);
    }
    const k = a.kind === 'avenant' ? `avenant:${id}:${a.number}` : `${a.kind}:${id}`;
    const what = a.kind === 'avenant' ? `avenant n°\u00a0${a.number} de la convention de « ${id} »` : `${label} « ${id} »`;
    if (approved.has(k)) report(DELIBERATION_RULES.approved, ['approves', i], `document approuvé en double : ${what}`);
    approved.add(k);
  });
  const people = known?.people;
  if (people) {
    d.members.forEach((m, i) => {
      if (m.person !== undefined && !people.has(m.person)) {
        report(DELIBERATION_RULES.person, ['members', i, 'person'], `personne inconnue : « ${m.person} » (aucune entrée dans data/people/)`);
      }
    });
  }

  return out.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
}

const STATUS_LABEL = {
  present: 'présent',
  absent: 'absent',
  proxy: 'absent avec procuration',
  substitute: 'suppléant',
} as const;
