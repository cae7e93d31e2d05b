/**
 * A realistic convention for the PDF renderer tests, written by hand after the 2014 CAF de la
 * Côte d'Or convention (test/fixtures/corpus-2014.txt, lines 105–405): title and parties,
 * preamble, 14 articles with lists and bold runs, a referents table annex, a charter annex
 * with level-3 headings and its own three-party signature block, a data-list annex, and every
 * character French typography needs (accents, œ Œ, « », ’, U+00A0, U+202F, –, …, °).
 */
import type {
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
const centred = (text: string, bold = false): ParagraphBlock => ({
  kind: 'paragraph',
  align: 'center',
  runs: [{ text, bold }],
});
const b = (text: string): Run => ({ text, bold: true });
const i = (text: string): Run => ({ text, italic: true });
const ul = (...items: (string | Run[])[]): ListBlock => ({
  kind: 'list',
  ordered: false,
  items: items.map((it) => ({ runs: typeof it === 'string' ? [{ text: it }] : it })),
});
const ol = (...items: string[]): ListBlock => ({ kind: 'list', ordered: true, items: items.map((text) => ({ runs: [{ text }] })) });
const cell = (...lines: string[]): TableCell => ({ lines: lines.map((text) => [{ text }]) });
const boldCell = (...lines: string[]): TableCell => ({ lines: lines.map((text) => [{ text, bold: true }]) });

/** « guillemets » with the narrow no-break spaces of French typography. */
const q = (text: string): string => `«${NNBSP}${text}${NNBSP}»`;
const CAF = 'la CAF de la Côte d’Or';

const article = (number: number, title: string, ...blocks: Section['blocks']): Section => ({
  kind: 'article',
  number,
  title,
  blocks: [h(2, `Article ${number} – ${title}`), ...blocks],
});

export const SIGNATURE_2: SignatureBlock = {
  kind: 'signature',
  place: 'Dijon',
  originals: 2,
  parties: [
    { id: 'grand-dijon', heading: ['Pour la Communauté', 'de l’agglomération dijonnaise,'], role: 'Le Président,', name: 'Alain MILLOT' },
    { id: 'caf-21', heading: ['Pour la Caisse d’Allocations Familiales', 'de la Côte d’Or,'], role: 'Le Directeur,', name: 'Christophe SANNER' },
  ],
};

export const SIGNATURE_3: SignatureBlock = {
  kind: 'signature',
  place: 'Dijon',
  date: '2014-07-01',
  parties: [
    { id: 'grand-dijon', heading: ['Pour le Grand Dijon,'], role: 'Le Président,', name: 'Alain MILLOT' },
    { id: 'ville-de-dijon', heading: ['Pour la Ville de Dijon,'], role: 'L’Adjointe au Maire déléguée à la Cohésion sociale,', name: 'Nathalie KOENDERS' },
    { id: 'ccas-dijon', heading: ['Pour le Centre Communal', 'd’Action Sociale de Dijon,'], role: 'La Vice-Présidente,' },
  ],
};

/** A word longer than the measure: must be cut, never overflow. */
export const LONG_WORD =
  'Observatoiredelacohésionsocialedugranddijonetdesescommunesmembresdelintercommunalitéetdeleurscentrescommunauxdactionsociale';

const front: Section = {
  kind: 'front',
  blocks: [
    h(1, 'CONVENTION DE PARTENARIAT'),
    centred('CONCLUE ENTRE'),
    centred('LA COMMUNAUTÉ DE L’AGGLOMÉRATION DIJONNAISE, LA VILLE DE DIJON ET LE CCAS DE DIJON', true),
    centred('ET'),
    centred('LA CAISSE D’ALLOCATIONS FAMILIALES DE LA CÔTE D’OR', true),
    p('Entre'),
    p(
      b('La Communauté de l’agglomération dijonnaise'),
      ` – 40, avenue du Drapeau – BP${NBSP}17510 – 21075${NBSP}DIJON CEDEX –, représentée par M.${NBSP}Alain MILLOT, Président, agissant en vertu des dispositions de la délibération du Conseil de Communauté en date du 26${NBSP}juin${NBSP}2014, ci-après désignée ${q('le Grand Dijon')},`,
    ),
    p('d’une part,'),
    p('et'),
    p(
      b('La Caisse d’Allocations Familiales de la Côte d’Or'),
      ` – 8, boulevard Georges Clémenceau – 21043${NBSP}DIJON CEDEX –, ci-après désignée ${q('CAF de la Côte d’Or')}, représentée par Monsieur Christophe SANNER, Directeur,`,
    ),
    p('d’autre part.'),
  ],
};

const preamble: Section = {
  kind: 'preamble',
  title: 'Préambule',
  blocks: [
    h(2, 'Préambule'),
    p(
      'La Communauté de l’agglomération dijonnaise engage une démarche d’Observatoire de la Cohésion sociale animée par ses soins en appui des communes Politiques de la Ville (Chenôve, Dijon, Longvic, Quetigny et Talant) et de leurs CCAS, qui vise à',
      `${NNBSP}:`,
    ),
    ul(
      `échanger entre les partenaires locaux institutionnels, dont les communes de l’agglomération, des données sociales et économiques confidentielles${NNBSP};`,
      `partager l’analyse des données ainsi réunies et traitées par l’Observatoire${NNBSP};`,
      'diffuser les travaux réalisés à des fins d’exploitation.',
    ),
    p(
      'Le cadre d’utilisation des données recueillies est régi par des conventions signées entre la Communauté de l’agglomération dijonnaise, la Ville de Dijon et le CCAS de Dijon et les partenaires fournisseurs de données. Œuvrer ensemble suppose des règles communes, connues de tous… et respectées.',
    ),
    p(
      'Les communes et les CCAS de l’agglomération dijonnaise, qui s’engagent dans cette démarche, signent une charte d’utilisation des données statistiques collectées dans ce cadre (cf.',
      `${NBSP}annexe${NBSP}2).`,
    ),
  ],
};

const articles: Section[] = [
  article(
    1,
    'Objet de la convention',
    p(
      `La mise en œuvre de l’Observatoire de la Cohésion Sociale a pour objectif de coordonner et valoriser les démarches d’observation menées chaque année sur le territoire intercommunal${NNBSP}:`,
    ),
    ul(
      'l’observation et l’évaluation de la Politique de la Ville par le Grand Dijon,',
      'les études thématiques ciblées portées par les services du Grand Dijon, de la Ville de Dijon ou du CCAS de Dijon (de l’ordre de 10 par an),',
      [
        { text: 'l’Analyse des Besoins Sociaux menée par le Centre Communal d’Action Sociale de Dijon conformément à ses obligations réglementaires (' },
        i(`article R.${NBSP}123-1 du Code de l’Action Sociale et des Familles`),
        { text: ').' },
      ],
    ),
    p(
      'Par ailleurs, l’Observatoire de la Cohésion Sociale a pour objectif de soutenir le développement des démarches d’observation des collectivités et des CCAS des communes membres de la Communauté de l’agglomération dijonnaise, en leur facilitant entre autres l’accès à des données publiques et à ses partenaires institutionnels locaux, et en les accompagnant dans l’appropriation et l’analyse de celles-ci.',
    ),
    p(
      'La réalisation de ces démarches, pour être complète, nécessite de pouvoir examiner à un niveau fin un grand nombre d’informations économiques et sociales localisées, détenues par l’ensemble des partenaires concernés par les politiques sociales, d’accès à l’emploi et de développement local.',
    ),
    p(
      'Les parties signataires de la présente convention et de la charte d’utilisation des données conviennent d’établir des liens de partenariat en vue de mutualiser l’échange des données qui alimenteront les démarches d’observation engagées dans le cadre de l’Observatoire de la Cohésion Sociale par le Grand Dijon, les CCAS ou services municipaux des collectivités membres de la Communauté de l’agglomération dijonnaise.',
    ),
    p(
      `De même, elles s’engagent sur la production d’une ${q('analyse partagée')} des données, au sein de groupes d’analyse, territoriaux ou thématiques, avec les autres acteurs de l’action sociale locale, notamment les professionnels de la Caisse d’Allocations Familiales.`,
    ),
    p(
      'Enfin, elles s’entendent sur le positionnement du Grand Dijon en tant que coordinateur des démarches d’observation et d’études initiées aux niveaux communal et intercommunal. À ce titre, le Grand Dijon assure l’interface entre les CCAS, les villes et les partenaires institutionnels de l’Observatoire de la Cohésion Sociale, et accompagne les CCAS et villes de l’intercommunalité qui demandent à se rapprocher de ces partenaires pour définir les modalités de collaboration nécessaires à la bonne marche de leurs travaux d’observation et d’études ciblées.',
    ),
  ),
  article(
    2,
    'Contenu des fichiers transmis',
    p(b(`${CAF[0]?.toUpperCase()}${CAF.slice(1)}`), ' s’engage à fournir un ensemble de données statistiques pour alimenter l’Observatoire partagé de la Cohésion Sociale.'),
    p(
      'Le Grand Dijon centralise les besoins et élabore un programme d’études annuelles dont le calendrier est soumis à la Caisse d’Allocations Familiales qui peut, selon ses propres contraintes, l’amender.',
    ),
    p(
      'Le Grand Dijon, les communes membres de l’intercommunalité et leurs CCAS engagés et accompagnés dans une démarche d’observation peuvent également solliciter ponctuellement la Caisse d’Allocations Familiales de la Côte d’Or pour des données complémentaires ciblées, utiles à la mise en œuvre d’études spécifiques.',
    ),
  ),
  article(
    3,
    'Niveau géographique de l’observation',
    p(
      'Les travaux de l’Observatoire de la Cohésion Sociale produisent une analyse partagée à l’échelle des communes de la Communauté de l’agglomération dijonnaise, selon le découpage IRIS (Îlots Regroupés pour l’Information Statistique) de l’INSEE et par quartier (regroupements d’IRIS).',
    ),
  ),
  article(
    4,
    'Collecte des données',
    p(
      `Le cabinet Compas-tis est chargé par le Grand Dijon de collecter les données auprès des partenaires de l’Observatoire fournisseurs de données. ${CAF[0]?.toUpperCase()}${CAF.slice(1)} désigne au préalable un ou des référents (cf.${NBSP}annexe${NBSP}1).`,
    ),
    p(
      'Le cabinet prestataire est en mesure d’apporter un appui technique au fournisseur afin de l’accompagner dans la structuration du fichier source disponible et de l’aider au développement de méthodes pour le transfert des données.',
    ),
    p(
      `Le cabinet prestataire s’engage à informer ${CAF} des erreurs ou des anomalies qu’il pourrait relever dans les fichiers fournis, ainsi que des difficultés éventuelles qu’il pourrait rencontrer dans leur utilisation.`,
    ),
    p(`Les données sont recueillies sur support informatique aux formats xls, accdb ou txt${NNBSP}; l’adresse de dépôt est communiquée par le cabinet : https://depot.compas-tis.example/observatoire/grand-dijon/caf-21/2014.`),
    p(
      'Le Grand Dijon centralise les demandes de données émanant des CCAS et villes de l’intercommunalité et les accompagne dans la définition de leurs besoins d’indicateurs. Le cabinet Compas-tis se charge de transmettre les données collectées aux CCAS et villes de l’intercommunalité, dans les conditions de partage des données et des analyses définies au préalable avec la CAF de la Côte d’Or.',
    ),
  ),
  article(
    5,
    'Propriété et droit d’usage',
    p(
      `Ce transfert d’informations s’opère dans le cadre de la réglementation concernant le respect des libertés individuelles, notamment la loi Informatique et Libertés n°${NBSP}78-17 du 6${NBSP}janvier${NBSP}1978.`,
    ),
    p(`Le demandeur accepte les règles de la CAF en matière de secret statistique${NNBSP}:`),
    ul(
      'pas de transmission de données si elles ne concernent pas au moins 5 allocataires, faute de quoi la valeur est mise à blanc et l’ensemble des données est transmis à l’échelon communal,',
      'aucune information transmise ne doit permettre l’identification directe ou indirecte des allocataires.',
    ),
    p(
      b(`${CAF[0]?.toUpperCase()}${CAF.slice(1)} demeure propriétaire des données`),
      ' qu’elle partage dans le cadre de l’Observatoire de la Cohésion Sociale. Celles-ci ne peuvent être utilisées par d’autres partenaires de l’Observatoire qu’avec son accord préalable.',
    ),
    p(
      `Tout document présentant des études et analyses réalisées à partir de tout ou partie des données fait figurer la mention de leur source et la date de leur dernière mise à jour (${q('Source CAF de la Côte d’Or, date : 31/12/2013')}).`,
    ),
  ),
  article(
    6,
    'Règles de confidentialité et de secret statistique',
    p('Le transfert d’informations statistiques s’opère dans le cadre de la réglementation concernant le respect du secret statistique et de la loi Informatique et Libertés.'),
    p(
      'Les informations échangées entre les parties signataires de la présente convention et de la charte annexée ne permettent pas, sous quelque forme que ce soit, l’identification directe ou indirecte des personnes physiques auxquelles elles s’appliquent. Les parties signataires s’obligent au secret professionnel en ce qui concerne tout renseignement de nature confidentielle dont elles pourraient avoir connaissance, soit directement, soit de manière incidente à l’occasion des travaux de l’Observatoire.',
    ),
  ),
  article(
    7,
    'Intégration des données dans l’outil Babord',
    p(
      'Le cabinet Compas-tis s’engage à fournir annuellement au Grand Dijon les données qu’il a collectées auprès des partenaires fournisseurs de données de l’Observatoire de la Cohésion Sociale et centralisées dans l’outil Babord.',
    ),
    p('Cet outil permet de consulter les données et de les présenter sous forme de tableaux, graphiques et cartes.'),
    p(
      `${CAF[0]?.toUpperCase()}${CAF.slice(1)} autorise le Grand Dijon à intégrer des données issues de ses fichiers dans l’outil Babord, mais se réserve le droit de restreindre la liste des données sources utilisées dans le cadre d’études spécifiques.`,
    ),
    p(
      'La consultation directe des données via la base Babord est strictement réservée au cabinet prestataire et aux personnes désignées référentes (liste en annexe) sur l’observation et l’utilisation de l’outil au sein de leur service par le Grand Dijon, les communes Politiques de la Ville et leur CCAS, et qui, à ce titre, ont été formées à la lecture et à l’interprétation des données et informées des règles de confidentialité et de secret statistique.',
    ),
  ),
  article(
    8,
    'Limitation d’accès aux données sources',
    p(
      `Le Grand Dijon ne peut transmettre les données de ${CAF} aux CCAS et villes de l’intercommunalité qui en feraient la demande qu’avec l’accord de ${CAF}. Seuls les CCAS et les collectivités qui ont signé la charte d’utilisation des données statistiques (cf.${NBSP}annexe${NBSP}2) peuvent en être destinataires.`,
    ),
    p(
      `${CAF[0]?.toUpperCase()}${CAF.slice(1)} peut demander au Grand Dijon, aux communes Politiques de la Ville et à leurs CCAS de restreindre la liste des données sources mise à disposition de ces communes.`,
    ),
    p(
      'La cession d’informations à un tiers ou à un autre service que ceux cités ci-dessus, sous toute forme, sur tout support, par quelque moyen et pour quelque motif que ce soit, à titre gratuit ou onéreux, est interdite sans l’avis du producteur de données.',
    ),
  ),
  article(
    9,
    'Partage des travaux et mobilisation des partenaires',
    p(
      'Chaque partenaire s’engage, au-delà de la mise à disposition des données, à contribuer à l’analyse collective des travaux effectués. La production des documents en direction des acteurs de l’action sociale et du développement local ne s’appuie que sur des données préalablement analysées et commentées collectivement.',
    ),
    p(`${CAF[0]?.toUpperCase()}${CAF.slice(1)}${NNBSP}:`),
    ol(
      'est destinataire des documents produits annuellement, notamment dans le cadre de l’Analyse des Besoins Sociaux des communes et de leurs CCAS et de l’évaluation de la Politique de la Ville par le Grand Dijon, et invitée aux réunions de présentation des travaux ;',
      'est informée de la mise en œuvre de toute étude thématique ciblée sur ses champs de compétences, et associée aux travaux ;',
      'contribue à renforcer l’appropriation des données de l’Observatoire et leur mise en perspective, notamment lors de journées de formation thématiques destinées aux référents observation.',
    ),
    p(LONG_WORD),
  ),
  article(10, 'Suivi de la convention', p('Un bilan annuel de la convention est réalisé.')),
  article(
    11,
    'Financement',
    p('Le Grand Dijon a inscrit à son budget les crédits nécessaires au financement de l’Observatoire de la Cohésion Sociale.'),
    p('Les frais engagés par la CAF ne donnent pas lieu à facturation.'),
  ),
  article(
    12,
    'Durée de la convention',
    p(
      `La présente convention prend effet après l’accomplissement des formalités lui donnant un caractère exécutoire et expire le 31${NBSP}décembre${NBSP}2015.`,
    ),
    p('Elle peut être modifiée, en cours d’exécution, par un avenant signé par les parties concernées.'),
    p(
      'La présente convention est dispensée du droit de timbre et de la formalité d’enregistrement. Elle devient exécutoire après avoir été revêtue de la signature des parties contractantes.',
    ),
  ),
  article(
    13,
    'Dénonciation',
    p('Chaque partie peut mettre un terme à la présente convention par lettre recommandée avec accusé de réception, moyennant un préavis de deux mois.'),
    p(
      'En cas de manquement au respect des dispositions de la présente convention, celle-ci peut être dénoncée à tout moment par l’une ou l’autre des parties, par lettre recommandée avec accusé de réception, moyennant un préavis d’un mois.',
    ),
  ),
  article(
    14,
    'Résolution des litiges',
    p(
      'Les parties s’efforcent de trouver une solution amiable à leurs différends. À défaut de résolution amiable, les parties font attribution expresse de compétence aux juridictions de Dijon.',
    ),
    SIGNATURE_2,
  ),
];

const referentsTable: TableBlock = {
  kind: 'table',
  header: [boldCell('Organisme'), boldCell('Référent'), boldCell('Fonction'), boldCell('Coordonnées')],
  rows: [
    [cell('Caisse d’Allocations Familiales de la Côte d’Or'), cell('Pascale STURLA BORDET'), cell('Responsable du pôle études'), cell(`03${NBSP}80${NBSP}00${NBSP}00${NBSP}01`, 'pascale.sturla-bordet@caf.fr')],
    [cell('Caisse d’Allocations Familiales de la Côte d’Or'), cell('Violette SOCQUARD'), cell('Référente technique'), cell(`03${NBSP}80${NBSP}00${NBSP}00${NBSP}02`, 'violette.socquard@caf.fr')],
    [
      cell('Cabinet Compas-tis'),
      cell('Sylvie TARTESSE'),
      cell('Chargée d’études, animation et coordination des travaux de l’Observatoire'),
      cell(`03${NBSP}80${NBSP}50${NBSP}35${NBSP}44`, 'sylvie.tartesse@compas-tis.com'),
    ],
    [
      cell('Cabinet Compas-tis'),
      cell('François COUSSEAU'),
      cell('Chargé d’études, recueil et traitement des données'),
      cell(`02${NBSP}51${NBSP}80${NBSP}69${NBSP}80`, 'francois.cousseau@compas-tis.com'),
    ],
    [
      cell('Grand Dijon'),
      cell('Sylvain MICHEL'),
      cell('Chef du service Politique de la Ville, Emploi, Insertion et ESS'),
      cell(`03${NBSP}80${NBSP}50${NBSP}37${NBSP}47`, 'smichel@grand-dijon.fr'),
    ],
  ],
};

const annexReferents: Section = {
  kind: 'annex',
  number: 1,
  title: 'Référents techniques et de suivi',
  annexKind: 'referents',
  blocks: [h(2, 'Annexe 1 – Référents techniques et de suivi'), p(`Chaque organisme désigne les personnes suivantes${NNBSP}:`), referentsTable],
};

const engagements: readonly (readonly [string, readonly string[]])[] = [
  [
    'Engagement 1 : utiliser les données sources transmises par les institutions partenaires seulement avec leur accord',
    [
      'Les communes s’appuient sur des indicateurs calculés validés par les partenaires fournisseurs, tels qu’ils leur ont été fournis (cela exclut la diffusion d’indicateurs construits à façon par confrontation de différentes sources).',
      'La source des données est mentionnée sur tous les supports de travaux. La mise en œuvre d’une étude thématique par une commune ou un groupement de communes fait l’objet d’une demande préalable auprès des fournisseurs de données concernés.',
    ],
  ],
  [
    'Engagement 2 : respecter la confidentialité et l’intégrité des données sources',
    [
      `Conformément à la loi du 7${NBSP}juin${NBSP}1951 sur le secret statistique et à la loi du 6${NBSP}janvier${NBSP}1978 relative à la protection des libertés individuelles, les communes s’obligent au secret professionnel en ce qui concerne tout renseignement de nature confidentielle dont elles pourraient avoir connaissance.`,
      'Les partenaires de l’Observatoire s’engagent à ne diffuser aucune donnée ou case de tableau dont l’effectif serait inférieur à cinq. La transmission des données à un tiers, à titre gratuit ou onéreux, est interdite, sous quelque forme que ce soit.',
    ],
  ],
  ['Engagement 3 : exploiter les informations transmises pour le seul usage de la collectivité', ['Dans le cadre strictement prévu à cet effet entre l’Observatoire d’une part et la collectivité locale ou son CCAS d’autre part.']],
  [
    'Engagement 4 : diffuser les études et travaux entre les seuls partenaires de l’Observatoire',
    ['Seulement sous forme de documents résultant d’analyses partagées préalables avec les partenaires fournisseurs et propriétaires des données.'],
  ],
  ['Engagement 5 : contribuer à la démarche d’observation et d’évaluation de la Politique de la Ville', ['Par l’apport de données ciblées.']],
  [
    'Engagement 6 : désigner un ou plusieurs référents',
    [
      `Au sein de la collectivité ou du CCAS, afin de faciliter le partenariat de travail avec l’Observatoire intercommunal, tant sur l’échange de données (référent technique) que sur la participation à toute action – analyse partagée, formation… – en lien avec la démarche d’observation (référent responsable).`,
    ],
  ],
  ['Engagement 7 : participer aux ateliers ou groupes d’analyse partagée', ['Mis en place par l’Observatoire, à l’invitation de ce dernier.']],
  ['Engagement 8 : participer aux sessions de formation sur l’observation sociale', ['Organisées par l’Observatoire.']],
];

const annexCharter: Section = {
  kind: 'annex',
  number: 2,
  title: 'Charte d’utilisation des données statistiques',
  annexKind: 'charter',
  blocks: [
    h(2, 'Annexe 2 – Charte d’utilisation des données statistiques'),
    centred('collectées par le Grand Dijon, par les CCAS et villes membres de l’intercommunalité'),
    p(`La démarche d’Observatoire de la Cohésion Sociale animée par le Grand Dijon et le CCAS de Dijon conduit à${NNBSP}:`),
    ul(
      `échanger entre les partenaires locaux institutionnels, dont les communes de l’agglomération, des données sociales et économiques confidentielles${NNBSP};`,
      `partager l’analyse des données ainsi réunies et traitées par l’Observatoire${NNBSP};`,
      'diffuser les travaux réalisés à des fins d’exploitation.',
    ),
    p('Le bon fonctionnement de cet Observatoire local oblige à respecter une déontologie rigoureuse.'),
    p(
      'Cette charte traduit les engagements des communes et CCAS de l’agglomération envers le Grand Dijon et les partenaires fournisseurs de données, permettant de garantir le respect des règles édictées dans les conventions et la bonne marche de l’Observatoire partagé.',
    ),
    ...engagements.flatMap(([title, paragraphs]) => [h(3, title), ...paragraphs.map((t) => p(t))]),
    SIGNATURE_3,
  ],
};

const dataRows: readonly (readonly [string, string, string, string])[] = [
  ['Allocataires', 'Nombre d’allocataires, dont isolés et familles monoparentales', 'IRIS', 'Annuelle (au 31/12)'],
  ['Allocataires', 'Personnes couvertes (allocataires, conjoints, enfants et autres personnes à charge)', 'IRIS', 'Annuelle'],
  ['Minima sociaux', 'Bénéficiaires du RSA socle et du RSA activité', 'IRIS', 'Annuelle'],
  ['Minima sociaux', 'Bénéficiaires de l’Allocation aux Adultes Handicapés (AAH)', 'Commune', 'Annuelle'],
  ['Logement', 'Bénéficiaires d’une aide au logement (APL, ALF, ALS)', 'IRIS', 'Annuelle'],
  ['Logement', 'Taux d’effort des ménages après aide au logement', 'Commune', 'Annuelle'],
  ['Petite enfance', 'Familles bénéficiaires de la PAJE, dont complément libre choix du mode de garde', 'IRIS', 'Annuelle'],
  ['Revenus', 'Allocataires dont les revenus dépendent à 50 % ou plus des prestations', 'IRIS', 'Annuelle'],
  ['Revenus', `Allocataires à bas revenus (seuil de bas revenus${NNBSP}: 1${NBSP}001${NBSP}€)`, 'IRIS', 'Annuelle'],
];

const annexData: Section = {
  kind: 'annex',
  number: 3,
  title: 'Liste des données transmises',
  annexKind: 'data',
  blocks: [
    h(2, 'Annexe 3 – Liste des données transmises'),
    p(`Les données suivantes sont transmises chaque année, au niveau géographique indiqué, à la date de référence du 31${NBSP}décembre${NNBSP}:`),
    {
      kind: 'table',
      header: [boldCell('Thème'), boldCell('Indicateur'), boldCell('Niveau'), boldCell('Périodicité')],
      rows: dataRows.map((r) => r.map((t) => cell(t))),
    },
    { kind: 'pageBreak' },
    h(3, 'Notes sur les données'),
    p(`Les effectifs inférieurs à 5 sont masqués (secret statistique). Les températures de référence (en °C) ne sont pas concernées.`),
  ],
};

/** The sample convention. */
export const SAMPLE: Document = {
  id: 'caf-21',
  kind: 'convention',
  meta: {
    title: 'Convention de partenariat – Grand Dijon et CAF de la Côte d’Or',
    subject: 'Observatoire de la Cohésion Sociale : échange de données statistiques',
    author: 'Communauté de l’agglomération dijonnaise',
    language: 'fr-FR',
    date: '2014-06-26',
    keywords: ['Observatoire de la Cohésion Sociale', 'convention', 'CAF de la Côte d’Or'],
  },
  header: 'Observatoire de la Cohésion Sociale – Convention Grand Dijon / CAF de la Côte d’Or',
  sections: [front, preamble, ...articles, annexReferents, annexCharter, annexData],
};

/** Sections that get a bookmark. */
export const BOOKMARKED = SAMPLE.sections.filter((s) => s.kind === 'article' || s.kind === 'annex');
/** Every signing party of every signature block, in order. */
export const SIGNING_PARTIES = [...SIGNATURE_2.parties, ...SIGNATURE_3.parties];
