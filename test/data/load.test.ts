import { truncateSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDataset, loadDataset, MAX_FILE_BYTES, parseDataFile, type DataProblem } from '../../src/data/load.js';
import { ConvkitErrors } from '../../src/errors.js';
import { PeopleFileSchema, SignatorySchema } from '../../src/schema/index.js';
import { append, BUNDLED_DATA, read, removeTempCopies, setIn, tempDataCopy, where, write } from './fixture.js';

afterAll(removeTempCopies);

/** The errors (or warnings) of one file of the copy, as plain objects easy to compare. */
async function problemsOf(data: string, rel: string, severity: DataProblem['severity'] = 'error'): Promise<Array<Record<string, unknown>>> {
  const check = await checkDataset(data);
  return check.problems.filter((p) => p.location.file === path.join(data, rel) && p.severity === severity).map(flat);
}

function flat(p: DataProblem): Record<string, unknown> {
  return { severity: p.severity, code: p.code, line: p.location.line, column: p.location.column, field: p.location.field, message: p.message };
}

/** A people file written by the test: its line numbers do not depend on the bundled data. */
const PERSON = (extra: string, id = 'test-personne'): string =>
  `# yaml-language-server: $schema=../../schemas/people.schema.json\npeople:\n  - id: ${id}\n    civility: Mme\n    lastName: TEST\n${extra}`;

describe('the bundled data', () => {
  it('loads with no error, every entity present', async () => {
    const d = await loadDataset(BUNDLED_DATA);
    expect(d.partners.map((p) => p.id)).toEqual(['caf-21', 'carsat-bfc', 'mdef', 'mission-locale', 'pole-emploi-21', 'urssaf-bourgogne']);
    expect(d.signatories.map((s) => s.id)).toEqual(['ccas-dijon', 'chenove', 'dijon', 'longvic', 'quetigny', 'talant']);
    expect([...d.organisations.keys()].sort()).toEqual(['compas-tis', 'grand-dijon']);
    expect(d.observatory.coordinator).toBe('grand-dijon');
  });

  it('has exactly the known warnings (the blanks listed in docs/validation.md)', async () => {
    const check = await checkDataset(BUNDLED_DATA);
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const warnings = check.problems.map((p) => `${path.relative(BUNDLED_DATA, p.location.file)} ${p.location.field ?? ''} ${p.code ?? ''}`);
    expect(warnings).toEqual([
      'organisations/compas-tis.yaml address blank',
      'organisations/compas-tis.yaml siret blank',
      'partners/caf-21.yaml dataList blank',
      'partners/pole-emploi-21.yaml address blank',
      'people/caf-21.yaml people[1].function blank',
      'people/caf-21.yaml people[1].phone blank',
      'people/caf-21.yaml people[2].function blank',
      'people/caf-21.yaml people[2].phone blank',
      'people/carsat-bfc.yaml people[1].function blank',
      'people/carsat-bfc.yaml people[1].phone blank',
      'people/mission-locale.yaml people[1].phone blank',
      'people/pole-emploi-21.yaml people[1].firstName blank',
      'people/pole-emploi-21.yaml people[1].function blank',
      'people/pole-emploi-21.yaml people[1].phone blank',
      'people/pole-emploi-21.yaml people[1].email blank',
      'people/pole-emploi-21.yaml people[2].function blank',
      'people/pole-emploi-21.yaml people[2].phone blank',
      'people/pole-emploi-21.yaml people[2].email blank',
      'signatories/quetigny.yaml representative blank',
    ]);
  });

  it('words a blank as such and points at the person who lacks it', async () => {
    const check = await checkDataset(BUNDLED_DATA);
    const phone = check.problems.find((p) => p.location.field === 'people[1].phone' && p.location.file.endsWith('caf-21.yaml'));
    const text = read(BUNDLED_DATA, 'people/caf-21.yaml');
    expect(phone).toMatchObject({
      severity: 'warning',
      message: 'téléphone de Mme Pascale STURLA BORDET (référente) non renseigné : un blanc à compléter figurera dans l’annexe des référents',
      location: where(text, 'id: pascale-sturla-bordet'),
    });
  });
});

