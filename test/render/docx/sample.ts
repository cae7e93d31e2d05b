/**
 * A sample Document shaped like a real 2014 convention (CAF de la Côte d'Or), written by hand
 * for the DOCX renderer tests. It exercises every block kind and the tricky characters:
 * accents, œ, « », ’, U+00A0 (NBSP), U+202F (narrow NBSP), en dash.
 */
import type {
  Block,
  Document,
  HeadingBlock,
  ListBlock,
  ParagraphBlock,
  Run,
  Section,
  SignatureBlock,
  TableBlock,
  TableCell,
} from '../../../src/model/types.js';

export const NBSP = '\u00a0';
export const NNBSP = '\u202f';

const h = (level: 1 | 2 | 3, text: string): HeadingBlock => ({ kind: 'heading', level, runs: [{ text }] });
const p = (...runs: (string | Run)[]): ParagraphBlock => ({
  kind: 'paragraph',
  runs: runs.map((r) => (typeof r === 'string' ? { text: r } : r)),
});
const b = (text: string): Run => ({ text, bold: true });
const i = (text: string): Run => ({ text, italic: true });
const ul = (...items: (string | Run[])[]): ListBlock => ({
  kind: 'list',
  ordered: false,
  items: items.map((it) => ({ runs: typeof it === 'string' ? [{ text: it }] : it })),
});
const ol = (...items: string[]): ListBlock => ({
  kind: 'list',
  ordered: true,
  items: items.map((text) => ({ runs: [{ text }] })),
});
const cell = (...lines: string[]): TableCell => ({ lines: lines.map((text) => [{ text }]) });

/** « guillemets » with the narrow no-break spaces French typography asks for. */
const q = (text: string): string => `«${NNBSP}${text}${NNBSP}»`;

export const TITLE_LINES = [
  'CONVENTION DE PARTENARIAT',
  'CONCLUE ENTRE',
  'LA COMMUNAUTÉ DE L’AGGLOMÉRATION DIJONNAISE, LA VILLE DE DIJON ET LE CCAS DE DIJON',
  'ET',
  'LA CAISSE D’ALLOCATIONS FAMILIALES DE LA CÔTE D’OR',
] as const;

export const ARTICLE_HEADINGS = [
  'Article 1 – Objet de la convention',
  'Article 2 – Propriété et droit d’usage',
  'Article 3 – Durée de la convention',
] as const;

export const SIGNATURE_2: SignatureBlock = {
  kind: 'signature',
  place: 'Dijon',
  originals: 2,
  parties: [
    {
      id: 'grand-dijon',
      heading: ['Pour la Communauté', 'de l’agglomération dijonnaise,'],
      role: 'Le Président,',
      name: 'Alain MILLOT',
    },
    {
      id: 'caf-21',
      heading: ['Pour la Caisse d’Allocations Familiales', 'de la Côte d’Or,'],
      role: 'Le Directeur,',
      name: 'Christophe SANNER',
    },
  ],
};

export const SIGNATURE_3: SignatureBlock = {
  kind: 'signature',
  place: 'Dijon',
  date: '2014-07-01',
  originals: 3,
  parties: [
    { id: 'grand-dijon', heading: ['Pour le Grand Dijon,'], role: 'Le Président,', name: 'Alain MILLOT' },
    {
      id: 'ville-dijon',
      heading: ['Pour la Ville de Dijon,'],
      role: 'L’Adjointe au Maire,',
      name: 'Nathalie KOENDERS',
    },
    { id: 'ccas-dijon', heading: ['Pour le CCAS de Dijon,'], role: 'Le Vice-Président,' },
  ],
};

