/**
 * Word's automatic numbering, as the reader of a .docx needs it: the label Word prints before a
 * numbered paragraph (« Article 3 – », « 2. », « b) », « IV. »), which is not in the
 * paragraph's text but computed from `word/numbering.xml`. A convention whose articles and
 * annexes are numbered by Word shows « Article 3 » on paper and in its PDF; the linter must
 * read the same in the .docx, or an « annexe 2 » cited in the text has no « Annexe 2 » to find.
 *
 * What is followed (ECMA-376 Part 1, 17.9): abstract numbering definitions and their levels
 * (`w:start`, `w:numFmt`, `w:lvlText`, `w:suff`, `w:isLgl`, `w:lvlRestart`), numbering instances
 * (`w:num`) with `w:lvlOverride`/`w:startOverride`, numbering given by the paragraph
 * (`w:numPr`) or by its style (`w:pPr/w:numPr` of the style and of the styles it is based on).
 * Instances of one abstract definition share their counters, as Word continues such lists;
 * an instance with a start override restarts its levels where it is first used.
 * A definition that only points to a list style (`w:numStyleLink`, Word's « Définir un nouveau
 * style de liste ») takes the levels and the counters of the definition that style is linked to
 * (`w:styleLink` in numbering.xml, or the style's own numbering in styles.xml).
 * Not followed: `w:lvlPicBulletId` pictures, text formats spelled out in words (written as
 * digits here).
 */
import { attribute, tokenizeXml } from './xml.js';

/** One level of an abstract numbering definition. */
export interface NumberingLevel {
  readonly start: number;
  /** `decimal`, `upperRoman`, `lowerLetter`, `bullet`, `none`… */
  readonly format: string;
  readonly text: string;
  /** `tab` (Word's default), `space` or `nothing`: what follows the label. */
  readonly suffix: string;
  /** Legal numbering: every level shown in decimal. */
  readonly legal: boolean;
  /** 1-based level whose numbering restarts this one (Word: the previous level); 0: never. */
  readonly restart?: number;
}

export interface NumberingDefinitions {
  readonly abstracts: ReadonlyMap<string, ReadonlyMap<number, NumberingLevel>>;
  readonly instances: ReadonlyMap<string, { readonly abstract: string; readonly starts: ReadonlyMap<number, number> }>;
}

/** A style's numbering (`w:numPr` in its paragraph properties) and the style it is based on. */
export interface StyleNumbering {
  readonly numId?: string;
  readonly ilvl?: number;
  readonly basedOn?: string;
}

const int = (s: string | undefined, fallback: number): number => {
  const n = s === undefined ? Number.NaN : Number.parseInt(s, 10);
  return Number.isFinite(n) ? n : fallback;
};

/**
 * Reads `word/numbering.xml`. `styleNumIds`: the numbering instance of each numbering style of
 * styles.xml (style id → `w:numId`), to follow a `w:numStyleLink` that no `w:styleLink` answers.
 */
