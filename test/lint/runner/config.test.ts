import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConvkitError, ConvkitErrors } from '../../../src/errors.js';
import { findConfigFile, loadConfig, parseConfig, settingOf } from '../../../src/lint/config.js';

const IDS = ['placeholder', 'source-mention', 'duplicated-sentence'];

describe('parseConfig', () => {
  it('reads JSON', () => {
    const config = parseConfig('{ "rules": { "placeholder": "off", "source-mention": ["warning", { "partners": ["caf"] }] } }', 'c.json', IDS);
    expect(config.rules).toEqual({ placeholder: 'off', 'source-mention': ['warning', { partners: ['caf'] }] });
    expect(settingOf(config.rules!['source-mention']!)).toEqual({ level: 'warning', options: { partners: ['caf'] } });
    expect(settingOf(config.rules!.placeholder!)).toEqual({ level: 'off', options: {} });
  });

  it('reads YAML with an ignore list', () => {
    const config = parseConfig(
      'rules:\n  placeholder: info\n  duplicated-sentence: [error]\nignore:\n  - { rule: placeholder, file: corpus.txt, line: 12 }\n  - file: brouillon.txt\n',
      'c.yaml',
      IDS,
    );
    expect(config).toEqual({
      rules: { placeholder: 'info', 'duplicated-sentence': ['error'] },
      ignore: [{ rule: 'placeholder', file: 'corpus.txt', line: 12 }, { file: 'brouillon.txt' }],
    });
  });

  it('accepts an empty file', () => {
    expect(parseConfig('', 'c.yaml', IDS)).toEqual({ rules: {}, ignore: [] });
  });

  it('names the file, the line and the key of every problem, in French', () => {
    const text = '{\n  "rules": {\n    "placeholdr": "off",\n    "source-mention": "warn",\n    "placeholder": ["error", 3]\n  },\n  "extends": "x"\n}';
    const error = (() => {
      try {
        parseConfig(text, '.convkitrc.json', IDS);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConvkitErrors);
    const e = error as ConvkitErrors;
    expect(e.exitCode).toBe(2);
    expect(e.message.split('\n')).toEqual([
      '.convkitrc.json:7:3 : champ « extends » : clé inconnue « extends » (clés permises : « rules », « ignore »)',
      '.convkitrc.json:3:5 : champ « rules.placeholdr » : règle inconnue « placeholdr » (vouliez-vous dire « placeholder » ?)',
      '.convkitrc.json:4:23 : champ « rules.source-mention » : niveau invalide « warn » : attendu « off », « error », « warning », « info », ou [niveau, { options }]',
      '.convkitrc.json:5:20 : champ « rules.placeholder » : les options d’une règle doivent être un objet { "option": valeur }',
    ]);
  });

  it('reports syntax errors with their place', () => {
    expect(() => parseConfig('rules:\n  placeholder: [off\n', 'c.yaml', IDS)).toThrow(/^c\.yaml:\d+:\d+ : fichier de configuration illisible/);
    expect(() => parseConfig('[1, 2]', 'c.json', IDS)).toThrow(/la configuration doit être un objet/);
  });

  it('checks ignore entries', () => {
    expect(() => parseConfig('ignore:\n  - { line: 3 }\n', 'c.yaml', IDS)).toThrow(/c\.yaml:2:5 : champ « ignore\.0 » : une entrée de « ignore » doit indiquer au moins « rule » ou « file »/);
    expect(() => parseConfig('ignore:\n  - { rule: nope }\n', 'c.yaml', IDS)).toThrow(/règle inconnue « nope »/);
    expect(() => parseConfig('ignore:\n  - { file: a.txt, line: 0 }\n', 'c.yaml', IDS)).toThrow(/« line » doit être un numéro de ligne/);
  });
});

describe('loadConfig / findConfigFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'convkit-config-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds nothing in an empty directory, then the first known name', async () => {
    expect(await findConfigFile(dir)).toBeUndefined();
    await writeFile(path.join(dir, 'convkit.config.yaml'), 'rules: { placeholder: off }\n');
    expect(await findConfigFile(dir)).toBe(path.join(dir, 'convkit.config.yaml'));
    await writeFile(path.join(dir, '.convkitrc.json'), '\uFEFF{ "rules": { "placeholder": "info" } }');
    expect(await findConfigFile(dir)).toBe(path.join(dir, '.convkitrc.json'));
    expect(await loadConfig(path.join(dir, '.convkitrc.json'), IDS)).toEqual({ rules: { placeholder: 'info' }, ignore: [] });
  });

  it('reports a missing config file', async () => {
    await expect(loadConfig(path.join(dir, 'absent.json'), IDS)).rejects.toThrow(ConvkitError);
    await expect(loadConfig(path.join(dir, 'absent.json'), IDS)).rejects.toThrow(/absent\.json : fichier de configuration : fichier introuvable/);
  });
});
