/**
 * Word documents for the reader tests: numbering definitions written by hand, and the other
 * authorities' fixtures (test/fixtures/authorities) as .docx files, their headings typed or
 * numbered by Word. Shared by the numbering and the OpenDocument tests.
 */
import { readdirSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';

export const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export interface Level {
  readonly fmt: string;
  readonly text: string;
  readonly start?: number;
  readonly suff?: string;
  readonly restart?: number;
  readonly legal?: boolean;
}

export function abstractXml(id: number, levels: readonly Level[]): string {
  const lvls = levels
    .map(
      (l, i) =>
        `<w:lvl w:ilvl="${i}"><w:start w:val="${l.start ?? 1}"/><w:numFmt w:val="${l.fmt}"/>${l.restart !== undefined ? `<w:lvlRestart w:val="${l.restart}"/>` : ''}${l.legal ? '<w:isLgl/>' : ''}${l.suff ? `<w:suff w:val="${l.suff}"/>` : ''}<w:lvlText w:val="${l.text}"/><w:lvlJc w:val="left"/>${l.fmt === 'bullet' ? '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr>' : ''}</w:lvl>`,
    )
    .join('');
  return `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="hybridMultilevel"/>${lvls}</w:abstractNum>`;
}

export function numberingXml(abstracts: readonly string[], nums: readonly { id: number; abstract: number; starts?: Record<number, number> }[]): string {
  const numXml = nums
    .map(
      (n) =>
        `<w:num w:numId="${n.id}"><w:abstractNumId w:val="${n.abstract}"/>${Object.entries(n.starts ?? {})
          .map(([l, s]) => `<w:lvlOverride w:ilvl="${l}"><w:startOverride w:val="${s}"/></w:lvlOverride>`)
          .join('')}</w:num>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W}>${abstracts.join('')}${numXml}</w:numbering>`;
}

export const numPr = (numId: number | string, ilvl = 0): string => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

export const FIXTURES = new URL('../../fixtures/authorities/', import.meta.url);
export const NAMES = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .sort();

const HEADING = /^(Article|ARTICLE|ANNEXE|Annexe)\s+(\d+|[IVX]+)(\s*[–:.-])\s+(.+)$/;
const ROMAN_VALUE: Record<string, number> = { I: 1, V: 5, X: 10 };
const romanValue = (s: string): number =>
  [...s].reduce((sum, c, i, all) => ((ROMAN_VALUE[c] ?? 0) < (ROMAN_VALUE[all[i + 1] ?? ''] ?? 0) ? sum - (ROMAN_VALUE[c] ?? 0) : sum + (ROMAN_VALUE[c] ?? 0)), 0);
const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const runs = (lines: readonly string[]): string => lines.map((l, i) => `${i > 0 ? '<w:r><w:br/></w:r>' : ''}<w:r><w:t xml:space="preserve">${escapeXml(l)}</w:t></w:r>`).join('');

/**
 * A fixture as a .docx: one paragraph per block of lines, `- ` lines as bulleted items, a
 * heading « Article 3 : Objet » as a Heading 1 paragraph. `auto`: the heading's label is
 * Word's numbering (one list per family and separator: « Article %1 : », « ANNEXE %1 – »),
 * the printed text unchanged: a number out of sequence (a planted error) restarts the list
 * there, as « Définir la valeur de numérotation » does in Word.
 */
export function fixtureDocx(text: string, auto: boolean): Uint8Array {
  const abstracts: string[] = [abstractXml(0, [{ fmt: 'bullet', text: '\u2013' }])];
  const nums: { id: number; abstract: number; starts?: Record<number, number> }[] = [{ id: 1, abstract: 0 }];
  const families = new Map<string, { abstract: number; num: number; next: number }>();
  const body: string[] = [];
  const blocks = text.split(/\n\s*\n/).map((b) => b.split('\n').filter((l) => l.trim() !== ''));
  for (const lines of blocks) {
    if (lines.length === 0) continue;
    const heading = lines.length === 1 ? HEADING.exec(lines[0] as string) : null;
    if (heading) {
      const [, word, number, sep, title] = heading as unknown as [string, string, string, string, string];
      const roman = /^[IVX]+$/.test(number);
      const value = roman ? romanValue(number) : Number(number);
      if (!auto) {
        body.push(`<w:p><w:pPr><w:pStyle w:val="Titre1"/></w:pPr>${runs([lines[0] as string])}</w:p>`);
        continue;
      }
      const key = `${word}|${sep}|${roman}`;
      let family = families.get(key);
      if (family === undefined) {
        const abstract = abstracts.length;
        abstracts.push(abstractXml(abstract, [{ fmt: roman ? 'upperRoman' : 'decimal', text: `${word} %1${sep}`, suff: 'space' }]));
        family = { abstract, num: nums.length + 1, next: 1 };
        nums.push({ id: family.num, abstract });
        families.set(key, family);
      }
      if (value !== family.next) {
        family.num = nums.length + 1;
        nums.push({ id: family.num, abstract: family.abstract, starts: { 0: value } });
      }
      family.next = value + 1;
      body.push(`<w:p><w:pPr><w:pStyle w:val="Titre1"/>${numPr(family.num)}</w:pPr>${runs([title])}</w:p>`);
    } else if (lines.every((l) => /^- /.test(l))) {
      for (const l of lines) body.push(`<w:p><w:pPr><w:pStyle w:val="Liste"/>${numPr(1)}</w:pPr>${runs([l.slice(2)])}</w:p>`);
    } else {
      body.push(`<w:p>${runs(lines)}</w:p>`);
    }
  }
  const styles =
    `<?xml version="1.0"?><w:styles ${W}>` +
    '<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/><w:rPr><w:b/></w:rPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Liste"><w:name w:val="List Bullet"/></w:style></w:styles>';
  const numberingPart = strToU8(numberingXml(abstracts, nums));
  const rels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>';
  const contentTypes =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>';
  const rootRels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body.join('')}<w:sectPr/></w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(contentTypes),
    '_rels/.rels': strToU8(rootRels),
    'word/_rels/document.xml.rels': strToU8(rels),
    'word/document.xml': strToU8(document),
    'word/styles.xml': strToU8(styles),
    'word/numbering.xml': numberingPart,
  });
}

