import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/model/types.js';
import { countBlanks, renderHtml } from '../../src/render/html.js';
import { fieldLabel, renderForm } from '../../src/server/form.js';
import { KINDS } from '../../src/server/workspace.js';
import { PartnerSchema, PersonSchema } from '../../src/schema/index.js';

const doc: Document = {
  id: 'x',
  kind: 'convention',
  meta: { title: 'T', subject: 'S', author: 'A', language: 'fr-FR', date: '2014-06-26' },
  header: 'En-tête <b>',
  sections: [
    {
      kind: 'article',
      number: 1,
      blocks: [
        { kind: 'heading', level: 2, runs: [{ text: 'Article 1 – Objet' }] },
        { kind: 'paragraph', runs: [{ text: 'Tél. : ……………………………… & <script>', bold: true }] },
        { kind: 'list', ordered: false, items: [{ runs: [{ text: 'un' }] }] },
        { kind: 'table', header: [{ lines: [[{ text: 'Nom' }]] }], rows: [[{ lines: [[{ text: 'A' }], [{ text: 'B' }]] }]] },
        { kind: 'signature', place: 'Dijon', originals: 2, parties: [{ id: 'p', heading: ['Pour la CAF,'], role: 'Le Directeur,', name: 'M. X' }] },
      ],
    },
  ],
};

describe('renderHtml (the third renderer)', () => {
  it('renders semantic HTML, escapes every text and marks blanks', () => {
    const html = renderHtml(doc, { headingOffset: 1 });
    expect(html).toContain('<p class="doc-header">En-tête &lt;b&gt;</p>');
    expect(html).toContain('<h3>Article 1 – Objet</h3>');
    expect(html).toContain('<strong>Tél. : <mark class="blank" title="à compléter">………………………………</mark> &amp; &lt;script&gt;</strong>');
    expect(html).toContain('<thead><tr><th scope="col">Nom</th></tr></thead><tbody><tr><td>A<br>B</td></tr></tbody>');
    expect(html).toContain('Fait à Dijon, le <mark class="blank" title="à compléter">………………………</mark>, en deux exemplaires originaux.');
    expect(html).not.toMatch(/<script|style=/);
    expect(renderHtml(doc)).toBe(renderHtml(doc));
  });
  it('counts the blanks a clerk still has to fill', () => {
    expect(countBlanks(doc)).toBe(2);
  });
});

describe('forms generated from the zod schemas', () => {
  it('gives every control a label, and the schema’s own description as help', () => {
    const html = renderForm(PersonSchema, { id: 'a', civility: 'Mme', lastName: 'X' }, 'e');
    const ids = [...html.matchAll(/<(?:input|select|textarea) [^>]*id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBe(8);
    for (const id of ids) expect(html).toContain(`<label for="${id}">`);
    expect(html).toContain('type="tel"');
    expect(html).toContain('data-format="phone"');
    expect(html).toContain('Numéro de téléphone : dix chiffres groupés par deux');
  });
  it('turns lists into ordered lists with add, move and remove buttons, references into datalists', () => {
    const html = renderForm(PartnerSchema, { referents: ['a', 'b'] }, 'e');
    expect(html).toMatch(/<fieldset class="list" data-kind="array" data-key="referents"/);
    expect([...new Set(html.match(/Référent n° \d/g))]).toEqual(['Référent n° 1', 'Référent n° 2', 'Référent n° 0']);
    expect(html).toContain('list="ids-people"');
    expect(html).toContain('data-action="up"');
    expect(html).toContain('Ajouter : référent');
    // The discriminated union « collection » becomes a choice of mode plus its fields.
    expect(html).toMatch(/<option value="interface">par un autre partenaire<\/option>/);
    expect(html).toContain('list="ids-partners"');
  });
  it('names every field of every kind of entity in French: no raw field name, no « Élément »', () => {
    for (const [kind, { schema }] of Object.entries(KINDS)) {
      // An empty value: every field of the schema is rendered, and each list's item template.
      const html = renderForm(schema, {}, 'e');
      const names = [...html.matchAll(/<(label|legend)[^>]*>([^<]*)/g)].map((m) => m[2]!.trim());
      expect(names.length, kind).toBeGreaterThan(3);
      const raw = names.filter((n) => /^[a-z]+([A-Z][a-z]*)*$/.test(n) || n.startsWith('Élément'));
      expect(raw, kind).toEqual([]);
    }
  });
  it('words a field path of a message with the label of its place', () => {
    expect(fieldLabel('vote.for')).toBe('Pour');
    expect(fieldLabel('members[3].for')).toBe('Siège pour');
    expect(fieldLabel('declared.present')).toBe('Présents participant au vote');
    expect(fieldLabel('referents[1]')).toBe('Référents');
    expect(fieldLabel('people[0].phone')).toBe('Téléphone');
  });
});
