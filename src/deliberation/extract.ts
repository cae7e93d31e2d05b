import type { Dataset } from '../data/load.js';
import { frenchDate, frenchDateWithWeekday } from '../french/date.js';
import type { Block, Document, HeadingBlock, ParagraphBlock, Run, Section, SignatureParty, TableBlock, TableCell } from '../model/types.js';
import type { Deliberation, Member } from '../schema/deliberation.js';
import { approvedAnnexes, type Annex } from './annexes.js';
import { deriveAttendance, memberIndex, type Attendance } from './attendance.js';
import { memberName, memberShortName, memberSignatureName } from './names.js';
import { frenchSpacing } from './typography.js';
import { houseApostrophesInDocument } from '../generate/typography.js';

/** The decision formula of the register. */
export const DECISION_FORMULA = 'LE CONSEIL, APRÈS EN AVOIR DÉLIBÉRÉ, DÉCIDE :';
/** Columns of the list of titulaires present, as in the register. */
const PRESENT_COLUMNS = 3;

const t = (text: string, style: Omit<Run, 'text'> = {}): Run => ({ text: frenchSpacing(text), ...style });
const heading = (level: 1 | 2 | 3, text: string): HeadingBlock => ({ kind: 'heading', level, runs: [t(text)] });
const para = (runs: readonly Run[], extra: Omit<ParagraphBlock, 'kind' | 'runs'> = {}): ParagraphBlock => ({ kind: 'paragraph', runs, ...extra });
const cell = (text?: string): TableCell => ({ lines: text === undefined ? [] : [[t(text)]] });
/** « Conseil de Communauté de l'agglomération dijonnaise ». */
const fullBody = (d: Pick<Deliberation, 'body' | 'bodyQualifier'>): string => (d.bodyQualifier ? `${d.body} ${d.bodyQualifier}` : d.body);
const feminine = (m: Pick<Member, 'civility'>): boolean => m.civility === 'Mme';

/**
 * Builds the extract of the register of deliberations as a DocModel `Document` of kind
 * 'deliberation', in the register's layout: header, session figures, attendance lists,
 * object, report, decision, annexes and the signatures of the president and the secretary of
 * the session. Every count is derived from the lists. The deliberation must have passed
 * `checkDeliberation` (see `loadDeliberations`).
 */
export function buildDeliberationDocument(
  dataset: Pick<Dataset, 'observatory' | 'organisations' | 'partners' | 'signatories'>,
  d: Deliberation,
): Document {
  const att = deriveAttendance(d);
  const annexes = approvedAnnexes(dataset, d);
  const find = memberIndex(d.members);
  const president = find(d.president)?.member;
  const secretary = find(d.secretary)?.member;
  const short = (m: Member | undefined, fallback: string): string => (m ? memberShortName(m) : fallback);

  const front: Section = {
    kind: 'front',
    title: 'Extrait du registre des délibérations',
    blocks: [
      heading(1, 'EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS'),
      para([t(`du ${fullBody(d)}`)], { align: 'center' }),
      para([t(`Séance du ${frenchDateWithWeekday(d.date)}`, { bold: true })], { align: 'center' }),
      ...sessionFigures(d, att, short(president, d.president), short(secretary, d.secretary)),
    ],
  };

  const attendance: Section = { kind: 'body', title: 'Liste des présences', blocks: attendanceBlocks(att) };

  const object: Section = {
    kind: 'body',
    title: 'Objet',
    blocks: [
      heading(2, `OBJET : ${d.object.heading}`),
      para([t(d.object.title, { bold: true })], { keepWithNext: true }),
      ...d.report.map((b): Block =>
        typeof b === 'string'
          ? para([t(b)], { align: 'justify' })
          : { kind: 'list', ordered: false, items: b.list.map((item) => ({ runs: [t(item)] })) },
      ),
      ...d.visas.map((v) => para([t(v)])),
    ],
  };

  const parties: SignatureParty[] = [
    {
      id: 'president',
      heading: ['Pour extrait conforme,'],
      role: president && feminine(president) ? 'La Présidente,' : 'Le Président,',
      ...(president ? { name: memberSignatureName(president) } : {}),
    },
    {
      id: 'secretaire',
      heading: ['Pour extrait conforme,'],
      role: secretary && feminine(secretary) ? 'La Secrétaire de séance,' : 'Le Secrétaire de séance,',
      ...(secretary ? { name: memberSignatureName(secretary) } : {}),
    },
  ];

  const decision: Section = {
    kind: 'body',
    title: 'Décision',
    blocks: [
      heading(2, DECISION_FORMULA),
      {
        kind: 'list',
        ordered: false,
        items: d.decision.map((item) => ({ runs: [t(item.verb, { bold: true }), t(` ${item.text}`)] })),
      },
      ...annexBlocks(annexes),
      { kind: 'signature', place: dataset.observatory.place, date: d.date, parties },
    ],
  };

  // House apostrophes (data typed with « ’ » comes out as the templates' « ' »).
  return houseApostrophesInDocument({
    id: d.id,
    kind: 'deliberation',
    meta: {
      title: `Extrait du registre des délibérations – séance du ${frenchDate(d.date)} – ${d.object.title}`,
      subject: d.objectLine,
      author: fullBody(d),
      language: 'fr-FR',
      date: d.date,
      keywords: ['délibération', d.actNumber],
    },
    sections: [front, attendance, object, decision],
  });
}