describe('schema problems: one located French message per problem', () => {
  it('unknown field: points at the unknown key, suggests the close one', async () => {
    const { data } = tempDataCopy();
    const text = PERSON('    emial: test@example.fr\n');
    write(data, 'people/zz-test.yaml', text);
    expect(await problemsOf(data, 'people/zz-test.yaml')).toEqual([
      { severity: 'error', code: 'unknown-field', ...where(text, 'emial'), field: 'people[0].emial', message: 'champ inconnu : « emial » (vouliez-vous dire « email » ?)' },
    ]);
  });

  it('unknown top-level field of a partner: at its own line', async () => {
    const { data } = tempDataCopy();
    const text = append(data, 'partners/caf-21.yaml', 'remarque: à revoir\n');
    expect(await problemsOf(data, 'partners/caf-21.yaml')).toEqual([
      { severity: 'error', code: 'unknown-field', ...where(text, 'remarque'), field: 'remarque', message: 'champ inconnu : « remarque »' },
    ]);
  });

  it('wrong type: an unquoted number in a text field is read as a number, and the message says so (not « manquant »)', async () => {
    const { data } = tempDataCopy();
    const text = PERSON('    function: 0380\n');
    write(data, 'people/zz-test.yaml', text);
    const [p] = await problemsOf(data, 'people/zz-test.yaml');
    expect(p).toEqual({
      severity: 'error',
      code: 'wrong-type',
      ...where(text, '0380'),
      field: 'people[0].function',
      message: 'type incorrect : texte attendu, nombre reçu (0380) : mettez la valeur entre guillemets, « "0380" »',
    });
    expect(String(p?.message)).not.toMatch(/manquant/);
  });

  it('an unquoted phone number needs no quotes: 0380503544 is accepted, 0380 gets one message with the format', async () => {
    const { data } = tempDataCopy();
    write(data, 'people/zz-test.yaml', PERSON('    phone: 0380503544\n'));
    expect(await problemsOf(data, 'people/zz-test.yaml')).toEqual([]);
    const text = PERSON('    phone: 0380\n');
    write(data, 'people/zz-test.yaml', text);
    expect(await problemsOf(data, 'people/zz-test.yaml')).toEqual([
      {
        severity: 'error',
        code: 'invalid-value',
        ...where(text, '0380'),
        field: 'people[0].phone',
        message: 'numéro de téléphone invalide : dix chiffres attendus, « 03 80 50 35 44 » : 0380',
      },
    ]);
  });

  it('malformed e-mail and phone, with the value read', async () => {
    const { data } = tempDataCopy();
    const text = PERSON('    phone: "03 80 5"\n    email: jean@\n');
    write(data, 'people/zz-test.yaml', text);
    expect(await problemsOf(data, 'people/zz-test.yaml')).toEqual([
      {
        severity: 'error',
        code: 'invalid-value',
        ...where(text, '"03 80 5"'),
        field: 'people[0].phone',
        message: 'numéro de téléphone de 5 chiffres au lieu de 10 ; format attendu : « 03 80 50 35 44 », suivi au besoin de « poste 12 » : « 03 80 5 »',
      },
      { severity: 'error', code: 'invalid-value', ...where(text, 'jean@'), field: 'people[0].email', message: 'adresse électronique invalide : « jean@ »' },
    ]);
  });

  it('a date that does not exist, and a malformed date reported once', async () => {
    const { data } = tempDataCopy();
    let text = setIn(data, 'observatory.yaml', ['terms', 'expires'], '2014-02-30');
    expect(await problemsOf(data, 'observatory.yaml')).toEqual([
      { severity: 'error', code: 'invalid-value', ...where(text, '2014-02-30'), field: 'terms.expires', message: 'date inexistante : « 2014-02-30 »' },
    ]);
    text = setIn(data, 'observatory.yaml', ['terms', 'expires'], '2014-2-3');
    expect(await problemsOf(data, 'observatory.yaml')).toEqual([
      { severity: 'error', code: 'invalid-value', ...where(text, '2014-2-3'), field: 'terms.expires', message: 'date attendue au format AAAA-MM-JJ : « 2014-2-3 »' },
    ]);
  });

  it.each(['Test-Personne', '../x', 'jean dupont'])('a bad id (%s)', async (id) => {
    const { data } = tempDataCopy();
    const text = PERSON('', JSON.stringify(id));
    write(data, 'people/zz-test.yaml', text);
    expect(await problemsOf(data, 'people/zz-test.yaml')).toEqual([
      {
        severity: 'error',
        code: 'invalid-value',
        ...where(text, JSON.stringify(id)),
        field: 'people[0].id',
        message: `identifiant invalide : lettres minuscules, chiffres et tirets seulement (ex. « caf-21 ») : « ${id} »`,
      },
    ]);
  });

  it('a required field missing points at the object that lacks it; an empty optional value is called empty', async () => {
    const { data } = tempDataCopy();
    const text = '# test\npeople:\n  - id: test-personne\n    civility: Mme\n    phone:\n';
    write(data, 'people/zz-test.yaml', text);
    expect(await problemsOf(data, 'people/zz-test.yaml')).toEqual([
      { severity: 'error', code: 'missing-field', ...where(text, 'id: test'), field: 'people[0].lastName', message: 'champ obligatoire manquant (texte attendu)' },
      {
        severity: 'error',
        code: 'empty-value',
        ...where(text, 'phone'),
        field: 'people[0].phone',
        message: 'valeur vide : texte attendu (champ facultatif : supprimez la ligne si la valeur est inconnue)',
      },
    ]);
  });

  it('a value outside an enumeration and a bad discriminator name the admitted values', async () => {
    const { data } = tempDataCopy();
    const text = setIn(data, 'partners/pole-emploi-21.yaml', ['collection'], { mode: 'relais', via: 'mdef' });
    const problems = await problemsOf(data, 'partners/pole-emploi-21.yaml');
    expect(problems).toEqual([
      {
        severity: 'error',
        code: 'invalid-value',
        ...where(text, 'relais'),
        field: 'collection.mode',
        message: 'valeur non autorisée : « relais » ; valeurs admises : « direct », « interface »',
      },
    ]);
  });
});

