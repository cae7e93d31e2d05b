/**
 * Property-based tests of the French helpers: for any name, gender and article form the
 * output is well-formed French (no « de le », « à les », no full article before a vowel sound
 * where elision applies), and dates round-trip.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agree,
  capitalize,
  deCountOf,
  frenchDate,
  frenchSpacing,
  numericDate,
  numberInWords,
  onDate,
  startsWithVowelSound,
  titleWithArticle,
  withA,
  withArticle,
  withDe,
  type ArticleKind,
  type NameRef,
} from '../../src/french/index.js';

const NBSP = '\u00a0';

/** Words as they start organisation names: plain, accented, acronyms, mute and aspirate h, « onze ». */
const word = fc.oneof(
  fc.constantFrom(
    'URSSAF', 'Union', 'Office', 'Agence', 'Établissement', 'École', 'Île', 'Œuvre', 'Yonne', 'Hôpital', 'Habitat',
    'Haute', 'Hauts', 'Hainaut', 'Havre', 'onze', 'Université', 'Institut', 'CAF', 'Caisse', 'Mission', 'Pôle',
    'Grand', 'Conseil', 'Maison', 'Restos', 'Âge', 'Ehpad', 'Insee',
  ),
  fc.stringMatching(/^[A-ZÉÈÀÂÎÔÛa-zéèêëàâîïôöûüç]{1,12}$/),
);
const name = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const gender = fc.constantFrom('m' as const, 'f' as const);
const article = fc.constantFrom<ArticleKind>('le', 'la', 'les', 'elided', 'none');
const nameRef = fc.record({ name, gender, article }) as fc.Arbitrary<NameRef>;

/** Sequences French never writes: contractions that must be made, full articles that must elide. */
function malformed(text: string): string | undefined {
  const bad = [/(^|\s)de le\s/i, /(^|\s)de les\s/i, /(^|\s)à le\s/i, /(^|\s)à les\s/i, /\s\s/, /^\s|\s$/];
  for (const re of bad) if (re.test(text)) return re.source;
  return undefined;
}

describe('articles, elision and contractions', () => {
  it('never writes « de le », « de les », « à le », « à les », nor double spaces', () => {
    fc.assert(
      fc.property(nameRef, fc.boolean(), (ref, cap) => {
        for (const f of [withArticle, withDe, withA]) {
          const out = f(ref, { capitalize: cap });
          expect(malformed(out), out).toBeUndefined();
        }
      }),
    );
  });

  it('elides « le » and « la » before a vowel sound, and only there', () => {
    fc.assert(
      fc.property(nameRef, (ref) => {
        const out = withArticle(ref);
        if (ref.article === 'le' || ref.article === 'la') {
          if (startsWithVowelSound(ref.name)) expect(out).toBe(`l'${ref.name}`);
          else expect(out).toBe(`${ref.article} ${ref.name}`);
        }
        if (ref.article === 'elided') expect(out).toBe(`l'${ref.name}`);
        // Never a full singular article before a vowel sound.
        if (startsWithVowelSound(ref.name)) expect(out).not.toMatch(/^(le|la) /);
      }),
    );
  });

  it("contracts « de » and « à » with the article: du, des, au, aux; « d' » before a vowel", () => {
    fc.assert(
      fc.property(nameRef, (ref) => {
        const base = withArticle(ref);
        const de = withDe(ref);
        const a = withA(ref);
        if (base.startsWith('le ')) {
          expect(de).toBe(`du ${ref.name}`);
          expect(a).toBe(`au ${ref.name}`);
        } else if (base.startsWith('les ')) {
          expect(de).toBe(`des ${ref.name}`);
          expect(a).toBe(`aux ${ref.name}`);
        } else if (ref.article === 'none') {
          expect(de).toBe(startsWithVowelSound(ref.name) ? `d'${ref.name}` : `de ${ref.name}`);
          expect(a).toBe(`à ${ref.name}`);
        } else {
          expect(de).toBe(`de ${base}`);
          expect(a).toBe(`à ${base}`);
        }
      }),
    );
  });

  it('always ends with the name, as given or upper-cased', () => {
    fc.assert(
      fc.property(nameRef, fc.boolean(), (ref, upper) => {
        const shown = upper ? ref.name.toLocaleUpperCase('fr-FR') : ref.name;
        for (const f of [withArticle, withDe, withA]) expect(f(ref, { upper }).endsWith(shown)).toBe(true);
      }),
    );
  });

  it('capitalises only the first letter', () => {
    fc.assert(
      fc.property(nameRef, (ref) => {
        const plain = withDe(ref);
        const cap = withDe(ref, { capitalize: true });
        expect(cap.slice(1)).toBe(plain.slice(1));
        expect(cap[0]).toBe(capitalize(plain)[0]);
      }),
    );
  });

  it('treats an aspirate h as a consonant and a mute h as a vowel', () => {
    expect(withArticle({ name: 'Haute-Marne', gender: 'f', article: 'la' })).toBe('la Haute-Marne');
    expect(withArticle({ name: 'Hôpital de Dijon', gender: 'm', article: 'le' })).toBe("l'Hôpital de Dijon");
    expect(withDe({ name: 'Havre', gender: 'm', article: 'le' })).toBe('du Havre');
  });
});

