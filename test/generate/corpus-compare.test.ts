/**
 * The comparison test: each generated convention (with its annexes) against the 2014 text, and
 * each generated charter against the charter its commune or CCAS signed.
 *
 * Both sides are reduced to text units (corpus-units.ts): paragraphs, list items, table-cell
 * lines, signature lines; whitespace, NBSP and apostrophes are normalised. Then:
 *
 * 1. REWRITES (local corrections) are applied to the corpus text: each is a known error of the
 *    2014 text, or a form the generator derives from the data.
 * 2. The units are diffed (LCS). Every remaining difference must be explained by a row of
 *    DIFFERENCES (whole units replaced, added or removed) or MOVES (units moved unchanged).
 * 3. Anything unexplained fails with a readable diff; a row that explains nothing for one of
 *    its partners fails too, so the tables cannot go stale.
 *
 * The tables are the reviewable list of everything the generator changes in the 2014 texts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load.js';
import { documentBuilder, type DocumentBuilder } from '../../src/generate/documents.js';
import { loadTemplates } from '../../src/template/engine.js';
import {
  applyRewrites,
  corpusUnits,
  diffUnits,
  documentUnits,
  explain,
  formatHunks,
  type Difference,
  type Move,
  type Rewrite,
} from './corpus-units.js';

const CAF = 'caf-21';
const CARSAT = 'carsat-bfc';
const MDEF = 'mdef';
const ML = 'mission-locale';
const PE = 'pole-emploi-21';
const URSSAF = 'urssaf-bourgogne';
const ALL = [CAF, CARSAT, MDEF, ML, PE, URSSAF] as const;
const BUT_CAF = [CARSAT, MDEF, ML, PE, URSSAF] as const;

/** Line ranges of each convention with its annexes (test/fixtures/corpus-README.md). */
const CONVENTIONS: Readonly<Record<string, readonly [number, number]>> = {
  [CAF]: [105, 405],
  [CARSAT]: [406, 661],
  [MDEF]: [662, 888],
  [ML]: [889, 1120],
  [PE]: [1121, 1357],
  [URSSAF]: [1358, 1573],
};

/** Line ranges of each signed charter. */
const CHARTERS: Readonly<Record<string, readonly [number, number]>> = {
  'ccas-dijon': [1574, 1634],
  chenove: [1635, 1694],
  longvic: [1695, 1753],
  quetigny: [1754, 1813],
  talant: [1814, 1873],
  dijon: [1874, 1929],
};
const SIGNATORIES = Object.keys(CHARTERS);