const front: Section = {
  kind: 'front',
  blocks: [
    ...TITLE_LINES.map((t) => h(1, t)),
    p('Entre'),
    p(
      b('La Communauté de l’agglomération dijonnaise'),
      ` – 40, avenue du Drapeau – BP${NBSP}17510 – 21075 DIJON CEDEX, représentée par M.${NBSP}Alain MILLOT, Président, agissant en vertu de la délibération du Conseil de Communauté en date du 26${NBSP}juin${NBSP}2014, ci-après désignée ${q('le Grand Dijon')},`,
    ),
    { ...p('d’une part,'), align: 'right' },
    p('et'),
    p(
      b('La Caisse d’Allocations Familiales de la Côte d’Or'),
      ` – 8, boulevard Georges Clémenceau – 21043 DIJON CEDEX, représentée par M.${NBSP}Christophe SANNER, Directeur, ci-après désignée ${q('la CAF de la Côte d’Or')},`,
    ),
    { ...p('d’autre part.'), align: 'right' },
  ],
};

const preamble: Section = {
  kind: 'preamble',
  title: 'Préambule',
  blocks: [
    h(2, 'Préambule'),
    {
      ...p(
        'La Communauté de l’agglomération dijonnaise engage une démarche d’Observatoire de la Cohésion Sociale qui vise à',
        `${NBSP}:`,
      ),
      keepWithNext: true,
    },
    ul(
      `échanger entre les partenaires locaux institutionnels des données sociales et économiques confidentielles${NNBSP};`,
      `partager l’analyse des données ainsi réunies et traitées par l’Observatoire${NNBSP};`,
      'diffuser les travaux réalisés à des fins d’exploitation.',
    ),
    p(
      'Cette charte engage les différentes parties signataires et garantit le respect des règles édictées dans la convention, dans un souci de cœur de métier partagé et de bonne œuvre commune.',
    ),
  ],
};

const article1: Section = {
  kind: 'article',
  number: 1,
  title: 'Objet de la convention',
  blocks: [
    h(2, ARTICLE_HEADINGS[0]),
    {
      ...p(
        'La mise en œuvre de l’Observatoire de la Cohésion Sociale a pour objectif de coordonner et valoriser les démarches d’observation menées chaque année sur le territoire intercommunal',
        `${NBSP}:`,
      ),
      keepWithNext: true,
    },
    ul(
      'l’observation et l’évaluation de la Politique de la Ville par le Grand Dijon,',
      [
        { text: 'les études thématiques ciblées portées par les services du Grand Dijon (de l’ordre de ' },
        b(`10${NBSP}par${NBSP}an`),
        { text: '),' },
      ],
      [
        { text: 'l’Analyse des Besoins Sociaux menée par le CCAS de Dijon (article R.123-1 du ' },
        i('Code de l’action sociale et des familles'),
        { text: ').' },
      ],
    ),
    p(
      'Les parties signataires conviennent d’établir des liens de partenariat en vue de mutualiser l’échange des données, ',
      b('dans le strict respect du secret statistique'),
      ', et de produire une ',
      q('analyse partagée'),
      ' des données.',
    ),
  ],
};

const article2: Section = {
  kind: 'article',
  number: 2,
  title: 'Propriété et droit d’usage',
  blocks: [
    h(2, ARTICLE_HEADINGS[1]),
    {
      ...p(`Le demandeur accepte les règles de la CAF en matière de secret statistique${NBSP}:`),
      keepWithNext: true,
    },
    ol(
      'pas de transmission de données si elles ne concernent pas au moins 5 allocataires,',
      'aucune information transmise ne devra permettre l’identification directe ou indirecte des allocataires.',
    ),
    p(
      'Tout document présentant des études réalisées à partir de ces données devra faire figurer la mention de leur source ',
      b(`(${q(`Source${NBSP}: CAF de la Côte d’Or, 2014`)})`),
      ` (cf.${NBSP}annexe${NBSP}1).`,
    ),
  ],
};

