/**
 * Consistency between fields of one entity, which the schema cannot see and which would make
 * the documents wrong (and the linter loud) although each field is valid on its own. Each is a
 * warning at the field, with the fix (validate is never silent where lint will speak):
 *   - a name that starts with its article (« La CAISSE … »): convkit adds the article itself;
 *   - an article that contradicts the gender (`article: la` with `gender: m`), or an elided
 *     article before a consonant (« l’Pôle Emploi »);
 *   - an article or a gender that the body's name does not take, read as the linter reads it
 *     (src/lint/text/organisations.ts: « le Pôle Emploi », « la URSSAF », « le CAF »);
 *   - a legal name with a dash between spaces, which opens the address in the parties block;
 *   - a source label that does not name the partner (left over after a change of name);
 *   - a short name and a designation that name the same kind of body in two places (« URSSAF
 *     Côte-d'Or » in the text, « URSSAF Bourgogne » in the parties block): the linter reads the
 *     text's body as another one than the party;
 *   - `clauses.observatoryMission` on a partner whose data an interface (the MDEF) collects:
 *     the mission is the interface's own, and the clause would repeat its text.
 */
import { expectedArticle, readName } from '../../lint/text/organisations.js';
import type { DataProblem, DatasetView, EntityKind } from '../types.js';

type Named = {
  readonly id: string;
  readonly legalName: string;
  readonly shortName: string;
  readonly gender: 'm' | 'f';
  readonly article: 'le' | 'la' | 'elided' | 'none';
  readonly legalGender?: 'm' | 'f' | undefined;
  readonly legalArticle?: 'le' | 'la' | 'elided' | 'none' | undefined;
};