// ------------------------------------------------------------------------------------------
// REWRITES: local corrections, applied to the corpus text in this order.
// ------------------------------------------------------------------------------------------
const REWRITES: readonly Rewrite[] = [
  // Names derived from the data, once for all.
  { id: 'grand-dijon', partners: [...ALL], from: /Grand-Dijon/, to: 'Grand Dijon', reason: 'the coordinator is named from data/organisations/grand-dijon.yaml (« Grand Dijon »); the corpus mixes « Grand-Dijon » and « Grand Dijon »' },
  { id: 'cabinet', partners: [...ALL], from: /\b(Le|le|au) Cabinet\b/, to: '$1 cabinet', reason: 'the contractor\'s designation « le cabinet Compas-tis » (data), lower case as in art. 4 « le cabinet Compas-tis se chargera »' },
  { id: 'agglomeration-case', partners: [...ALL], from: /agglomération Dijonnaise/, to: 'agglomération dijonnaise', reason: 'the coordinator\'s legal name as in the data (« Communauté de l\'agglomération dijonnaise »)' },
  { id: 'communaute-case', partners: [...ALL], from: /de la communauté de l'agglomération/, to: "de la Communauté de l'agglomération", reason: 'the coordinator\'s legal name takes a capital (art. 3)' },
  { id: 'article-1-dash', partners: [...ALL], from: /^Article 1 - /, to: 'Article 1 – ', reason: 'every article heading uses the en dash; article 1 had a hyphen' },
  { id: 'a-accent', partners: [...ALL], from: /\bA (défaut|ce titre)\b/, to: 'À $1', reason: 'accented capital (« À défaut », « À ce titre »)' },
  { id: 'entre-autres', partners: [CAF, CARSAT, ML, PE, URSSAF], from: /entre autre\b/, to: 'entre autres', reason: 'spelling: « entre autres »' },
  { id: 'liste-ci-jointe', partners: [CAF, MDEF, ML, PE, URSSAF], from: / \(liste ci-jointe\)/, to: '', reason: 'art. 3 announced a list of communes that no convention attached: dropped (as in the CARSAT convention) rather than invented' },
  { id: 'formats', partners: [...ALL], from: /xls, acces, ou txt/, to: 'xls, Access ou txt', reason: 'the formats come from data/observatory.yaml (« Access », the product); French enumeration without a comma before « ou »' },
  { id: 'participle-collected', partners: [CARSAT, MDEF, ML, PE, URSSAF], from: /qu'il aura collecté auprès/, to: "qu'il aura collectées auprès", reason: 'agreement with « les données » placed before (as in the CAF convention)' },
  { id: 'participle-centralised', partners: [CARSAT, MDEF, ML, PE, URSSAF], from: /qu'il aura centralisé dans/, to: "qu'il aura centralisées dans", reason: 'agreement with « les données » placed before (as in the CAF convention)' },
  { id: 'a-ce-titre-commas', partners: [CARSAT, MDEF, ML, PE, URSSAF], from: /et qui à ce titre auront/, to: 'et qui, à ce titre, auront', reason: 'the incise takes commas (as in the CAF convention)' },
  { id: 'mobilisation', partners: [CAF, CARSAT, ML, PE, URSSAF], from: /et de mobilisation des partenaires/, to: 'et mobilisation des partenaires', reason: '« Partage … et mobilisation des partenaires » (as in the MDEF convention): « et de mobilisation » does not construe' },
  { id: 'au-dela', partners: [...ALL], from: /au delà/, to: 'au-delà', reason: 'spelling: « au-delà »' },
  { id: 'cohesion-de-sociale', partners: [CAF, MDEF, PE, URSSAF], from: /Cohésion de Sociale/, to: 'Cohésion Sociale', reason: 'the observatory\'s name (« de la Cohésion de Sociale » is a typo)' },
  { id: 'expiry-date', partners: [...ALL], from: /expire le 31\/12\/2015/, to: 'expire le 31 décembre 2015', reason: 'dates in words, from the data (terms.expires)' },
  { id: 'source-date', partners: [...ALL], from: /date : XXXX/, to: 'date : …', reason: 'the source mention shows the form of the date with an ellipsis, not a « XXXX » placeholder' },
  { id: 'oeuvre', partners: [...ALL], from: /oeuvre/, to: 'œuvre', reason: 'spelling: « mise en œuvre » (ligature)' },
  { id: 'politique-de-la-ville', partners: [CAF], from: /communes Politiques de la [Vv]ille/, to: 'communes Politique de la Ville', reason: '« la Politique de la Ville » is a single policy' },
  { id: 'compte-tenu', partners: [ML, PE, URSSAF], from: /Compte-tenu/, to: 'Compte tenu', reason: 'spelling: « compte tenu de » has no hyphen' },
  { id: 'maison-emploi-case', partners: [MDEF], from: /Maison de l'emploi et de la Formation/, to: "Maison de l'Emploi et de la Formation", reason: 'the partner\'s name as in the data' },
  // Annex numbers and cross-references, derived from the annexes each convention has.
  { id: 'cf-carsat-charter', partners: [CARSAT], from: /\(Cf annexe 2\)/, to: '(cf. annexe 3)', reason: 'canonical annex order (referents, data list, charter): the charter is annex 3' },
  { id: 'cf-carsat-data', partners: [CARSAT], from: / dont la liste indicative est définie en annexe 3\./, to: ', dont la liste indicative est définie en annexe 2 de la présente convention.', reason: 'the data list is annex 2 (canonical order); the shared wording of the MDEF convention' },
  { id: 'cf-mdef-data', partners: [MDEF], from: /définie en annexe 1 de la présente convention/, to: 'définie en annexe 2 de la présente convention', reason: 'canonical annex order: the referents are annex 1, the data list annex 2' },
  { id: 'cf-mdef-referents', partners: [MDEF], from: /\(cf annexe 2\)/, to: '(cf. annexe 1)', reason: 'canonical annex order: the referents are annex 1' },
  { id: 'cf', partners: [...ALL], from: /\([Cc]f annexe (\d)\)/, to: '(cf. annexe $1)', reason: 'abbreviation « cf. » with its point' },
  // Agreement with the partner's gender (Pôle Emploi is masculine).
  { id: 'pe-invite', partners: [PE], from: /et invitée aux réunions/, to: 'et invité aux réunions', reason: 'agreement with « Pôle Emploi » (masculine)' },
  { id: 'pe-informe', partners: [PE], from: /Pôle Emploi sera informée/, to: 'Pôle Emploi sera informé', reason: 'agreement with « Pôle Emploi » (masculine)' },
  { id: 'pe-associe', partners: [PE], from: /et associée aux travaux/, to: 'et associé aux travaux', reason: 'agreement with « Pôle Emploi » (masculine)' },
  // Wrong partner.
  { id: 'urssaf-wrong-partner', partners: [URSSAF], from: /définies au préalable avec la Maison de l'Emploi et de la Formation\./, to: "définies au préalable avec l'URSSAF.", reason: 'copy-paste from the MDEF convention: the data-sharing conditions are agreed with the URSSAF itself' },
  { id: 'carsat-wrong-source', partners: [CARSAT], from: /Source CAF 21,/, to: 'Source CARSAT Bourgogne et Franche-Comté,', reason: 'copy-paste from the CAF convention: the source mention names the CARSAT (sourceLabel in the data)' },
  // Referent annexes: people kept once in data/people/.
  { id: 'referents-techniques', partners: [CAF, CARSAT, ML, URSSAF], from: /référents technique et de suivi/, to: 'référents techniques et de suivi', reason: 'agreement: « référents techniques »' },
  { id: 'referents-accent', partners: [PE], from: /référénts/, to: 'référents', reason: 'spelling' },
  { id: 'etudes-space', partners: [MDEF, ML, PE], from: /Chargée d' études/, to: "Chargée d'études", reason: 'stray space after the apostrophe' },
  { id: 'contractor-email', partners: [...ALL], from: /@Compas-tis\.com/, to: '@compas-tis.com', reason: 'e-mail addresses as in data/people/compas-tis.yaml (lower case)' },
  { id: 'sylvain-michel-function', partners: [...ALL], from: /Politique de Ville, Emploi-insertion-ESS du Grand Dijon et de la ville de Dijon-Ville/, to: 'Politique de la Ville, Emploi-insertion-ESS du Grand Dijon et de la Ville de Dijon', reason: 'function as in data/people/grand-dijon.yaml: « Politique de la Ville », « Ville de Dijon » (no « Dijon-Ville »)' },
  // The parties, the title and the signature block.
  { id: 'coordinator-dashes', partners: [...ALL], from: /BP 17510 - 21075 DIJON CEDEX -,/, to: 'BP 17510 – 21075 DIJON CEDEX –,', reason: 'address segments from the data, always separated by en dashes' },
  { id: 'carsat-comte', partners: [CARSAT], from: /FRANCHE-COMTE\b/, to: 'FRANCHE-COMTÉ', reason: 'accented capital: the legal name in capitals keeps its accents' },
  { id: 'signature-lead', partners: [...ALL], from: /^A Dijon, le$/, to: 'Fait à Dijon, le ………………………, en deux exemplaires originaux.', reason: 'the lead sentence of every signature block (src/model/signature.ts): place from the data, date left blank until signed, number of originals = number of signing parties' },
  // The CAF convention.
  { id: 'caf-preamble-legal-name', partners: [CAF], from: /Communauté de l'Agglomération Dijonnaise engage une démarche d'Observatoire de la Cohésion sociale/, to: "Communauté de l'agglomération dijonnaise engage une démarche d'Observatoire de la Cohésion Sociale", reason: 'the coordinator\'s legal name and the observatory\'s name, from the data' },
  { id: 'caf-preamble-dont', partners: [CAF], from: /institutionnels, sont les communes/, to: 'institutionnels, dont les communes', reason: 'typo: « dont les communes » (as in the charter)' },
  { id: 'caf-preamble-parties', partners: [CAF], from: /signées entre la Communauté de l'Agglomération dijonnaise, la Ville de Dijon et le CCAS de Dijon et les partenaires/, to: "signées entre la Communauté de l'agglomération dijonnaise et les partenaires", reason: 'the conventions are signed by the coordinator and each partner only: the Ville de Dijon and the CCAS are not parties (they sign the charter)' },
  { id: 'caf-preamble-annex', partners: [CAF], from: /démarche d'Observatoire de la cohésion sociale, signent une charte d'utilisation des données statistiques collectées dans ce cadre \(charte d'utilisation comportant les signatures en annexe\)/, to: "démarche d'Observatoire de la Cohésion Sociale, signent une charte d'utilisation des données statistiques collectées dans ce cadre (charte d'utilisation en annexe 2)", reason: 'the annexed charter is the model, not the signed copies (each signatory signs its own, chartes/<id>.docx); the annex number is derived' },
  { id: 'caf-preamble-convention-parties', partners: [CAF], from: /la convention établie entre la Communauté d'Agglomération dijonnaise, les communes Politique de la Ville et leur CCAS et le fournisseur de données/, to: "la convention établie entre la Communauté de l'agglomération dijonnaise et le fournisseur de données", reason: 'the parties of the convention are the coordinator and the partner; the communes and CCAS are bound by the charter' },
  { id: 'caf-partner-full-name', partners: [CAF], from: /les professionnels de la Caisse d'Allocations Familiales\./, to: "les professionnels de la Caisse d'Allocations Familiales de la Côte d'Or.", reason: 'the partner\'s legal name from the data' },
  { id: 'caf-partner-short-name', partners: [CAF], from: /(soumis à|solliciter ponctuellement|les règles de|engagés par) la (?:Caisse d'Allocations Familiales(?: de la Côte d'Or)?|CAF)(?= qui| pour| en matière| ne donneront)/, to: "$1 la CAF de la Côte d'Or", reason: 'the partner is named by its short name from the data (« CAF de la Côte d\'Or »), as in the rest of the convention' },
  { id: 'caf-formats-purpose', partners: [CAF], from: /au format xls, Access ou txt\.$/, to: "au format xls, Access ou txt, en vue de leur intégration au sein d'une base de données.", reason: 'shared clause aligned on the five other conventions (only the CAF text lacked the purpose)' },
  { id: 'caf-centralisera', partners: [CAF], from: /^Le Grand Dijon centralise les demandes de données/, to: 'Le Grand Dijon centralisera par ailleurs les demandes de données', reason: 'shared clause aligned on the five other conventions (tense agreeing with « les accompagnera »)' },
  { id: 'caf-libertes', partners: [CAF], from: /Loi Informatique et Liberté n°/, to: 'Loi Informatique et Libertés n°', reason: 'the name of the law (as in article 6)' },
  { id: 'caf-elles', partners: [CAF], from: /(Les parties signataires de la présente convention et de la charte s'obligent .*) dont ils pourraient/, to: '$1 dont elles pourraient', reason: 'agreement with « les parties »' },
  { id: 'caf-article-7-title', partners: [CAF], from: /^Article 7 – Intégration des données dans l'outil Babord et limitation d'accès aux données sources$/, to: "Article 7 – Intégration des données dans l'outil Babord", reason: 'article 8 « Limitation d\'accès aux données sources » has that subject: two articles had the same subject' },
  { id: 'caf-liste-en-annexe', partners: [CAF], from: / \(liste en annexe\)/, to: '', reason: 'no list of the communes\' referents is annexed: the mention is dropped rather than pointing to nothing' },
  { id: 'caf-transmettre', partners: [CAF], from: /ne pourra transmettre (les données de la CAF de la Côte d'Or aux CCAS et villes de l'intercommunalité qui en feraient la demande) qu'avec/, to: 'pourra transmettre $1 seulement avec', reason: 'shared access clause aligned on the five other conventions (same meaning)' },
  { id: 'caf-timbre', partners: [CAF], from: /droit de timbre e de la formalité/, to: 'droit de timbre et de la formalité', reason: 'typo « e » for « et »' },
  { id: 'caf-act-partner', partners: [CAF], from: /la CAF de X/, to: "la CAF de la Côte d'Or", reason: 'placeholder « X » of the engagement-act model: the partner is known' },
  { id: 'caf-act-commanditaire', partners: [CAF], from: / \(citer la collectivité commanditaire\),/, to: ", la Communauté de l'agglomération dijonnaise,", reason: 'placeholder of the model: the commissioning authority is the coordinator' },
  { id: 'caf-act-non-divulgation', partners: [CAF], from: /la non divulgation/, to: 'la non-divulgation', reason: 'spelling of the noun' },
  // The MDEF convention.
  { id: 'mdef-enumeration', partners: [MDEF], from: /à savoir la Mission Locale, Pôle Emploi, l'URSSAF\./, to: "à savoir la Mission Locale, Pôle Emploi et l'URSSAF.", reason: 'the partners collected through the MDEF are derived from the data (collection.via), enumerated with « et »' },
  { id: 'mdef-animatrice', partners: [MDEF], from: /et animateur des réflexions/, to: 'et animatrice des réflexions', reason: 'agreement with the MDEF (feminine), like « désignée référente »' },
  { id: 'mdef-data-heading-number', partners: [MDEF], from: /^ANNEXE 1 :$/, to: '', reason: 'the annex heading is one line with its title (see the next rewrite)' },
  { id: 'mdef-data-heading', partners: [MDEF], from: /^liste des données transmises par la Maison de l'Emploi et de la Formation$/, to: "ANNEXE 2 : liste des données transmises par la Maison de l'Emploi et de la Formation", reason: 'canonical annex order: referents (1), data list (2), charter (3)' },
  { id: 'mdef-referents-heading', partners: [MDEF], from: /^ANNEXE 2 : référents techniques et de suivi$/, to: 'ANNEXE 1 : référents techniques et de suivi', reason: 'canonical annex order: referents (1), data list (2), charter (3)' },
  { id: 'mdef-data-punctuation', partners: [MDEF], from: /^(Nombre de bénéficiaires|Situation des personnes en fin de parcours PLIE .*|Répartition des sorties positives .*?) ?[;.]$/, to: '$1', reason: 'data-list items are printed as the data gives them, without closing punctuation (as in the CARSAT list)' },
  // The CARSAT data annex (values corrected in data/partners/carsat-bfc.yaml).
  { id: 'carsat-data-heading-number', partners: [CARSAT], from: /^ANNEXE 3 :$/, to: '', reason: 'the annex heading is one line with its title (see the next rewrite)' },
  { id: 'carsat-data-heading', partners: [CARSAT], from: /^liste des données$/, to: 'ANNEXE 2 : liste des données transmises par la CARSAT Bourgogne et Franche-Comté', reason: 'canonical annex order (the data list is annex 2); the title names the partner as in the MDEF convention' },
  { id: 'carsat-charter-heading', partners: [CARSAT], from: /^ANNEXE 2 :$/, to: "ANNEXE 3 : charte d'utilisation des données statistiques", reason: 'canonical annex order: the charter is annex 3; the heading carries the annex title' },
  { id: 'carsat-data-pour', partners: [CARSAT], from: /ainsi que le département de la Côte d'Or dans son ensemble \(à des fins de comparaisons\)/, to: "ainsi que pour le département de la Côte d'Or dans son ensemble (à des fins de comparaison)", reason: 'parallel construction (« pour l\'agglomération … ainsi que pour le département ») and « à des fins de comparaison »' },
  { id: 'carsat-data-age', partners: [CARSAT], from: /^Age moyen/, to: 'Âge moyen', reason: 'accented capital' },
  { id: 'carsat-data-ex', partners: [CARSAT], from: /ex bénéficiaires/, to: 'ex-bénéficiaires', reason: 'spelling' },
  { id: 'carsat-data-compas', partners: [CARSAT], from: /avec l'aide du Cabinet Compas si nécessaire/, to: "avec l'aide du cabinet Compas-tis si nécessaire", reason: 'the contractor\'s name' },
  // The annexes' headings.
  { id: 'charter-annex-heading', partners: [CAF, MDEF, ML, PE, URSSAF], from: /^ANNEXE (\d) :$/, to: "ANNEXE $1 : charte d'utilisation des données statistiques", reason: 'every annex heading carries its title' },
  { id: 'charter-title', partners: [CARSAT, MDEF, ML, PE], from: /^Charte d'utilisation des données statistiques collectées par le Grand Dijon par les CCAS et Villes membres de l'intercommunalité$/, to: "Charte d'utilisation des données statistiques collectées par le Grand Dijon", reason: 'garbled title (« par le Grand Dijon par les CCAS … »): the title of the charter as the communes signed it' },
  // Referent annexes.
  { id: 'referents-group-caf', partners: [CAF], from: /^au sein de la Caisse d'Allocations Familiales de la Côte d'Or$/, to: "au sein de la CAF de la Côte d'Or", reason: 'the partner by its short name, as in the five other annexes' },
  { id: 'referents-group', partners: [...ALL], from: /^au sein (.*)$/, to: 'Au sein $1 :', reason: 'each group of referents is introduced by a sentence kept with its table' },
  { id: 'blank-function', partners: [CAF, CARSAT, PE], from: /^\[fonction\]$/, to: 'Fonction : ………………………………', reason: 'a value the data leaves blank prints as a labelled visible blank' },
  { id: 'blank-phone', partners: [CAF, CARSAT, ML, PE], from: /^\[t[ée]l\]$/, to: 'Tél. : ………………………………', reason: 'a value the data leaves blank prints as a labelled visible blank' },
  { id: 'blank-email', partners: [PE], from: /^\[mail\]$/, to: 'Courriel : ………………………………', reason: 'a value the data leaves blank prints as a labelled visible blank' },
  { id: 'carsat-referent-tapie', partners: [CARSAT], from: /^Monsieur Bernard Tapie$/, to: 'Bernard TAPIE', reason: 'names as every other annex prints them (first name, last name in capitals), from data/people/carsat-bfc.yaml' },
  { id: 'carsat-referent-tebaldini', partners: [CARSAT], from: /^Madame Marianne Tebaldini$/, to: 'Marianne TEBALDINI', reason: 'names as every other annex prints them (first name, last name in capitals), from data/people/carsat-bfc.yaml' },
  { id: 'carsat-tartesse-phone', partners: [CARSAT], from: /^06 32 22 96 32$/, to: '03 80 50 35 44', reason: 'Sylvie TARTESSE is kept once in data/people/compas-tis.yaml, with the number the five other annexes give' },
  { id: 'phone-label', partners: [...ALL], from: /^(0\d(?: \d\d){4})$/, to: 'Tél. : $1', reason: 'every phone of a referent card is labelled « Tél. : », filled or blank (issue 9, item 8)' },
  // The charter (annexed to every convention).
  { id: 'charter-kicker', partners: [...ALL], from: /^- Observatoire de la cohésion sociale -$/, to: '– Observatoire de la Cohésion Sociale –', reason: 'the observatory\'s name from the data, between en dashes' },
  { id: 'charter-elles', partners: [...ALL], from: /(Les communes s'obligent au secret professionnel .*) dont ils pourraient/, to: '$1 dont elles pourraient', reason: 'agreement with « les communes »' },
  { id: 'charter-comma', partners: [...ALL], from: /à titre gratuit ou onéreux est interdite/, to: 'à titre gratuit ou onéreux, est interdite', reason: 'the incise « à titre gratuit ou onéreux » is closed by a comma' },
  { id: 'charter-referent', partners: [CAF, CARSAT, MDEF, URSSAF], from: /réfèrent/, to: 'référent', reason: 'spelling (as in the Mission Locale and Pôle Emploi annexes)' },
  { id: 'charter-dashes', partners: [...ALL], from: /toute action - analyse partagée, formation\.\.\.- en lien/, to: 'toute action – analyse partagée, formation… – en lien', reason: 'typography of the incise: en dashes and an ellipsis' },
];

// ------------------------------------------------------------------------------------------
// DIFFERENCES: whole units the generator replaces, adds or drops.
// ------------------------------------------------------------------------------------------
const DIFFERENCES: readonly Difference[] = [
  {
    id: 'running-header',
    partners: [...BUT_CAF],
    corpus: ['Observatoire de la Cohésion Sociale Grand Dijon-Ville de Dijon-CCAS de Dijon'],
    generated: [],
    reason: 'the observatory line is the running header of every page (observatory.header), not a paragraph',
  },
  {
    id: 'caf-title',
    partners: [CAF],
    corpus: ["LA COMMUNAUTÉ DE L'AGGLOMÉRATION DIJONNAISE, LA VILLE DE DIJON ET LE CCAS DE DIJON ET LA CAISSE D'ALLOCATIONS FAMILIALES DE LA CÔTE D'OR"],
    generated: ["LE GRAND DIJON ET LA CAISSE D'ALLOCATIONS FAMILIALES DE LA CÔTE D'OR"],
    reason: 'the title names the actual parties (the Ville de Dijon and the CCAS are not parties to the convention), in the form of the five other titles',
  },
  {
    id: 'one-line-title',
    partners: [PE, URSSAF],
    corpus: [/^CONVENTION DE PARTENARIAT CONCLUE ENTRE LE GRAND DIJON ET (PÔLE EMPLOI COTE D'OR|L'URSSAF BOURGOGNE)$/],
    generated: ['CONVENTION DE PARTENARIAT', 'CONCLUE ENTRE', /^LE GRAND DIJON ET (PÔLE EMPLOI CÔTE D'OR|L'UNION DE RECOUVREMENT DES COTISATIONS DE SÉCURITÉ SOCIALE ET D'ALLOCATIONS FAMILIALES DE BOURGOGNE)$/],
    reason: 'every title has the same three lines and names the partner by its legal name (accents kept in capitals: « CÔTE »)',
  },
  {
    id: 'caf-parties',
    partners: [CAF],
    corpus: ["LA CAISSE D'ALLOCATIONS FAMILIALES DE LA CÔTE D'OR – 8 boulevard Georges Clémenceau 21043 DIJON CEDEX - ci-après désignée « CAF de la Côte d'Or », représentée par Monsieur Christophe SANNER, Directeur,"],
    generated: ["La CAISSE D'ALLOCATIONS FAMILIALES DE LA CÔTE D'OR – 8 boulevard Georges Clémenceau – 21043 DIJON CEDEX –, ci-après désignée « CAF de la Côte d'Or », représentée par M. Christophe SANNER, Directeur,"],
    reason: 'one form for every party: article, legal name in capitals, address segments between en dashes, designation, « M. » and the title',
  },
  {
    id: 'carsat-parties',
    partners: [CARSAT],
    corpus: ["LA CAISSE D'ASSURANCE RETRAITE ET DE LA SANTÉ AU TRAVAIL BOURGOGNE ET FRANCHE-COMTÉ – 21044 DIJON CEDEX - ci-après désignée « CARSAT Bourgogne et Franche-Comté », représentée par M. Francis LEBELLE, directeur,"],
    generated: ["La CAISSE D'ASSURANCE RETRAITE ET DE LA SANTÉ AU TRAVAIL BOURGOGNE ET FRANCHE-COMTÉ – 21044 DIJON CEDEX –, ci-après désignée « CARSAT Bourgogne et Franche-Comté », représentée par M. Francis LEBELLE, Directeur,"],
    reason: 'one form for every party (see caf-parties); the title « Directeur » as in the data',
  },
  {
    id: 'mdef-parties',
    partners: [MDEF],
    corpus: ["la Maison de l'Emploi et de la Formation du bassin dijonnais – 20, boulevard des Gorgets – Immeuble l'Empire – 21000 DIJON - représentée par M. Michel BACHELARD, Président,"],
    generated: ["La MAISON DE L'EMPLOI ET DE LA FORMATION DU BASSIN DIJONNAIS – 20, boulevard des Gorgets – Immeuble l'Empire – 21000 DIJON –, ci-après désignée « Maison de l'Emploi et de la Formation », représentée par M. Michel BACHELARD, Président,"],
    reason: 'one form for every party (see caf-parties), with the designation the body of the convention uses',
  },
  {
    id: 'ml-parties',
    partners: [ML],
    corpus: ["La MISSION LOCALE de l'arrondissement de Dijon – 8, rue du Temple – BP 72874 – 21028 DIJON CEDEX - représentée par M. Michel JULIEN, Président,"],
    generated: ["La MISSION LOCALE DE L'ARRONDISSEMENT DE DIJON – 8, rue du Temple – BP 72874 – 21028 DIJON CEDEX –, ci-après désignée « Mission Locale », représentée par M. Michel JULIEN, Président,"],
    reason: 'one form for every party (see caf-parties), with the designation the body of the convention uses',
  },
  {
    id: 'pe-parties',
    partners: [PE],
    corpus: ["POLE EMPLOI COTE D'OR – ci-après désignée « POLE EMPLOI », représentée par M. Joël PICARD, Directeur,"],
    generated: ["PÔLE EMPLOI CÔTE D'OR, ci-après désigné « Pôle Emploi », représenté par M. Joël PICARD, Directeur,"],
    reason: 'accents kept in capitals; agreement with « Pôle Emploi » (masculine); no address in the data, so none printed',
  },
  {
    id: 'urssaf-parties',
    partners: [URSSAF],
    corpus: ["L'UNION RECOUVREMENT SECURITE SOCIALE ALLOCATIONS FAMILIALES – 8 boulevard Georges Clémenceau 21000 DIJON - ci-après désignée « l'URSSAF BOURGOGNE », représentée par M. Pierre BORDAT, Directeur,"],
    generated: ["L'UNION DE RECOUVREMENT DES COTISATIONS DE SÉCURITÉ SOCIALE ET D'ALLOCATIONS FAMILIALES DE BOURGOGNE – 8 boulevard Georges Clémenceau – 21000 DIJON –, ci-après désignée « URSSAF Bourgogne », représentée par M. Pierre BORDAT, Directeur régional,"],
    reason: 'the legal name in full (the corpus dropped its prepositions); the designation from the data; the title « Directeur régional » as in the referent annex',
  },
  {
    id: 'mdef-duplicated-fragment',
    partners: [MDEF],
    corpus: [/^De même, elles s'engagent sur la production .* de l'action sociale locale\. De même, elle s'entendent$/],
    generated: [/^De même, elles s'engagent sur la production .* de l'action sociale locale\.$/],
    reason: 'duplicated and truncated clause « De même, elle s\'entendent » (the next paragraph starts « Enfin, elles s\'entendent »)',
  },
  {
    id: 'mdef-article-1-access',
    partners: [MDEF],
    corpus: [/en leur facilitant l'accès à des données publiques et de ses partenaires institutionnels locaux,/],
    generated: [/en leur facilitant entre autres l'accès à des données publiques et à ses partenaires institutionnels locaux,/],
    reason: 'shared clause of article 1 aligned on the five other conventions',
  },
  {
    id: 'caf-babord',
    partners: [CAF],
    corpus: [
      "Le cabinet Compas-tis s'engage à fournir annuellement au Grand Dijon les données qu'il aura collectées auprès des partenaires fournisseurs de données de l'Observatoire de la Cohésion Sociale et qu'il aura centralisées dans l'outil Babord.",
      'Cet outil permet de consulter les données et de les présenter sous forme de tableaux, graphiques et cartes.',
    ],
    generated: [
      "Le cabinet Compas-tis s'engage à fournir annuellement au Grand Dijon les données qu'il aura collectées auprès des partenaires fournisseurs de données de l'Observatoire de la Cohésion Sociale et qu'il aura centralisées dans l'outil Babord qui permet de consulter les données et de les présenter sous forme de tableaux, graphiques et cartes.",
    ],
    reason: 'shared clause of the Babord article in the form of the five other conventions (one paragraph)',
  },
  {
    id: 'pe-broken-paragraph',
    partners: [PE],
    corpus: [
      /^Le Grand Dijon centralisera par ailleurs les demandes .* aux CCAS et Villes de l'intercommunalité dans les$/,
      "conditions de partage des données et des analyses qui auront été définies au préalable avec la Pôle Emploi.",
    ],
    generated: [/^Le Grand Dijon centralisera par ailleurs les demandes .* dans les conditions de partage des données et des analyses qui auront été définies au préalable avec Pôle Emploi\.$/],
    reason: 'paragraph broken in the middle of a sentence; « avec la Pôle Emploi » → « avec Pôle Emploi » (no article)',
  },
  {
    id: 'caf-signature-heading',
    partners: [CAF],
    corpus: ["Pour la Caisse d'Allocations Familiales de la Côte d'Or"],
    generated: ["Pour la Caisse d'Allocations Familiales de la Côte d'Or,"],
    reason: 'every party heading ends with a comma, like the coordinator\'s',
  },
  {
    id: 'carsat-signature-heading',
    partners: [CARSAT],
    corpus: ['Pour la CARSAT Bourgogne et Franche-Comté'],
    generated: ["Pour la Caisse d'Assurance Retraite et de la Santé au Travail Bourgogne et Franche-Comté,"],
    reason: 'the signature heading names each partner by its legal name, from the data',
  },
  {
    id: 'mdef-signature-heading',
    partners: [MDEF],
    corpus: ["Pour la Maison de l'Emploi et de la Formation du bassin dijonnais"],
    generated: ["Pour la Maison de l'Emploi et de la Formation du bassin dijonnais,"],
    reason: 'every party heading ends with a comma, like the coordinator\'s',
  },
  {
    id: 'pe-signature-heading',
    partners: [PE],
    corpus: ["Pour Pôle Emploi de Côte d'Or,"],
    generated: ["Pour Pôle Emploi Côte d'Or,"],
    reason: 'the partner\'s legal name (« Pôle Emploi Côte d\'Or »), as in the parties block',
  },
  {
    id: 'urssaf-signature-heading',
    partners: [URSSAF],
    corpus: ["Pour l'URSSAF de Dijon,", 'Le Directeur,'],
    generated: ["Pour l'Union de Recouvrement des cotisations de Sécurité Sociale et d'Allocations Familiales de Bourgogne,", 'Le Directeur régional,'],
    reason: 'the signature names the party of the convention (the URSSAF of Bourgogne, not « de Dijon ») and its representative\'s title from the data',
  },
  {
    id: 'caf-referent-function',
    partners: [CAF],
    corpus: ['[fonction], référent technique'],
    generated: ['Fonction : ………………………………'],
    reason: 'Violette SOCQUARD\'s function is not in the data (data/people/caf-21.yaml): a visible blank; « référente technique » belongs in her function once known',
  },
  {
    id: 'charter-title-two-lines',
    partners: [CAF, URSSAF],
    corpus: ["Charte d'utilisation des données statistiques", "collectées par le Grand Dijon par les CCAS et Villes membres de l'intercommunalité"],
    generated: ["Charte d'utilisation des données statistiques collectées par le Grand Dijon"],
    reason: 'garbled title (« par le Grand Dijon par les CCAS … »): the title of the charter as the communes signed it, on one line',
  },
  {
    id: 'urssaf-charter-paragraphs',
    partners: [URSSAF],
    corpus: [/^Le bon fonctionnement de cet Observatoire local oblige à respecter une déontologie rigoureuse\. Le cadre d'utilisation des données recueillies .*$/],
    generated: ['Le bon fonctionnement de cet Observatoire local oblige à respecter une déontologie rigoureuse.', /^Le cadre d'utilisation des données recueillies /],
    reason: 'the charter\'s text is the same in every annex: two paragraphs, as in the five other copies',
  },
  {
    id: 'caf-act-heading',
    partners: [CAF],
    corpus: ["3. Modèle acte d'engagement", 'ANNEXE XX A LA CONVENTION'],
    generated: ["ANNEXE 3 : modèle d'acte d'engagement d'un prestataire de services"],
    reason: 'the model is a proper annex with its derived number (« ANNEXE XX », « 3. » were leftovers)',
  },
  {
    id: 'caf-act-files',
    partners: [CAF],
    corpus: [],
    generated: ['………………………………'],
    reason: 'the files « désignés ci-après » were never listed: a visible blank to fill in (the CAF has no data list)',
  },
  {
    id: 'caf-act-contractor',
    partners: [CAF],
    corpus: ['Nom, RS', 'Adresse', 'SIRET'],
    generated: ['Nom ou raison sociale : ………………………………', 'Adresse : ………………………………', 'SIRET : ………………………………'],
    reason: 'labelled visible blanks in the model (the standalone act fills what the data has: actes-engagement/caf-21-compas-tis.docx)',
  },
  {
    id: 'caf-act-signature',
    partners: [CAF],
    corpus: ['Fait à le', 'Le prestataire signature'],
    generated: ['Fait à ………………………………, le ……………………….', 'Pour le prestataire de services,', '………………………………'],
    reason: 'a signature block like every other: lead sentence with blanks for place and date, the signing party, a blank for the signer\'s title',
  },
];

// ------------------------------------------------------------------------------------------
// MOVES: units found unchanged elsewhere.
// ------------------------------------------------------------------------------------------
const MOVES: readonly Move[] = [
  {
    id: 'urssaf-breach-paragraph',
    partners: [URSSAF],
    moved: /^En cas de manquement au respect des dispositions de cette convention/,
    reason: 'the breach-termination paragraph belongs to article 12 « Dénonciation », not to article 13 « Résolution des litiges »',
  },
  {
    id: 'carsat-data-annex-order',
    partners: [CARSAT],
    moved: /^(ANNEXE 2 : liste des données transmises|Il s'agit des indicateurs|Ceux-ci seront collectés|Âge moyen|Nombre et part des|\*Si cela s'avère)/,
    reason: 'canonical annex order: the data list (annex 3 in 2014) comes before the charter',
  },
  {
    id: 'mdef-data-annex-order',
    partners: [MDEF],
    moved: /^(ANNEXE 2 : liste des données transmises|Nombre de bénéficiaires$|Situation des personnes en fin de parcours|Répartition des sorties positives)/,
    reason: 'canonical annex order: the referents (annex 2 in 2014) come before the data list (annex 1 in 2014)',
  },
];

let builder: DocumentBuilder;
beforeAll(async () => {
  builder = documentBuilder(await loadDataset('data'), await loadTemplates());
});

describe('generated conventions against the 2014 corpus', () => {
  const usedRewrites = new Map<string, Set<string>>();
  const usedDiffs = new Map<string, Set<string>>();
  for (const partner of ALL) {
    it(`${partner}: every difference is listed`, () => {
      const [from, to] = CONVENTIONS[partner] ?? [0, 0];
      const rewritten = applyRewrites(corpusUnits(from, to), REWRITES, partner);
      const generated = documentUnits(builder.convention(partner));
      const hunks = diffUnits(rewritten.units, generated);
      const { unexplained, used } = explain(hunks, DIFFERENCES, partner, MOVES);
      usedRewrites.set(partner, rewritten.used);
      usedDiffs.set(partner, used);
      expect(unexplained, formatHunks(partner, unexplained)).toEqual([]);
    });
  }
  it('every table row is used for each partner it lists', () => {
    const stale: string[] = [];
    for (const r of REWRITES) for (const p of r.partners) if (!usedRewrites.get(p)?.has(r.id)) stale.push(`rewrite ${r.id} (${p})`);
    for (const d of [...DIFFERENCES, ...MOVES]) for (const p of d.partners) if (!usedDiffs.get(p)?.has(d.id)) stale.push(`difference ${d.id} (${p})`);
    expect(stale).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------
// The charters as signed (corpus lines 1574–1929) against chartes/<signatory>.docx.
// ------------------------------------------------------------------------------------------
const CHARTER_REWRITES: readonly Rewrite[] = [
  { id: 'kicker', partners: SIGNATORIES, from: /^- Observatoire de la cohésion sociale -$/, to: '– Observatoire de la Cohésion Sociale –', reason: 'the observatory\'s name from the data, between en dashes' },
  { id: 'agglomeration-case', partners: SIGNATORIES, from: /agglomération Dijonnaise/, to: 'agglomération dijonnaise', reason: 'the coordinator\'s legal name as in the data' },
  { id: 'oeuvre', partners: SIGNATORIES, from: /oeuvre/, to: 'œuvre', reason: 'spelling: « mise en œuvre »' },
  { id: 'elles', partners: SIGNATORIES, from: /(Les communes s'obligent au secret professionnel .*) dont ils pourraient/, to: '$1 dont elles pourraient', reason: 'agreement with « les communes »' },
  { id: 'comma', partners: SIGNATORIES, from: /à titre gratuit ou onéreux est interdite/, to: 'à titre gratuit ou onéreux, est interdite', reason: 'the incise is closed by a comma' },
  { id: 'referent', partners: SIGNATORIES, from: /réfèrent/, to: 'référent', reason: 'spelling' },
  { id: 'dashes', partners: SIGNATORIES, from: /toute action - analyse partagée, formation\.\.\.- en lien/, to: 'toute action – analyse partagée, formation… – en lien', reason: 'typography of the incise' },
  { id: 'et-des-ccas', partners: ['quetigny', 'talant'], from: /les engagements des communes et des CCAS/, to: 'les engagements des communes et CCAS', reason: 'one text for every copy: the four other signed copies and the six annexed ones say « communes et CCAS »' },
  { id: 'coordinator-heading', partners: SIGNATORIES.filter((s) => s !== 'longvic'), from: /^Pour la Communauté de l'agglomération dijonnaise$/, to: "Pour la Communauté de l'agglomération dijonnaise,", reason: 'every party heading ends with a comma' },
];

/**
 * The signature blocks of 2014 were typed by hand in three different layouts (headings first,
 * or party by party, the date line anywhere). They are compared as sets of lines, regardless
 * of order: the generated block is one table with one column per party (lead sentence; each
 * party's heading and role; the names). Every line found on one side only is listed here.
 */
interface SignatureDifference {
  readonly id: string;
  readonly signatories: readonly string[];
  /** Lines of the 2014 block that the generated block does not have. */
  readonly corpus: readonly string[];
  /** Lines of the generated block that the 2014 block did not have. */
  readonly generated: readonly string[];
  readonly reason: string;
}

const SIGNATURE_DIFFERENCES: readonly SignatureDifference[] = [
  {
    id: 'lead',
    signatories: SIGNATORIES,
    corpus: ['Le'],
    generated: ['Fait à Dijon, le ………………………, en deux exemplaires originaux.'],
    reason: 'the lead sentence of every signature block: place from the data, date blank until signed (no signedOn in the data), one original per party',
  },
  {
    id: 'ccas-name',
    signatories: ['ccas-dijon'],
    corpus: ['Nuray AKPINAR-ISTIQAM'],
    generated: ['Nuray AKPINAR-ISTIQUAM'],
    reason: 'spelling of the name as in the deliberation and data/people/signatories.yaml',
  },
  {
    id: 'quetigny-mayor',
    signatories: ['quetigny'],
    corpus: ['Michel BACHELARD'],
    generated: [],
    reason: 'the MDEF\'s president was printed as mayor of Quetigny (copy-paste): the data leaves the name blank until the clerk confirms it',
  },
  {
    id: 'dijon-name',
    signatories: ['dijon'],
    corpus: [],
    generated: ['Nathalie KOENDERS'],
    reason: 'the signer\'s name, missing in 2014, comes from the data',
  },
];

/** Splits units at the signature block: the charter's text ends with « Engagement 8 ». */
function splitAtSignature(units: readonly string[]): { body: string[]; signature: string[] } {
  const end = units.findIndex((u) => u.startsWith('Engagement 8 :')) + 1;
  return { body: units.slice(0, end), signature: units.slice(end) };
}

/** Lines in `a` not matched one for one in `b`. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const rest = [...b];
  const out: string[] = [];
  for (const u of a) {
    const k = rest.indexOf(u);
    if (k >= 0) rest.splice(k, 1);
    else out.push(u);
  }
  return out;
}

describe('generated charters against the charters signed in 2014', () => {
  const usedRewrites = new Map<string, Set<string>>();
  const usedSignature = new Map<string, Set<string>>();
  for (const signatory of SIGNATORIES) {
    it(`${signatory}: the text is the 2014 text with the listed corrections`, () => {
      const [from, to] = CHARTERS[signatory] ?? [0, 0];
      const rewritten = applyRewrites(corpusUnits(from, to), CHARTER_REWRITES, signatory);
      usedRewrites.set(signatory, rewritten.used);
      const corpus = splitAtSignature(rewritten.units);
      const generated = splitAtSignature(documentUnits(builder.charter(signatory)));
      const hunks = diffUnits(corpus.body, generated.body);
      expect(hunks, formatHunks(signatory, hunks)).toEqual([]);
    });

    it(`${signatory}: the signature block differs only as listed`, () => {
      const [from, to] = CHARTERS[signatory] ?? [0, 0];
      const corpus = splitAtSignature(applyRewrites(corpusUnits(from, to), CHARTER_REWRITES, signatory).units).signature;
      const generated = splitAtSignature(documentUnits(builder.charter(signatory))).signature;
      const rows = SIGNATURE_DIFFERENCES.filter((d) => d.signatories.includes(signatory));
      const onlyCorpus = minus(corpus, generated);
      const onlyGenerated = minus(generated, corpus);
      const used = new Set<string>();
      for (const d of rows) {
        if (d.corpus.every((u) => onlyCorpus.includes(u)) && d.generated.every((u) => onlyGenerated.includes(u))) {
          for (const u of d.corpus) onlyCorpus.splice(onlyCorpus.indexOf(u), 1);
          for (const u of d.generated) onlyGenerated.splice(onlyGenerated.indexOf(u), 1);
          used.add(d.id);
        }
      }
      usedSignature.set(signatory, used);
      expect({ onlyCorpus, onlyGenerated }).toEqual({ onlyCorpus: [], onlyGenerated: [] });
    });
  }

  it('the charter each commune signs is word for word the charter annexed to every convention', () => {
    const annexed = (partner: string): string[] => {
      const annex = builder.convention(partner).sections.find((s) => s.annexKind === 'charter');
      // Drop the annex heading; keep the kicker, the title and the text.
      return annex ? documentUnits({ sections: [annex] }).slice(1) : [];
    };
    const reference = annexed(CAF);
    expect(reference.length).toBeGreaterThan(20);
    for (const partner of ALL) expect(annexed(partner)).toEqual(reference);
    for (const signatory of SIGNATORIES) expect(splitAtSignature(documentUnits(builder.charter(signatory))).body).toEqual(reference);
  });

  it('every table row is used for each signatory it lists', () => {
    const stale: string[] = [];
    for (const r of CHARTER_REWRITES) for (const p of r.partners) if (!usedRewrites.get(p)?.has(r.id)) stale.push(`rewrite ${r.id} (${p})`);
    for (const d of SIGNATURE_DIFFERENCES) for (const p of d.signatories) if (!usedSignature.get(p)?.has(d.id)) stale.push(`signature ${d.id} (${p})`);
    expect(stale).toEqual([]);
  });
});

describe('the comparison itself', () => {
  const run = (mutate: (units: string[]) => string[]): number => {
    const [from, to] = CONVENTIONS[URSSAF] ?? [0, 0];
    const rewritten = applyRewrites(corpusUnits(from, to), REWRITES, URSSAF);
    const generated = mutate(documentUnits(builder.convention(URSSAF)));
    return explain(diffUnits(rewritten.units, generated), DIFFERENCES, URSSAF, MOVES).unexplained.length;
  };

  it('passes on the real output', () => {
    expect(run((u) => u)).toBe(0);
  });

  it('catches a changed word, a dropped paragraph, an added one and a swap', () => {
    expect(run((u) => u.map((x) => x.replace('Un bilan annuel', 'Un bilan semestriel')))).toBeGreaterThan(0);
    expect(run((u) => u.filter((x) => !x.startsWith('Un bilan annuel')))).toBeGreaterThan(0);
    expect(run((u) => [...u.slice(0, 10), 'Paragraphe inventé.', ...u.slice(10)])).toBeGreaterThan(0);
    expect(run((u) => [u[1] ?? '', u[0] ?? '', ...u.slice(2)])).toBeGreaterThan(0);
    expect(run((u) => [...u.slice(0, 30), u[31] ?? '', u[30] ?? '', ...u.slice(32)])).toBeGreaterThan(0);
  });
});
