/**
 * A .docx whose signature block is a table, as Word users set it: the parties side by side,
 * row by row (« Pour … » / title / name) or one cell per party. The parties are read as in the
 * plain text, and a misspelled signatory is still found.
 */
import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../src/lint/read/index.js';
import { lint } from '../../../src/lint/runner.js';
import { segmentFile, type ConventionDocument } from '../../../src/lint/segment.js';
import { textDocx } from './helpers.js';

const LYON = readFileSync(new URL('../../fixtures/authorities/lyon-caf.txt', import.meta.url), 'utf8');
const CAF = "Pour la Caisse d'Allocations Familiales du Rhône,";

/** Lyon's convention with its signature block (« Pour la Métropole… » to the names) as a table of `rows`. */
function withSignatureTable(rows: readonly (readonly string[])[]): Uint8Array {
  const before = LYON.slice(0, LYON.indexOf('Pour la Métropole'));
  const after = LYON.slice(LYON.indexOf('ANNEXE 1'));
  const files = unzipSync(textDocx(`${before}SIGNATURES\n\n${after}`));
  const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/'/g, '&apos;');
  const cell = (c: string): string => `<w:tc>${c.split('\n').map((l) => `<w:p><w:r><w:t xml:space="preserve">${escape(l)}</w:t></w:r></w:p>`).join('')}</w:tc>`;
  const table = `<w:tbl>${rows.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
  const document = new TextDecoder().decode(files['word/document.xml']);
  const marker = '<w:p><w:r><w:t xml:space="preserve">SIGNATURES</w:t></w:r></w:p>';
  expect(document).toContain(marker);
  files['word/document.xml'] = strToU8(document.replace(marker, table));
  return zipSync(files);
}

const read = (bytes: Uint8Array) => {
  const file = parseSource('lyon.docx', 'docx', bytes);
  const doc = segmentFile(file).documents.find((d): d is ConventionDocument => d.kind === 'convention');
  const problems = (lint([file])[0]?.messages ?? []).filter((m) => m.severity !== 'info').map((m) => m.ruleId);
  return { parties: doc?.signature?.parties.map((p) => [p.headingText, p.role?.text, p.name?.text]), problems };
};

const EXPECTED = [
  ['la Métropole de Lyon', 'Le Président,', 'Bruno BERNARD'],
  ["la Caisse d'Allocations Familiales du Rhône", 'La Directrice,', 'Hélène MARCHAND'],
];

describe('a signature block set as a table in a .docx', () => {
  it('row by row: « Pour … », titles, names side by side', () => {
    const rows = (name: string) => [['Pour la Métropole de Lyon,', CAF], ['Le Président,', 'La Directrice,'], ['Bruno BERNARD', name]];
    expect(read(withSignatureTable(rows('Hélène MARCHAND')))).toEqual({ parties: EXPECTED, problems: [] });
    expect(read(withSignatureTable(rows('Hélène MARCHANT'))).problems).toContain('parties-signature');
  });

  it('one cell per party', () => {
    const rows = [['Pour la Métropole de Lyon,\nLe Président,\nBruno BERNARD', `${CAF}\nLa Directrice,\nHélène MARCHAND`]];
    expect(read(withSignatureTable(rows))).toEqual({ parties: EXPECTED, problems: [] });
  });
});