describe('cross-file problems', () => {
  it('duplicate id across files names the first definition', async () => {
    const { data } = tempDataCopy();
    const original = read(data, 'people/grand-dijon.yaml');
    const text = PERSON('', 'sylvain-michel');
    write(data, 'people/zz-test.yaml', text);
    const first = where(original, 'sylvain-michel');
    expect(await problemsOf(data, 'people/zz-test.yaml')).toEqual([
      {
        severity: 'error',
        code: 'duplicate-id',
        ...where(text, 'sylvain-michel'),
        field: 'people[0].id',
        message: `identifiant « sylvain-michel » déjà défini dans ${path.join(data, 'people/grand-dijon.yaml')}:${first.line}:${first.column}`,
      },
    ]);
  });

  it('organisations, partners and signatories share one namespace', async () => {
    const { data } = tempDataCopy();
    const text = setIn(data, 'signatories/talant.yaml', ['id'], 'mdef');
    write(data, 'signatories/mdef.yaml', text);
    write(data, 'signatories/talant.yaml', read(BUNDLED_DATA, 'signatories/talant.yaml'));
    const problems = await problemsOf(data, 'signatories/mdef.yaml');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'duplicate-id', field: 'id', ...where(text, 'mdef') });
    expect(problems[0]?.message).toMatch(/^identifiant « mdef » déjà utilisé par le partenaire .*partners\/mdef\.yaml:\d+:\d+ : organisations, partenaires et signataires partagent les mêmes identifiants$/);
  });

  it('file name different from the id', async () => {
    const { data } = tempDataCopy();
    const text = setIn(data, 'signatories/talant.yaml', ['id'], 'talant-ville');
    const problems = await problemsOf(data, 'signatories/talant.yaml');
    expect(problems).toContainEqual({
      severity: 'error',
      code: 'file-name',
      ...where(text, 'talant-ville'),
      field: 'id',
      message: 'l’identifiant « talant-ville » ne correspond pas au nom du fichier « talant.yaml » : renommez le fichier en « talant-ville.yaml » ou corrigez l’identifiant',
    });
  });

  it('reference to an unknown person', async () => {
    const { data } = tempDataCopy();
    const first = (await loadDataset(BUNDLED_DATA)).partners.find((p) => p.id === 'caf-21')?.referents[0] ?? '';
    const text = setIn(data, 'partners/caf-21.yaml', ['referents'], [first, 'x-inconnu']);
    expect(await problemsOf(data, 'partners/caf-21.yaml')).toEqual([
      { severity: 'error', code: 'unknown-reference', ...where(text, 'x-inconnu'), field: 'referents[1]', message: 'personne inconnue : « x-inconnu »' },
    ]);
  });

  it('reference to an unknown partner, with a suggestion', async () => {
    const { data } = tempDataCopy();
    const text = setIn(data, 'partners/pole-emploi-21.yaml', ['collection'], { mode: 'interface', via: 'mdeff' });
    expect(await problemsOf(data, 'partners/pole-emploi-21.yaml')).toEqual([
      {
        severity: 'error',
        code: 'unknown-reference',
        ...where(text, 'mdeff'),
        field: 'collection.via',
        message: 'partenaire inconnu : « mdeff » (vouliez-vous dire « mdef » ?)',
      },
    ]);
  });

  it('reference to an unknown organisation', async () => {
    const { data } = tempDataCopy();
    const text = PERSON('    organisation: nulle-part\n');
    write(data, 'people/zz-test.yaml', text);
    expect(await problemsOf(data, 'people/zz-test.yaml')).toEqual([
      { severity: 'error', code: 'unknown-reference', ...where(text, 'nulle-part'), field: 'people[0].organisation', message: 'organisation inconnue : « nulle-part »' },
    ]);
  });

  it('a partner used as its own interface', async () => {
    const { data } = tempDataCopy();
    const text = setIn(data, 'partners/pole-emploi-21.yaml', ['collection'], { mode: 'interface', via: 'pole-emploi-21' });
    expect(await problemsOf(data, 'partners/pole-emploi-21.yaml')).toEqual([
      {
        severity: 'error',
        code: 'self-interface',
        ...where(text, 'via: pole-emploi-21', 0),
        column: where(text, 'via: pole-emploi-21').column + 5,
        field: 'collection.via',
        message: 'un partenaire ne peut pas être sa propre interface (« pole-emploi-21 »)',
      },
    ]);
  });

  it('a person listed twice as referent', async () => {
    const { data } = tempDataCopy();
    const first = (await loadDataset(BUNDLED_DATA)).partners.find((p) => p.id === 'caf-21')?.referents[0] ?? '';
    const text = setIn(data, 'partners/caf-21.yaml', ['referents'], [first, first]);
    expect(await problemsOf(data, 'partners/caf-21.yaml')).toEqual([
      { severity: 'error', code: 'duplicate-reference', ...where(text, first, 1), field: 'referents[1]', message: `« ${first} » figure déjà dans la liste (referents[0])` },
    ]);
  });

  it('deliberations: an approved convention of an unknown partner, a date that differs from the observatory', async () => {
    const { data } = tempDataCopy();
    const text = setIn(data, 'deliberations/2014-06-26.yaml', ['approves', 0], { kind: 'convention', partner: 'caf-22' });
    expect(await problemsOf(data, 'deliberations/2014-06-26.yaml')).toEqual([
      {
        severity: 'error',
        code: 'unknown-reference',
        ...where(text, 'caf-22'),
        field: 'approves[0].partner',
        message: 'partenaire inconnu : « caf-22 » (vouliez-vous dire « caf-21 » ?)',
      },
    ]);
    const obs = setIn(data, 'observatory.yaml', ['deliberation', 'date'], '2014-06-27');
    expect(await problemsOf(data, 'observatory.yaml')).toEqual([
      {
        severity: 'error',
        code: 'inconsistent',
        ...where(obs, '2014-06-27'),
        field: 'deliberation.date',
        message: 'date différente de celle de la délibération « 2014-06-26 » (2014-06-26) : « 2014-06-27 »',
      },
    ]);
  });

  it('does not call unknown the ids of a file rejected for another reason', async () => {
    const { data } = tempDataCopy();
    // The MDEF file now has an unknown field: it is rejected, but « mdef » is still its id.
    append(data, 'partners/mdef.yaml', 'inconnu: 1\n');
    const check = await checkDataset(data);
    expect(check.problems.filter((p) => p.severity === 'error').map((p) => p.code)).toEqual(['unknown-field']);
  });
});