/** « La », « LE », « L’ », « Les » at the start of a name. */
const LEADING_ARTICLE = /^(la|le|les)\s+|^(l)['’]\s*/iu;

const ARTICLE_GENDER = { la: 'f', le: 'm' } as const;

/** Folded word: lower case, no accent. */
function fold(w: string): string {
  return w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a name (« d’Allocations » → « allocations »). */
function wordsOf(name: string): string[] {
  return name
    .split(/[\s\-–,;:()«»/]+/u)
    .map((w) => fold(w.replace(/^[dl]['’]/iu, '')))
    .filter((w) => w.length > 0);
}

/**
 * The source label names the partner: its first word is a word of the short or legal name, or
 * the initials of the legal name's capitalised words (« CAF » for « Caisse d'Allocations
 * Familiales … »). A label naming the former body after a change of name does not.
 */
function namesPartner(label: string, p: { readonly shortName: string; readonly legalName: string }): boolean {
  const first = wordsOf(label)[0];
  if (first === undefined) return false;
  if ([...wordsOf(p.shortName), ...wordsOf(p.legalName)].includes(first)) return true;
  const initials = p.legalName
    .split(/[\s\-–]+/u)
    .map((w) => w.replace(/^[dl]['’]/iu, ''))
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => fold(w[0] as string))
    .join('');
  return first.length >= 2 && initials.startsWith(first);
}

/**
 * Prepositions (and their contraction with the article) that the documents already write
 * before a name (« du Grand Dijon », « de l'Observatoire »): a name starting with one
 * reads doubled (« du du … », fuzz: observatory name « du l'Emploi … »).
 */
const LEADING_LINK = /^(?:(du|de)\s+|(d['’])\s*(?=\p{L}))/iu;

/** The message for a name that starts with a preposition the documents add, or undefined. */
function leadingLink(name: string): string | undefined {
  const m = LEADING_LINK.exec(name.trim());
  if (!m) return undefined;
  const link = (m[1] ?? m[2]) as string;
  const rest = name.trim().slice(m[0].length).trim();
  return `le nom commence par « ${link} », que les documents écrivent déjà devant lui (« du ${name.trim()} », « de ${name.trim()} ») : convkit lint relèverait le mot répété. Écrivez le nom sans « ${link} »${rest ? ` (« ${rest} »)` : ''}`;
}

const PLACE_LINKS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'et', 'd', 'l']);

/**
 * The place words after a name's first word (« CAF de la Côte d'Or » → « cote or »), as the
 * linter compares a body's mentions with the parties (src/lint/rules/util/partner.ts): a number
 * (« CAF 21 ») or nothing stands for any place.
 */
function placeOf(name: string): string | undefined {
  const words = wordsOf(name).flatMap((w) => w.split(/['’]/u));
  const place = words.slice(1).filter((w) => w.length > 0 && !PLACE_LINKS.has(w));
  if (place.length === 0 || /^\d/.test(place[0] as string)) return undefined;
  return place.join(' ');
}

/** Two names of the same body in two different places: same first word, places that differ. */
function otherPlace(a: string, b: string): boolean {
  if (wordsOf(a)[0] !== wordsOf(b)[0]) return false;
  const pa = placeOf(a);
  const pb = placeOf(b);
  if (pa === undefined || pb === undefined || pa === pb) return false;
  return !pa.startsWith(`${pb} `) && !pb.startsWith(`${pa} `);
}

export function consistencyProblems(d: DatasetView): DataProblem[] {
  const out: DataProblem[] = [];
  const report = (kind: EntityKind, id: string, field: readonly (string | number)[], message: string, severity: DataProblem['severity'] = 'warning'): void => {
    out.push({ severity, code: 'inconsistent', message, location: d.sources.locate(kind, id, field) ?? { file: d.root } });
  };
  // How the linter reads each name (a fresh lexicon index per name): read once, used by the
  // grammar checks below and by the short-name check of partners.
  const reads = new Map<string, ReturnType<typeof readName>>();
  const read = (name: string): ReturnType<typeof readName> => {
    if (!reads.has(name)) reads.set(name, readName(name));
    return reads.get(name);
  };
  const names = (kind: EntityKind, e: Named): void => {
    for (const [nameField, genderField, articleField, name, gender, article] of [
      ['shortName', 'gender', 'article', e.shortName, e.gender, e.article],
      ['legalName', e.legalGender !== undefined ? 'legalGender' : 'gender', e.legalArticle !== undefined ? 'legalArticle' : 'article', e.legalName, e.legalGender ?? e.gender, e.legalArticle ?? e.article],
    ] as const) {
      // An elided article before a consonant has its own message (below).
      const elidedBeforeConsonant = article === 'elided' && !/^[aeiouyhœæ]/u.test(fold(name));
      // A name that ends with a link word (« Grand Dijon pour ») is told by ./cut-values.ts, for
      // every text field.
      const linked = leadingLink(name);
      if (linked !== undefined) report(kind, e.id, [nameField], linked);
      const lead = LEADING_ARTICLE.exec(name);
      if (lead && article !== 'none') {
        const rest = name.slice(lead[0].length);
        report(
          kind,
          e.id,
          [nameField],
          `le nom commence par l’article « ${lead[0].trim()} », que convkit ajoute déjà (« ${articleField}: ${article} ») : les documents diraient « ${lead[0].trim()} ${lead[0].trim().toLowerCase()} … ». Écrivez le nom sans article (« ${rest} ») ou « ${articleField}: none »`,
        );
      } else if (lead && lead[1] !== undefined) {
        const written = lead[1].toLowerCase() as 'la' | 'le' | 'les';
        if (written !== 'les' && ARTICLE_GENDER[written] !== gender) {
          report(kind, e.id, [genderField], `« ${genderField}: ${gender} » contredit l’article « ${lead[1]} » écrit dans « ${nameField} » (« ${name} ») : écrivez « ${genderField}: ${ARTICLE_GENDER[written]} »`);
        }
      }
      if (elidedBeforeConsonant) {
        report(
          kind,
          e.id,
          [articleField],
          `« ${articleField}: elided » (« l’ ») ne va que devant une voyelle ou un h muet, or « ${name} » commence par une consonne : écrivez « ${articleField}: ${gender === 'f' ? 'la' : 'le'} » ou « ${articleField}: none »`,
          'warning',
        );
      }
      const reading = read(name);
      const written = { la: 'la', le: 'le', elided: "l'", none: undefined }[article];
      const wanted = reading && written !== undefined && !elidedBeforeConsonant ? expectedArticle(reading, name, written) : undefined;
      if (reading && wanted !== undefined) {
        const value = wanted === '' ? 'none' : wanted === "l'" ? 'elided' : wanted;
        report(
          kind,
          e.id,
          [articleField],
          `« ${articleField}: ${article} » donne « ${written} ${name} », ` +
            `${wanted === '' ? `or « ${name} » s’emploie sans article` : `or « ${name} » prend « ${wanted} »`} (convkit lint le relèverait) : écrivez « ${articleField}: ${value} »` +
            (value === 'la' || value === 'le' ? ` et « ${genderField}: ${ARTICLE_GENDER[value]} »` : ''),
        );
      } else if (reading && !reading.guessed && reading.gender !== gender) {
        report(
          kind,
          e.id,
          [genderField],
          `« ${genderField}: ${gender} » contredit le genre de « ${name} » (${reading.gender === 'f' ? 'féminin' : 'masculin'}) : les documents accorderaient mal (convkit lint le relèverait). Écrivez « ${genderField}: ${reading.gender} »`,
        );
      }
      if (article === 'la' || article === 'le') {
        if (ARTICLE_GENDER[article] !== gender) {
          report(
            kind,
            e.id,
            [genderField],
            `« ${genderField}: ${gender} » contredit « ${articleField}: ${article} » (« ${article} ${name} ») : écrivez « ${genderField}: ${ARTICLE_GENDER[article]} », ou « ${articleField}: ${article === 'la' ? 'le' : 'la'} »`,
          );
        }
      }
    }
  };
  // In the parties block a dash between spaces opens the address (« NOM – 40, avenue … – »):
  // a legal name holding one would be read as cut there.
  const partiesName = (kind: EntityKind, e: Named): void => {
    const dash = /\s([–—-])\s/u.exec(e.legalName);
    if (dash) {
      report(
        kind,
        e.id,
        ['legalName'],
        `le nom contient un tiret entre espaces (« ${e.legalName.slice(Math.max(0, dash.index - 15), dash.index + 18).trim()} ») : dans le bloc des parties, ce tiret ouvre l’adresse, et le nom y serait lu coupé (convkit lint le relèverait). Écrivez un trait d’union sans espaces (« Saône-et-Loire »), une virgule ou des parenthèses`,
      );
    }
  };
  // The observatory is written « l'Observatoire … » / « de l'Observatoire … »: its name takes
  // neither a preposition nor an article of its own.
  if (d.observatory) {
    const name = d.observatory.name;
    const linked = leadingLink(name);
    const lead = LEADING_ARTICLE.exec(name);
    if (linked !== undefined) report('observatory', 'observatory', ['name'], linked);
    else if (lead) {
      report('observatory', 'observatory', ['name'], `le nom commence par l’article « ${lead[0].trim()} », que les documents ajoutent déjà (« du ${name} ») : écrivez-le sans article (« ${name.slice(lead[0].length)} »)`);
    }
  }
  if (d.observatory) {
    // « Fait à Dijon, le … »: the place follows « à ».
    const place = /^(à|a|au|aux)\s+/iu.exec(d.observatory.place.trim());
    if (place) {
      report(
        'observatory',
        'observatory',
        ['place'],
        `le lieu commence par « ${place[1]} », que les documents écrivent déjà devant lui (« Fait à ${d.observatory.place.trim()} ») : convkit lint relèverait le mot répété. Écrivez le lieu seul (« ${d.observatory.place.trim().slice(place[0].length)} »)`,
      );
    }
    // Lists printed « a, b et c » (communes) and « a, b ou c » (formats): an item that starts
    // with the conjunction reads it twice once it comes last (« … Quetigny et et Talant »).
    for (const [field, items, conj] of [
      ['policyCommunes', d.observatory.policyCommunes, 'et'],
      ['dataFormats', d.observatory.dataFormats, 'ou'],
    ] as const) {
      items.forEach((item, i) => {
        const lead = /^(et|ou)\s+/iu.exec(item.trim());
        if (!lead) return;
        report(
          'observatory',
          'observatory',
          [field, i],
          `« ${item.trim()} » commence par « ${lead[1]} » : les documents impriment la liste « a, b ${conj} c » et ajoutent eux-mêmes « ${conj} » avant le dernier élément (mot répété, relevé par convkit lint). Écrivez l’élément seul (« ${item.trim().slice(lead[0].length)} »)`,
        );
      });
    }
  }
  // « … au moins 5 allocataires », « l'identification … des allocataires »: the people the
  // secrecy rule protects follow « des » (fuzz seed 20261206: « des des adjointe »).
  for (const p of d.partners) {
    const subjects = p.clauses.secrecy?.subjects;
    const lead = subjects === undefined ? null : /^(des|les|de|d['’])(?:\s+|(?<=['’]))/iu.exec(subjects.trim());
    if (subjects !== undefined && lead) {
      report(
        'partner',
        p.id,
        ['clauses', 'secrecy', 'subjects'],
        `« ${subjects} » commence par « ${lead[1]} » : la convention écrit « au moins N ${subjects} » et « l’identification … des ${subjects} » (mot répété). Écrivez le nom seul, au pluriel (« ${subjects.trim().slice(lead[0].length)} »)`,
      );
    }
  }
  // Values the documents print right after « de » or « du »: an assembly (« délibération du
  // Conseil de Communauté », fuzz seed 31415), a jurisdiction (« juridictions de Dijon », seed
  // 20261212), a designation standing for its body in the text (« … du cabinet Compas-tis »,
  // seed 20261212). One starting with the preposition reads it twice.
  const afterDe: (readonly [EntityKind, string, readonly string[], string | undefined])[] = [
    ...(d.observatory
      ? ([
          ['observatory', 'observatory', ['deliberation', 'body'], d.observatory.deliberation.body],
          ['observatory', 'observatory', ['terms', 'jurisdiction'], d.observatory.terms.jurisdiction],
        ] as const)
      : []),
    ...d.deliberations.map((x) => ['deliberation', x.id, ['body'], x.body] as const),
    ...d.partners.flatMap((p) => [['partner', p.id, ['terms', 'jurisdiction'], p.terms?.jurisdiction] as const, ['partner', p.id, ['designation'], p.designation] as const]),
    ...[...d.organisations.values()].map((o) => ['organisation', o.id, ['designation'], o.designation] as const),
  ];
  for (const [kind, id, field, value] of afterDe) {
    const linked = value === undefined ? undefined : leadingLink(value);
    if (linked !== undefined) report(kind, id, field, linked);
  }
  for (const o of d.organisations.values()) {
    names('organisation', o);
    partiesName('organisation', o);
  }
  for (const p of d.partners) {
    names('partner', p);
    partiesName('partner', p);
    if (!namesPartner(p.sourceLabel, p)) {
      report(
        'partner',
        p.id,
        ['sourceLabel'],
        `la mention de source « Source ${p.sourceLabel} » ne nomme pas ce partenaire (« ${p.shortName} », « ${p.legalName} ») : ` +
          `après un changement de nom, mettez-la à jour ; elle commence par un mot de son nom ou par son sigle (ex. « ${p.shortName} »)`,
        'warning',
      );
    }
    if (p.designation !== undefined && otherPlace(p.shortName, p.designation)) {
      report(
        'partner',
        p.id,
        ['shortName'],
        `le nom court « ${p.shortName} » et la désignation « ${p.designation} » nomment le même organisme en deux lieux différents : ` +
          `le texte parlerait d’un autre organisme que la partie désignée (convkit lint le relèverait). Donnez-leur le même lieu, ou un nom court sans lieu (« ${p.shortName.split(/\s+/u)[0] ?? p.shortName} »)`,
        'warning',
      );
    }
    // Without a designation, the parties block introduces the partner by its legal name only,
    // and the text then calls it by its short name: when that short name is a body the linter
    // knows (« Maison de l'Emploi ») and the legal name is not that body, a reader (and the
    // linter's partner-context and source-mention) takes the short name for another organisation.
    if (p.designation === undefined) {
      const short = read(p.shortName);
      if (short !== undefined && !short.id.startsWith('doc:') && read(p.legalName)?.id !== short.id) {
        report(
          'partner',
          p.id,
          ['shortName'],
          `le nom court « ${p.shortName} » est celui d’un organisme connu, que le nom légal « ${p.legalName} » ne nomme pas, et la convention ne dit nulle part qu’il désigne ce partenaire : ` +
            `le texte semblerait parler d’un autre organisme (convkit lint le relèverait). Ajoutez « designation: ${p.shortName} » (les parties diront « ci-après désignée « ${p.shortName} » »), ou un nom court tiré du nom légal`,
          'warning',
        );
      }
    }
    // The data list's paragraphs are set one after the other: a paragraph that stops without
    // its final punctuation before one that starts in lower case reads as one sentence cut in
    // two (the linter's broken-paragraph).
    for (const part of ['intro', 'notes'] as const) {
      const paragraphs = p.dataList?.[part] ?? [];
      paragraphs.forEach((text, i) => {
        const next = paragraphs[i + 1];
        if (next !== undefined && !/[.!?:;…»)]\s*$/u.test(text) && /^\p{Ll}/u.test(next.trim())) {
          report(
            'partner',
            p.id,
            ['dataList', part, i],
            `ce paragraphe s’arrête sans ponctuation finale et le suivant commence par une minuscule (« ${next.trim().slice(0, 30)} ») : le document les lirait comme une phrase coupée. Terminez-le par un point, ou réunissez les deux paragraphes`,
            'warning',
          );
        }
      });
    }
    if (p.collection.mode === 'interface' && p.clauses.observatoryMission) {
      report(
        'partner',
        p.id,
        ['clauses', 'observatoryMission'],
        `la mission d’observatoire est celle de l’interface « ${p.collection.via} », qui collecte les données de ce partenaire : sa convention la décrit déjà. Retirez « observatoryMission: true » (ou passez la collecte en « mode: direct »)`,
        'warning',
      );
    }
  }
  for (const s of d.signatories) names('signatory', s);
  return out;
}