const article3: Section = {
  kind: 'article',
  number: 3,
  title: 'Durée de la convention',
  blocks: [
    h(2, ARTICLE_HEADINGS[2]),
    p(
      `La présente convention prend effet après l’accomplissement des formalités lui donnant un caractère exécutoire et expire le 31${NBSP}décembre${NBSP}2015.`,
    ),
    p('Elle pourra être modifiée, en cours d’exécution, par un avenant signé par les parties.'),
    SIGNATURE_2,
  ],
};

export const REFERENTS_TABLE: TableBlock = {
  kind: 'table',
  header: [cell('Nom'), cell('Fonction'), cell('Coordonnées')],
  rows: [
    [
      cell('Pascale STURLA BORDET'),
      cell('Conseillère technique, référente de suivi'),
      cell(`03${NBSP}80${NBSP}00${NBSP}00${NBSP}00`, 'pascale.sturla-bordet@caf.fr'),
    ],
    [
      cell('Sylvie TARTESSE'),
      cell('Chargée d’études, animation et coordination des travaux de l’Observatoire'),
      cell(`03${NBSP}80${NBSP}50${NBSP}35${NBSP}44`, 'sylvie.tartesse@compas-tis.com'),
    ],
    [
      cell('Sylvain MICHEL'),
      cell('Chef du service Politique de la Ville, Emploi – insertion – ESS'),
      cell(`03${NBSP}80${NBSP}50${NBSP}37${NBSP}47`, 'smichel@grand-dijon.fr'),
    ],
  ],
};

const annex1: Section = {
  kind: 'annex',
  number: 1,
  annexKind: 'referents',
  title: 'Référents techniques et de suivi',
  blocks: [
    h(2, `Annexe 1${NBSP}: référents techniques et de suivi`),
    { ...p('Les référents désignés par les parties sont les suivants.'), keepWithNext: true },
    REFERENTS_TABLE,
  ],
};

const charterBlocks: Block[] = [
  h(2, `Annexe 2${NBSP}: charte d’utilisation des données statistiques`),
  {
    ...p(
      i('collectées par le Grand Dijon par les CCAS et Villes membres de l’intercommunalité'),
    ),
    align: 'center',
  },
  p(
    'Le bon fonctionnement de cet Observatoire local oblige à respecter une déontologie rigoureuse.',
  ),
  h(3, `Engagement 1${NBSP}: utiliser les données sources transmises seulement avec l’accord des partenaires.`),
  p('La source des données devra être mentionnée sur tous les supports de travaux.'),
  h(
    3,
    `Engagement 2${NBSP}: respecter la confidentialité et l’intégrité des données sources, conformément à la loi du 7${NBSP}juin${NBSP}1951 et à la loi du 6${NBSP}janvier${NBSP}1978.`,
  ),
  p('Les partenaires s’engagent à ne diffuser aucune case de tableau dont l’effectif serait inférieur à cinq.'),
  h(3, `Engagement 3${NBSP}: participer aux sessions de formation organisées par l’Observatoire.`),
  p('Les communes désignent un ou plusieurs référents.'),
  { kind: 'pageBreak' },
  p('Signatures des partenaires de la charte :'),
  SIGNATURE_3,
];

const annex2: Section = {
  kind: 'annex',
  number: 2,
  annexKind: 'charter',
  title: 'Charte d’utilisation des données statistiques',
  blocks: charterBlocks,
};

/** The sample convention: front, preamble, 3 articles (with a 2-party signature), 2 annexes. */
export const SAMPLE: Document = {
  id: 'caf-21',
  kind: 'convention',
  meta: {
    title: 'Convention de partenariat – CAF de la Côte d’Or',
    subject: 'Observatoire de la Cohésion Sociale – échange de données',
    author: 'Communauté de l’agglomération dijonnaise',
    language: 'fr-FR',
    date: '2014-06-26',
    keywords: ['observatoire', 'cohésion sociale', 'CAF'],
  },
  header: 'Observatoire de la Cohésion Sociale – Grand Dijon',
  sections: [front, preamble, article1, article2, article3, annex1, annex2],
};