describe('bad files', () => {
  const yamlCases: [string, string, string, { line: number; column: number }][] = [
    ['duplicate key', 'id: talant\nlegalName: A\nlegalName: B\n', 'YAML invalide : clé « legalName » en double ; un champ ne peut figurer qu’une fois par objet', { line: 3, column: 1 }],
    ['bad indentation of a field', 'id: talant\nlegal:\n  a: 1\n b: 2\n', 'YAML invalide : indentation incorrecte : les champs d’un même niveau doivent commencer à la même colonne', { line: 4, column: 1 }],
    ['bad indentation of a list item', 'id: talant\naddress:\n  - a\n - b\n', 'YAML invalide : élément de liste « - » mal aligné : alignez-le sur les autres éléments de la liste', { line: 4, column: 1 }],
    ['a field indented under a value', 'id: talant\n  legalName: A\n', 'YAML invalide : deux « clé: » sur une même ligne, ou ligne suivante trop indentée : vérifiez l’indentation', { line: 1, column: 5 }],
    ['a missing colon', 'id: talant\nlegalName Ville\ntype: commune\n', 'YAML invalide : clé sur plusieurs lignes (deux-points oublié ou guillemet non fermé ?)', { line: 2, column: 1 }],
    ['tab indentation', 'id: talant\naddress:\n\t- a\n', 'YAML invalide : tabulation utilisée pour l’indentation : indentez avec des espaces', { line: 3, column: 1 }],
    ['unclosed quote', 'id: talant\nlegalName: "Ville\n', 'YAML invalide : guillemet fermant « " » manquant', { line: 2, column: 12 }],
    ['two documents', 'id: talant\n---\nid: x\n', 'YAML invalide : plusieurs documents YAML dans un même fichier (séparateur « --- ») : un seul est admis', { line: 2, column: 1 }],
  ];
  it.each(yamlCases)('YAML syntax error: %s', async (_name, text, message, at) => {
    const { data } = tempDataCopy();
    write(data, 'signatories/talant.yaml', text);
    const problems = await problemsOf(data, 'signatories/talant.yaml');
    expect(problems[0]).toEqual({ severity: 'error', code: 'yaml-syntax', ...at, field: undefined, message });
  });

  it('an alias bomb is refused quickly, pointing at the first alias', async () => {
    const { data } = tempDataCopy();
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    write(data, 'signatories/talant.yaml', `${levels.join('\n')}\n`);
    const problems = await problemsOf(data, 'signatories/talant.yaml');
    expect(problems).toEqual([
      {
        severity: 'error',
        code: 'yaml-alias-bomb',
        line: 2,
        column: 8,
        field: undefined,
        message: 'YAML refusé : les alias (« *a ») se multiplient au-delà de 100 copies (« bombe d’alias ») ; le fichier n’a pas été interprété',
      },
    ]);
  });

  it('an alias without its anchor', async () => {
    const { data } = tempDataCopy();
    write(data, 'signatories/talant.yaml', 'id: talant\nlegalName: *nom\n');
    expect(await problemsOf(data, 'signatories/talant.yaml')).toEqual([
      { severity: 'error', code: 'yaml-alias', line: 2, column: 12, field: undefined, message: 'YAML invalide : l’alias « *nom » renvoie à une ancre « &nom » qui n’est pas définie avant lui' },
    ]);
  });

  it('an absurdly large (sparse, 5 GB) file is refused without being read', async () => {
    const { data } = tempDataCopy();
    write(data, 'signatories/talant.yaml', '');
    truncateSync(path.join(data, 'signatories/talant.yaml'), 5 * 1024 ** 3);
    const problems = await problemsOf(data, 'signatories/talant.yaml');
    expect(problems).toEqual([
      {
        severity: 'error',
        code: 'file-too-large',
        line: undefined,
        column: undefined,
        field: undefined,
        message: `fichier trop volumineux : ${5 * 1024 ** 3} octets, au plus ${MAX_FILE_BYTES} acceptés ; il n’a pas été lu`,
      },
    ]);
  });

  it('a file one byte over the limit is refused, one at the limit is read', async () => {
    const { data } = tempDataCopy();
    const file = path.join(data, 'signatories/talant.yaml');
    const filler = (n: number): string => `id: talant\n#${'x'.repeat(n - 13)}\n`;
    write(data, 'signatories/talant.yaml', filler(MAX_FILE_BYTES + 1));
    expect((await parseDataFile(file, SignatorySchema)).problems.map((p) => p.code)).toEqual(['file-too-large']);
    write(data, 'signatories/talant.yaml', filler(MAX_FILE_BYTES));
    expect((await parseDataFile(file, SignatorySchema)).problems.map((p) => p.code)).not.toContain('file-too-large');
  });

  it('a file that is not UTF-8 (Latin-1) is refused at its first bad byte', async () => {
    const { data } = tempDataCopy();
    const latin1 = Buffer.from('id: talant\ntype: commune\nlegalName: Ville de Talant \xe0 revoir\n', 'latin1');
    write(data, 'signatories/talant.yaml', latin1);
    expect(await problemsOf(data, 'signatories/talant.yaml')).toEqual([
      {
        severity: 'error',
        code: 'encoding',
        line: 3,
        column: 28,
        field: undefined,
        message: 'fichier non encodé en UTF-8 (octet 0xE0 invalide ; encodage Windows-1252 ou Latin-1 ?) : enregistrez-le en UTF-8',
      },
    ]);
  });

  it.each([
    ['an empty file', '', 'empty-file', 'fichier vide : aucune donnée (seulement des commentaires ?)'],
    ['a comments-only file', '# rien\n', 'empty-file', 'fichier vide : aucune donnée (seulement des commentaires ?)'],
    ['a list at top level', '- id: talant\n', 'not-a-map', 'le fichier doit contenir des champs « clé: valeur » au premier niveau, pas une liste (lignes « - … »)'],
    ['a scalar at top level', 'talant\n', 'not-a-map', 'le fichier doit contenir des champs « clé: valeur » au premier niveau, pas une valeur isolée ("talant")'],
  ])('%s', async (_name, text, code, message) => {
    const { data } = tempDataCopy();
    write(data, 'signatories/talant.yaml', text);
    expect(await problemsOf(data, 'signatories/talant.yaml')).toEqual([{ severity: 'error', code, line: 1, column: 1, field: undefined, message }]);
  });

  it('a missing data folder', async () => {
    const check = await checkDataset(path.join(BUNDLED_DATA, 'nulle-part'));
    expect(check.dataset).toBeUndefined();
    expect(check.problems.map(flat)).toEqual([
      { severity: 'error', code: 'missing-folder', line: undefined, column: undefined, field: undefined, message: 'dossier de données introuvable' },
    ]);
  });

  it('a missing observatory.yaml', async () => {
    const { data } = tempDataCopy();
    const { rmSync } = await import('node:fs');
    rmSync(path.join(data, 'observatory.yaml'));
    const problems = await problemsOf(data, 'observatory.yaml');
    expect(problems).toEqual([
      {
        severity: 'error',
        code: 'missing-file',
        line: undefined,
        column: undefined,
        field: undefined,
        message: 'fichier obligatoire introuvable : il décrit l’observatoire commun à tous les documents',
      },
    ]);
  });

  it('reports every problem of every file in one run', async () => {
    const { data } = tempDataCopy();
    write(data, 'signatories/talant.yaml', '');
    write(data, 'signatories/chenove.yaml', 'id: chenove\n\tx: 1\n');
    write(data, 'people/zz-test.yaml', PERSON('    phone: 0380\n    emial: x\n'));
    append(data, 'partners/caf-21.yaml', 'remarque: 1\n');
    const check = await checkDataset(data);
    const errors = check.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => `${path.relative(data, p.location.file)} ${p.code}`)).toEqual([
      'partners/caf-21.yaml unknown-field',
      'people/zz-test.yaml invalid-value',
      'people/zz-test.yaml unknown-field',
      'signatories/chenove.yaml yaml-syntax',
      'signatories/talant.yaml empty-file',
    ]);
    await expect(loadDataset(data)).rejects.toBeInstanceOf(ConvkitErrors);
    await expect(loadDataset(data)).rejects.toMatchObject({ exitCode: 2, problems: errors.map((p) => expect.objectContaining({ message: p.message })) });
  });

  it('a file that is a folder, and an ignored non-YAML file', async () => {
    const { data } = tempDataCopy();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(data, 'signatories/dossier.yaml'));
    write(data, 'partners/lisez-moi.txt', 'notes');
    const check = await checkDataset(data);
    expect(check.problems.filter((p) => p.code === 'ignored-file').map(flat)).toEqual([
      { severity: 'warning', code: 'ignored-file', line: undefined, column: undefined, field: undefined, message: 'fichier ignoré : seuls les fichiers .yaml sont lus' },
    ]);
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('parseDataFile (used by other modules)', () => {
  it('returns the value, its source positions and no problem for a valid file', async () => {
    const r = await parseDataFile(path.join(BUNDLED_DATA, 'people/caf-21.yaml'), PeopleFileSchema);
    expect(r.problems).toEqual([]);
    expect(r.parsed?.value.people.length).toBeGreaterThan(0);
    expect(r.parsed?.prefix).toEqual([]);
  });

  it('never throws: a missing file is a problem', async () => {
    const r = await parseDataFile(path.join(BUNDLED_DATA, 'absent.yaml'), PeopleFileSchema);
    expect(r.parsed).toBeUndefined();
    expect(r.problems.map((p) => [p.code, p.message])).toEqual([['missing-file', 'fichier introuvable']]);
  });
});
