import type { z } from 'zod';

/** What the loader knows about the offending value, to word the message truthfully. */
export interface IssueContext {
  /** The value as written in the YAML file (« 0380 » where YAML reads the number 380). */
  readonly source?: string;
  /** The field may be left out: an empty value can then simply be removed. */
  readonly optional?: boolean;
}

/**
 * Turns a zod issue into one French sentence for the clerk (the file, line and field path are
 * printed apart). The wording follows what was actually read: a value of the wrong type is never
 * called « missing », an empty value (`phone:` with nothing after it) is called empty.
 * `unrecognized_keys` is worded by {@link unknownFieldMessage}, one line per key.
 */
export function translateIssue(issue: z.core.$ZodIssue, context: IssueContext = {}): string {
  const shown = (): string => show(issue.input, context.source);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (!('input' in issue) || issue.input === undefined) return `champ obligatoire manquant (${expected} attendu)`;
      if (issue.input === null) {
        return `valeur vide : ${expected} attendu${context.optional ? ' (champ facultatif : supprimez la ligne si la valeur est inconnue)' : ''}`;
      }
      return `type incorrect : ${expected} attendu, ${kindOf(issue.input)} reçu (${shown()})${typeHint(issue.expected, issue.input, context.source)}`;
    }
    case 'invalid_value':
      if (issue.input === undefined) return `champ obligatoire manquant ; valeurs admises : ${issue.values.map((v) => `« ${String(v)} »`).join(', ')}`;
      return `valeur non autorisée : ${shown()} ; valeurs admises : ${issue.values.map((v) => `« ${String(v)} »`).join(', ')}`;
    case 'invalid_union': {
      if ('discriminator' in issue && typeof issue.discriminator === 'string') {
        const admitted = (issue as { options?: unknown }).options;
        const options = Array.isArray(admitted) ? admitted.map((v) => `« ${String(v)} »`).join(', ') : '';
        const input = issue.input;
        const value = input !== null && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>)[issue.discriminator] : undefined;
        if (input === null || typeof input !== 'object' || Array.isArray(input)) {
          return `type incorrect : objet attendu, ${kindOf(input)} reçu`;
        }
        return value === undefined
          ? `champ obligatoire manquant ; valeurs admises : ${options}`
          : `valeur non autorisée : ${show(value, context.source)} ; valeurs admises : ${options}`;
      }
      return `valeur invalide (${shown()}) : elle ne correspond à aucune des formes admises`;
    }
    case 'too_small':
      if (issue.origin === 'array') return Number(issue.minimum) <= 1 ? 'liste vide : au moins un élément attendu' : `liste trop courte : au moins ${String(issue.minimum)} éléments attendus`;
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'texte vide' : `texte trop court : au moins ${String(issue.minimum)} caractères`;
      return `valeur trop petite : ${shown()} (minimum ${String(issue.minimum)})`;
    case 'too_big':
      if (issue.origin === 'array') return `liste trop longue : au plus ${String(issue.maximum)} éléments`;
      if (issue.origin === 'string') return `texte trop long : au plus ${String(issue.maximum)} caractères`;
      return `valeur trop grande : ${shown()} (maximum ${String(issue.maximum)})`;
    case 'invalid_format':
      if (issue.format === 'email') return `adresse électronique invalide : ${shown()}`;
      return `${issue.message || 'format invalide'} : ${shown()}`;
    case 'custom':
      return `${issue.message || 'valeur invalide'} : ${shown()}`;
    default:
      // Other codes (not_multiple_of, invalid_key…) carry the message of zod's French locale.
      return issue.message || 'valeur invalide';
  }
}

/** « champ inconnu : « mail » (vouliez-vous dire « email » ?) ». */
export function unknownFieldMessage(key: string, known: readonly string[]): string {
  const guess = closest(key, known);
  return `champ inconnu : « ${oneLine(key)} »${guess ? ` (vouliez-vous dire « ${guess} » ?)` : ''}`;
}

/** The closest candidate to a mistyped name, or undefined when none is plausibly meant. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c === word) continue;
    const d = c.toLowerCase() === word.toLowerCase() ? 0 : levenshtein(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && c < best)) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

/**
 * French wording of a syntax error of the `yaml` library, from its code and, where one code
 * covers several faults, its English message.
 */
export function yamlErrorMessage(code: string, english = '', key?: string): string {
  if (code === 'DUPLICATE_KEY') {
    const shown = key !== undefined && key.trim() !== '' ? ` « ${oneLine(key.trim())} »` : '';
    return `YAML invalide : clé${shown} en double ; un champ ne peut figurer qu’une fois par objet`;
  }
  const specific = YAML_MESSAGES.find(([pattern]) => pattern.test(english));
  return `YAML invalide : ${specific?.[1] ?? YAML_ERRORS[code] ?? 'erreur de syntaxe'}`;
}