describe('agreement and titles', () => {
  it('agrees a participle with the gender: the feminine ends in « e », the masculine is unchanged', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zé]{2,12}$/), gender, (participle, g) => {
        const out = agree(g, participle);
        if (g === 'm') expect(out).toBe(participle);
        else {
          expect(out.endsWith('e')).toBe(true);
          expect(out.startsWith(participle)).toBe(true);
          expect(out.length - participle.length).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it("puts « L' » before a title that starts with a vowel sound, « Le » / « La » otherwise", () => {
    fc.assert(
      fc.property(name, gender, (title, g) => {
        const out = titleWithArticle(title, g);
        if (startsWithVowelSound(title)) expect(out).toBe(`L'${title}`);
        else expect(out).toBe(`${g === 'f' ? 'La' : 'Le'} ${title}`);
      }),
    );
  });
});

describe('numbers', () => {
  it("writes 0 to 99 in words without stray hyphens, and « d'un » only for one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), (n) => {
        const w = numberInWords(n);
        expect(w).toMatch(/^[a-zé]+(?:(?:-| et )[a-zé]+)*$/);
        const de = deCountOf(n, 'mois');
        expect(de.startsWith("d'")).toBe(n === 1);
        expect(malformed(de)).toBeUndefined();
      }),
    );
  });
});

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** The inverse of frenchDate, written independently: « 1er juillet 2015 » → « 2015-07-01 ». */
function parseFrenchDate(text: string): string {
  const m = new RegExp(`^(1er|[1-9]|[12]\\d|3[01])${NBSP}(${MONTHS.join('|')})${NBSP}(\\d{4})$`).exec(text);
  if (!m) throw new Error(`not a French date: « ${text} »`);
  const day = m[1] === '1er' ? 1 : Number(m[1]);
  return `${m[3]}-${String(MONTHS.indexOf(m[2] ?? '') + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('dates', () => {
  it('round-trip: any real date reads back to the same ISO date', () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        const text = frenchDate(iso);
        expect(parseFrenchDate(text)).toBe(iso);
        expect(text.startsWith('1er') || !/^1\D/.test(text)).toBe(true);
        expect(onDate(iso)).toBe(`le ${text}`);
        const [d, mo, y] = numericDate(iso).split('/');
        expect(`${y}-${mo}-${d}`).toBe(iso);
      }),
    );
  });

  it('refuses what is not an ISO date with a RangeError, never returns garbage', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)),
        (s) => {
          expect(() => frenchDate(s)).toThrow(RangeError);
        },
      ),
    );
  });
});

describe('French spacing', () => {
  // Fails while frenchSpacing misses the second of two adjacent closing guillemets (« a»» »
  // → « a »» » once, « a » » » twice): its `([^ …])»` replacement consumes the character
  // before each match. A lookbehind, `(?<=[^ \u00a0\u202f])»`, fixes it. Reported to the lead.
  it('is idempotent and leaves no ordinary space before « : ; ! ? » »', () => {
    const text = fc.array(fc.constantFrom('a', 'b', ' ', ':', ';', '!', '?', '«', '»', '\u202f', NBSP, 'n°', '1', '\n'), { maxLength: 40 }).map((c) => c.join(''));
    fc.assert(
      fc.property(text, (s) => {
        const once = frenchSpacing(s);
        expect(frenchSpacing(once)).toBe(once);
        expect(once).not.toMatch(/[ \u202f][:;!?»]/);
        expect(once).not.toMatch(/«(?!\u00a0)/);
      }),
    );
  });
});