/** One extract per deliberation, in the order given. */
export function buildDeliberationDocuments(
  dataset: Pick<Dataset, 'observatory' | 'organisations' | 'partners' | 'signatories'>,
  deliberations: readonly Deliberation[],
): Document[] {
  return deliberations.map((d) => buildDeliberationDocument(dataset, d));
}

function sessionFigures(d: Deliberation, att: Attendance, president: string, secretary: string): ParagraphBlock[] {
  const c = att.counts;
  const v = d.vote;
  const line = (label: string, value: string | number): ParagraphBlock => para([t(`${label} : `), t(String(value), { bold: true })]);
  return [
    line('Président', president),
    line('Secrétaire de séance', secretary),
    para([t(`Convocation envoyée le ${frenchDate(d.convocationDate)}`)]),
    ...(d.publicationDate ? [para([t(`Publié le ${frenchDate(d.publicationDate)}`)])] : []),
    ...(d.declared.seats !== undefined ? [line(`Nombre de membres du ${d.body}`, d.declared.seats)] : []),
    line('Nombre de membres en exercice', c.membersInOffice),
    line('Nombre de présents participant au vote', c.present),
    line('Nombre de procurations', c.proxies),
    line('Nombre de votants', c.voters),
    para([
      t('SCRUTIN : ', { bold: true }),
      t(`POUR : ${v.for} – CONTRE : ${v.against} – ABSTENTION : ${v.abstentions} – NE SE PRONONCE PAS : ${v.notVoting}`),
    ]),
  ];
}

function attendanceBlocks(att: Attendance): Block[] {
  const blocks: Block[] = [];
  const present = att.presentTitulaires.map((l) => memberName(l.member));
  const rows: TableCell[][] = [];
  for (let i = 0; i < present.length; i += PRESENT_COLUMNS) {
    rows.push(Array.from({ length: PRESENT_COLUMNS }, (_, k) => cell(present[i + k])));
  }
  blocks.push(heading(3, `Membres titulaires présents (${present.length}) :`), { kind: 'table', rows } satisfies TableBlock);

  if (att.substitutes.length > 0) {
    blocks.push(heading(3, `Membres suppléants avec voix délibérative présents (${att.substitutes.length}) :`), {
      kind: 'table',
      rows: att.substitutes.map((s) => [
        cell(memberName(s.substitute.member)),
        cell(`${feminine(s.substitute.member) ? 'suppléante' : 'suppléant'} de ${s.replaces ? memberName(s.replaces.member) : s.substitute.member.for}`),
      ]),
    });
  }

  // Absent titulaires in the order of the data, each with its proxy or its substitute.
  const substituteOf = new Map(att.substitutes.flatMap((s) => (s.replaces ? [[s.replaces.index, s.substitute.member] as const] : [])));
  const absent = att.titulaires.filter((l) => l.member.status !== 'present');
  if (absent.length > 0) {
    blocks.push(heading(3, `Membres titulaires absents (${absent.length}) :`), {
      kind: 'table',
      rows: absent.map((l) => {
        const m = l.member;
        const sub = substituteOf.get(l.index);
        const mention =
          m.status === 'proxy'
            ? `pouvoir à ${m.to}`
            : sub
              ? `${feminine(m) ? 'suppléée' : 'suppléé'} par ${memberName(sub)}`
              : undefined;
        return [cell(memberName(m)), cell(mention)];
      }),
    });
  }
  return blocks;
}

function annexBlocks(annexes: readonly Annex[]): Block[] {
  if (annexes.length === 0) return [];
  return [
    para([t('Annexes :', { bold: true })], { keepWithNext: true }),
    { kind: 'list', ordered: false, items: annexes.map((a) => ({ runs: [t(`Annexe n°\u00a0${a.number} : ${a.title}`)] })) },
  ];
}
