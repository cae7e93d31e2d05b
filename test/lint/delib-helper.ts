/** A small deliberation extract for the deliberation rules' tests (consistent by default). */
export interface MiniDeliberation {
  readonly inOffice?: number;
  readonly present?: number;
  readonly proxies?: number;
  readonly pour?: number;
  readonly contre?: number;
  readonly abstention?: number;
  readonly presentList?: string;
  readonly substitutes?: string;
  readonly absentList?: string;
}

export function miniDeliberation(o: MiniDeliberation = {}): string {
  return [
    'EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS',
    'du Conseil de la Communauté urbaine',
    `Nombre de membres en exercice : ${o.inOffice ?? 9}`,
    `Nombre de présents participant au vote : ${o.present ?? 6}`,
    `Nombre de procurations : ${o.proxies ?? 2}`,
    `SCRUTIN : POUR : ${o.pour ?? 7}`,
    `ABSTENTION : ${o.abstention ?? 1} CONTRE : ${o.contre ?? 0}`,
    'Membres titulaires présents :',
    o.presentList ?? 'M. Paul AUBRY\tMme Lise BLANC\tM. Marc CARON\nMme Rose DAVID\tM. Éric FABRE\tMme Inès GAUTIER',
    ...(o.substitutes ? ['Membres suppléants avec voix délibératives présents :', o.substitutes] : []),
    'Membres titulaires absents :',
    o.absentList ?? 'M. Henri HOUX pouvoir à Mme Lise BLANC\tMme Julie IMBERT pouvoir à M. Marc CARON\nM. Karl JOLY',
    'OBJET : OBSERVATOIRE SOCIAL',
    'Le conseil approuve la convention.',
  ].join('\n\n');
}