export function readNumbering(xml: string, styleNumIds: ReadonlyMap<string, string> = new Map()): NumberingDefinitions {
  const abstracts = new Map<string, Map<number, NumberingLevel>>();
  const instances = new Map<string, { abstract: string; starts: Map<number, number> }>();
  /** List style → the definition it is linked to; definition → the list style it points to. */
  const linked = new Map<string, string>();
  const pointsTo = new Map<string, string>();
  let abstract: Map<number, NumberingLevel> | undefined;
  let abstractId: string | undefined;
  let level: { ilvl: number; start: number; format: string; text: string; suffix: string; legal: boolean; restart?: number } | undefined;
  let instance: { abstract: string; starts: Map<number, number> } | undefined;
  let override: number | undefined;
  for (const t of tokenizeXml(xml)) {
    if (t.type === 'close') {
      if (t.name === 'w:lvl' && level !== undefined && abstract !== undefined) {
        const { ilvl, ...rest } = level;
        if (!abstract.has(ilvl)) abstract.set(ilvl, rest);
        level = undefined;
      } else if (t.name === 'w:abstractNum') {
        abstract = undefined;
        abstractId = undefined;
      }
      else if (t.name === 'w:num') instance = undefined;
      else if (t.name === 'w:lvlOverride') override = undefined;
      continue;
    }
    if (t.type !== 'open') continue;
    const val = attribute(t.attrs, 'w:val');
    switch (t.name) {
      case 'w:abstractNum': {
        const id = attribute(t.attrs, 'w:abstractNumId');
        abstract = new Map();
        abstractId = id;
        if (id !== undefined && !abstracts.has(id)) abstracts.set(id, abstract);
        break;
      }
      case 'w:styleLink':
        if (abstractId !== undefined && val !== undefined && !linked.has(val)) linked.set(val, abstractId);
        break;
      case 'w:numStyleLink':
        if (abstractId !== undefined && val !== undefined) pointsTo.set(abstractId, val);
        break;
      case 'w:lvl':
        if (abstract !== undefined) level = { ilvl: int(attribute(t.attrs, 'w:ilvl'), 0), start: 1, format: 'decimal', text: '', suffix: 'tab', legal: false };
        break;
      case 'w:start':
        if (level !== undefined) level.start = int(val, 1);
        break;
      case 'w:numFmt':
        if (level !== undefined && val !== undefined) level.format = val;
        break;
      case 'w:lvlText':
        if (level !== undefined) level.text = val ?? '';
        break;
      case 'w:suff':
        if (level !== undefined && val !== undefined) level.suffix = val;
        break;
      case 'w:isLgl':
        if (level !== undefined) level.legal = val === undefined || !/^(?:0|false|off)$/i.test(val);
        break;
      case 'w:lvlRestart':
        if (level !== undefined) level.restart = int(val, 0);
        break;
      case 'w:num': {
        const id = attribute(t.attrs, 'w:numId');
        instance = { abstract: '', starts: new Map() };
        if (id !== undefined && !instances.has(id)) instances.set(id, instance);
        break;
      }
      case 'w:abstractNumId':
        if (instance !== undefined && val !== undefined) instance.abstract = val;
        break;
      case 'w:lvlOverride':
        if (instance !== undefined) override = int(attribute(t.attrs, 'w:ilvl'), 0);
        break;
      case 'w:startOverride':
        if (instance !== undefined && override !== undefined) instance.starts.set(override, int(val, 1));
        break;
    }
  }
  // Instances of a definition that points to a list style use the style's definition (and
  // share its counters, as Word continues such lists).
  const target = (id: string): string => {
    const style = pointsTo.get(id);
    if (style === undefined) return id;
    const direct = linked.get(style);
    if (direct !== undefined && !pointsTo.has(direct)) return direct;
    const viaStyle = instances.get(styleNumIds.get(style) ?? '')?.abstract;
    return viaStyle !== undefined && !pointsTo.has(viaStyle) ? viaStyle : id;
  };
  for (const instance of instances.values()) instance.abstract = target(instance.abstract);
  return { abstracts, instances };
}

const ROMAN: readonly [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  let out = '';
  let rest = n;
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** Word's letters: A…Z, then AA…ZZ, AAA… (the letter repeated). */
function letters(n: number): string {
  if (n <= 0) return String(n);
  return String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

/** A counter as the level's format prints it (French ordinals: 1er, 2e). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'none':
      return '';
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'ordinal':
      return n === 1 ? '1er' : `${n}e`;
    default:
      return String(n);
  }
}

/**
 * Computes the labels of a document's numbered paragraphs in reading order: call
 * {@link label} for each numbered paragraph, in order.
 */
export class Numberer {
  /** Counters by abstract definition: level → current value. */
  private readonly counters = new Map<string, Map<number, number>>();
  private readonly started = new Set<string>();

  constructor(private readonly definitions: NumberingDefinitions) {}

  /**
   * The label of a paragraph numbered by instance `numId` at level `ilvl`, with what follows
   * it (a space for a tab or a space), or '' for bullets, `none`, numId 0 and unknown
   * instances. Advances the counters.
   */
  label(numId: string, ilvl: number): string {
    const instance = this.definitions.instances.get(numId);
    if (instance === undefined) return '';
    const levels = this.definitions.abstracts.get(instance.abstract);
    const level = levels?.get(ilvl);
    if (levels === undefined || level === undefined) return '';
    let counts = this.counters.get(instance.abstract);
    if (counts === undefined) {
      counts = new Map();
      this.counters.set(instance.abstract, counts);
    }
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [l, start] of instance.starts) counts.set(l, start - 1);
    }
    const value = (counts.get(ilvl) ?? (levels.get(ilvl)?.start ?? 1) - 1) + 1;
    counts.set(ilvl, value);
    // Deeper levels restart, unless their lvlRestart says otherwise.
    for (const [l, def] of levels) {
      if (l <= ilvl) continue;
      const restartAfter = def.restart === undefined ? l : def.restart; // 1-based level that restarts it
      if (restartAfter !== 0 && ilvl + 1 <= restartAfter) counts.delete(l);
    }
    if (level.format === 'bullet') return '';
    const text = level.text.replace(/%([1-9])/g, (_, k: string) => {
      const l = Number(k) - 1;
      const def = levels.get(l);
      const n = counts.get(l) ?? def?.start ?? 1;
      return formatNumber(n, level.legal ? 'decimal' : l === ilvl ? level.format : (def?.format ?? 'decimal'));
    });
    if (text.trim() === '') return '';
    return level.suffix === 'nothing' ? text : `${text} `;
  }
}