const YAML_MESSAGES: readonly (readonly [RegExp, string])[] = [
  [/^Missing closing "quote/, 'guillemet fermant « " » manquant'],
  [/^Missing closing 'quote/, 'apostrophe fermante « \' » manquante (doublez une apostrophe dans un texte entre apostrophes : « l\'\'URSSAF »)'],
  [/^Implicit map keys need to be followed by map values/, 'deux-points « : » manquant après la clé'],
  [/^Nested mappings are not allowed in compact mappings/, 'deux « clé: » sur une même ligne, ou ligne suivante trop indentée : vérifiez l’indentation'],
  [/^A block sequence may not be used as an implicit map key/, 'élément de liste « - » mal aligné : alignez-le sur les autres éléments de la liste'],
  [/^Flow sequence .* end with a \]/, 'liste entre crochets non fermée (« ] » manquant) ou mal indentée'],
  [/^Flow mapping .* end with a \}/, 'objet entre accolades non fermé (« } » manquant) ou mal indenté'],
];

const YAML_ERRORS: Record<string, string> = {
  ALIAS_PROPS: 'un alias ne peut porter ni ancre ni étiquette',
  BAD_ALIAS: 'alias mal formé',
  BAD_DIRECTIVE: 'directive YAML invalide',
  BAD_DQ_ESCAPE: 'séquence d’échappement invalide entre guillemets doubles (utilisez des guillemets simples ?)',
  BAD_INDENT: 'indentation incorrecte : les champs d’un même niveau doivent commencer à la même colonne',
  BAD_PROP_ORDER: 'ancre et étiquette mal placées',
  BAD_SCALAR_START: 'une valeur ne peut pas commencer par ce caractère : mettez-la entre guillemets',
  BLOCK_AS_IMPLICIT_KEY: 'objet imbriqué sur la ligne de sa clé (« a: b: c ») : passez à la ligne et indentez',
  BLOCK_IN_FLOW: 'bloc indenté à l’intérieur de crochets ou d’accolades',
  DUPLICATE_KEY: 'clé en double',
  IMPOSSIBLE: 'erreur de syntaxe',
  KEY_OVER_1024_CHARS: 'clé de plus de 1024 caractères',
  MISSING_CHAR: 'caractère manquant (guillemet, crochet ou accolade fermant ?)',
  MULTILINE_IMPLICIT_KEY: 'clé sur plusieurs lignes (deux-points oublié ou guillemet non fermé ?)',
  MULTIPLE_ANCHORS: 'plusieurs ancres sur une même valeur',
  MULTIPLE_DOCS: 'plusieurs documents YAML dans un même fichier (séparateur « --- ») : un seul est admis',
  MULTIPLE_TAGS: 'plusieurs étiquettes sur une même valeur',
  NON_STRING_KEY: 'une clé doit être un texte',
  RESOURCE_EXHAUSTION: 'imbrication trop profonde : fichier refusé',
  TAB_AS_INDENT: 'tabulation utilisée pour l’indentation : indentez avec des espaces',
  TAG_RESOLVE_FAILED: 'étiquette YAML (« !… ») inconnue',
  UNEXPECTED_TOKEN: 'élément inattendu à cet endroit',
  BAD_COLLECTION_TYPE: 'type de collection incorrect',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'texte',
  number: 'nombre',
  int: 'nombre entier',
  boolean: 'booléen (true ou false)',
  array: 'liste',
  object: 'objet (champs « clé: valeur »)',
};

function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'valeur vide';
  if (Array.isArray(v)) return 'liste';
  if (typeof v === 'number') return Number.isInteger(v) ? 'nombre' : 'nombre décimal';
  if (typeof v === 'string') return 'texte';
  if (typeof v === 'boolean') return 'booléen';
  if (typeof v === 'object') return 'objet';
  return typeof v;
}

/** How to fix the commonest type slips of YAML: unquoted digits, quoted numbers, yes/no. */
function typeHint(expected: string, input: unknown, source: string | undefined): string {
  if (expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) {
    const raw = source ?? String(input);
    return ` : mettez la valeur entre guillemets, « "${oneLine(raw)}" »`;
  }
  if ((expected === 'number' || expected === 'int') && typeof input === 'string' && input.trim() !== '' && !Number.isNaN(Number(input))) {
    return ' : retirez les guillemets';
  }
  if (expected === 'boolean' && typeof input === 'string') return ' : écrivez true ou false';
  return '';
}

/** A value as the clerk wrote it, quoted, on one line, shortened if long. */
function show(value: unknown, source?: string): string {
  if (source !== undefined && (typeof value === 'number' || typeof value === 'boolean')) return oneLine(source);
  if (typeof value === 'string') return `« ${truncate(oneLine(value))} »`;
  if (value === null || value === undefined) return 'valeur vide';
  if (Array.isArray(value)) return 'une liste';
  if (typeof value === 'object') return 'un objet';
  return String(value);
}

/** Keeps a message on one line: control characters are shown escaped. */
export function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

function truncate(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Edit distance counting a swap of two adjacent letters as one edit (« emial » → « email »). */
function levenshtein(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => d[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}
