import type { Dataset } from '../data/load.js';
import { ConvkitError } from '../errors.js';
import type { ArticleForm, Deliberation } from '../schema/index.js';
import type { z } from 'zod';
import { houseApostrophes } from '../generate/typography.js';

/** A document annexed to the deliberation, numbered in the order the data lists it. */
export interface Annex {
  /** 1-based, derived from the order of `approves`. */
  readonly number: number;
  readonly kind: 'convention' | 'charter' | 'avenant';
  /** Partner id (convention, avenant) or signatory id (charter). */
  readonly id: string;
  /** The avenant's number (entry of the partner's `amendments`); absent for the other kinds. */
  readonly amendment?: number;
  /** « Convention de partenariat entre le Grand Dijon et la CAF de la Côte d'Or ». */
  readonly title: string;
  /** File name in the packet: « annexe-01-convention-caf-21.pdf ». */
  readonly fileName: string;
}

/** « la CAF de la Côte d'Or », « l'URSSAF Bourgogne », « Pôle Emploi Côte d'Or », « le Grand Dijon ». */
export function withArticle(name: string, article: z.infer<typeof ArticleForm>): string {
  switch (article) {
    case 'le':
      return `le ${name}`;
    case 'la':
      return `la ${name}`;
    case 'elided':
      return `l'${name}`;
    case 'none':
      return name;
  }
}

/**
 * The annexes of a deliberation, in the order of `approves`, with their derived numbers and
 * titles. Throws when an id is unknown (the checks report it first, with its line).
 */
export function approvedAnnexes(dataset: Pick<Dataset, 'observatory' | 'organisations' | 'partners' | 'signatories'>, d: Pick<Deliberation, 'approves'>): Annex[] {
  const coordinator = dataset.organisations.get(dataset.observatory.coordinator);
  const coordinatorName = coordinator ? withArticle(coordinator.shortName, coordinator.article) : dataset.observatory.coordinator;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return d.approves.map((a, i): Annex => {
    const number = i + 1;
    if (a.kind === 'convention') {
      const partner = dataset.partners.find((p) => p.id === a.partner);
      if (!partner) throw new ConvkitError(`convention approuvée inconnue : « ${a.partner} »`);
      return {
        number,
        kind: 'convention',
        id: partner.id,
        title: houseApostrophes(`Convention de partenariat entre ${coordinatorName} et ${withArticle(partner.shortName, partner.article)}`),
        fileName: `annexe-${pad(number)}-convention-${partner.id}.pdf`,
      };
    }
    if (a.kind === 'avenant') {
      const partner = dataset.partners.find((p) => p.id === a.partner);
      if (!partner) throw new ConvkitError(`avenant approuvé à la convention d'un partenaire inconnu : « ${a.partner} »`);
      return {
        number,
        kind: 'avenant',
        id: partner.id,
        amendment: a.number,
        title: houseApostrophes(
          `Avenant n°\u00a0${a.number} à la convention de partenariat entre ${coordinatorName} et ${withArticle(partner.shortName, partner.article)}`,
        ),
        fileName: `annexe-${pad(number)}-avenant-${a.number}-${partner.id}.pdf`,
      };
    }
    const signatory = dataset.signatories.find((s) => s.id === a.signatory);
    if (!signatory) throw new ConvkitError(`charte approuvée inconnue : « ${a.signatory} »`);
    return {
      number,
      kind: 'charter',
      id: signatory.id,
      title: houseApostrophes(`Charte d'utilisation des données statistiques signée par ${withArticle(signatory.shortName, signatory.article)}`),
      fileName: `annexe-${pad(number)}-charte-${signatory.id}.pdf`,
    };
  });
}

/** « Annexe n° 3 à la délibération du 26 juin 2014 »: the stamp on the annex's first page. */
export function annexStamp(number: number, frenchSessionDate: string): string {
  return `Annexe n°\u00a0${number} à la délibération du ${frenchSessionDate}`;
}
