import { afterAll, describe, expect, it } from 'vitest';
import { knownIds, readDeliberation } from '../../src/deliberation/load.js';
import { formatLocated } from '../../src/errors.js';
import { DATA_DIR, dataCopyWith, deliberationText, lineOf, removeCopies, replaceOnce } from './helpers.js';

afterAll(removeCopies);

/** Checks a broken copy of the 2014 file; returns the problems as the CLI prints them. */
async function problemsOf(text: string): Promise<{ printed: string[]; file: string }> {
  const { file, dataDir } = await dataCopyWith(text);
  const r = await readDeliberation(file, await knownIds(dataDir));
  return { printed: r.problems.map((p) => formatLocated(p.message, p.location)), file: r.parsed?.file ?? file };
}

/** The one printed problem of `rule`, asserting it is there. */
function only(printed: readonly string[], rule: string): string {
  const hits = printed.filter((p) => p.includes(`[${rule}]`));
  expect(hits, printed.join('\n')).toHaveLength(1);
  return hits[0]!;
}

describe('deliberation checks on broken copies of the 2014 data', () => {
  it('accepts the 2014 data as is', async () => {
    const r = await readDeliberation('data/deliberations/2014-06-26.yaml', await knownIds(DATA_DIR));
    expect(r.problems).toEqual([]);
  });

  it('tally: for + against + abstentions + not voting must equal the voters', async () => {
    const text = replaceOnce(await deliberationText(), '  for: 71', '  for: 72');
    const { printed, file } = await problemsOf(text);
    const msg = only(printed, 'scrutin');
    expect(msg).toContain(`${file}:${lineOf(text, 'vote:')}:`);
    expect(msg).toContain('pour 72 + contre 5 + abstentions 0 + ne se prononce pas 0 = 77');
    expect(msg).toContain('76 votants (62 présents + 14 procurations)');
    expect(printed).toHaveLength(1);
  });

  it('quorum: more than half of the members in office present', async () => {
    let text = await deliberationText();
    // 40 of the 61 titulaires present become absent: 21 + 1 substitute = 22 present.
    let changed = 0;
    text = text
      .split('\n')
      .map((l) => (l.includes('status: present') && !/MILLOT|BLANC|MARTIN|GRIMPRET|CABBILLARD|MAGLICA|POPARD|JUBAN|PRIBETICH|AKPINAR|BOURGUIGNAT|HELIE|FALCONNET|PERRIN|ALMEIDA|THIEULEUX/.test(l) && changed++ < 40 ? l.replace('status: present', 'status: absent') : l))
      .join('\n');
    expect(changed).toBeGreaterThanOrEqual(40);
    const { printed, file } = await problemsOf(text);
    const msg = only(printed, 'quorum');
    expect(msg).toContain(`${file}:${lineOf(text, 'members:')}:`);
    expect(msg).toContain('quorum non atteint : 22 présents pour 79 membres en exercice');
    expect(msg).toContain('au moins 40 présents');
    // The declared figures no longer agree either.
    expect(only(printed, 'présents')).toContain('nombre de présents déclaré : 62, mais les listes en donnent 22');
  });

  it('one proxy per member: a member holding two proxies is named with both givers', async () => {
    const text = replaceOnce(await deliberationText(), 'to: M. Dominique GRIMPRET', 'to: Mme Christine MARTIN');
    const { printed, file } = await problemsOf(text);
    const msg = only(printed, 'une-procuration-par-membre');
    const first = lineOf(text, 'DILLENSEGER');
    const second = lineOf(text, 'Jean-Claude, lastName: GIRARD');
    expect(msg).toContain(`${file}:${second}:`);
    expect(msg).toContain(
      `Mme Christine MARTIN détient 2 procurations, de Mme Anne DILLENSEGER (${file}:${first}) et de M. Jean-Claude GIRARD (${file}:${second})`,
    );
    expect(printed).toHaveLength(1);
  });

  it('every proxy holder is present', async () => {
    const text = replaceOnce(await deliberationText(), 'to: Mme Christine MARTIN', 'to: Mme Catherine VANDRIESSE');
    const { printed, file } = await problemsOf(text);
    const msg = only(printed, 'mandataire-présent');
    expect(msg).toContain(`${file}:${lineOf(text, 'DILLENSEGER')}:`);
    expect(msg).toContain(`Mme Anne DILLENSEGER donne pouvoir à Mme Catherine VANDRIESSE (${file}:${lineOf(text, 'lastName: VANDRIESSE')})`);
    expect(msg).toContain('« absent »');
  });

  it('a proxy to someone not in the list is reported', async () => {
    const text = replaceOnce(await deliberationText(), 'to: Mme Christine MARTIN', 'to: Mme Christine MARTINEZ');
    const { printed, file } = await problemsOf(text);
    expect(only(printed, 'membre-inconnu')).toContain(`${file}:${lineOf(text, 'DILLENSEGER')}:`);
  });

  it('a member cannot be both present and give a proxy', async () => {
    const base = await deliberationText();
    const text = replaceOnce(
      base,
      '  - { civility: Mme, firstName: Anne, lastName: DILLENSEGER',
      '  - { civility: Mme, firstName: Louise, lastName: BORSATO, status: proxy, to: M. Charles ROZOY }\n  - { civility: Mme, firstName: Anne, lastName: DILLENSEGER',
    );
    const { printed, file } = await problemsOf(text);
    const msg = only(printed, 'présent-ou-représenté');
    expect(msg).toContain(`${file}:${lineOf(text, 'BORSATO, status: proxy')}:`);
    expect(msg).toContain(`Mme Louise BORSATO ne peut pas être à la fois présent(e) et représenté(e)`);
    expect(msg).toContain(`${file}:${lineOf(text, 'BORSATO, status: present')}`);
    // The extra line also changes the derived counts: 80 in office, 15 proxies, 77 voters.
    expect(only(printed, 'procurations')).toContain('nombre de procurations déclaré : 14, mais les listes en donnent 15');
    expect(only(printed, 'membres-en-exercice')).toContain('déclaré : 79, mais les listes en donnent 80');
    expect(only(printed, 'scrutin')).toContain('= 76, mais il y a 77 votants');
  });

  it('a declared count disagreeing with the lists', async () => {
    const text = replaceOnce(await deliberationText(), '  proxies: 14', '  proxies: 15\n  voters: 75');
    const { printed, file } = await problemsOf(text);
    const proxies = only(printed, 'procurations');
    expect(proxies).toContain(`${file}:${lineOf(text, 'proxies: 15')}:`);
    expect(proxies).toContain('nombre de procurations déclaré : 15, mais les listes en donnent 14 (14 membres absents ayant donné pouvoir)');
    const voters = only(printed, 'votants');
    expect(voters).toContain(`${file}:${lineOf(text, 'voters: 75')}:`);
    expect(voters).toContain('nombre de votants déclaré : 75, mais les listes en donnent 76 (62 présents + 14 procurations)');
    expect(printed).toHaveLength(2);
  });

  it('present declared as 63 (the publication counting the substitute twice) is refused', async () => {
    const text = replaceOnce(await deliberationText(), '  present: 62', '  present: 63');
    const { printed } = await problemsOf(text);
    expect(only(printed, 'présents')).toContain('déclaré : 63, mais les listes en donnent 62 (61 titulaires présents + 1 suppléant(s) avec voix délibérative)');
  });

  it('counting NOWOTNY as a proxy, as published, breaks the declared counts and the tally', async () => {
    const base = await deliberationText();
    const start = base.indexOf('  - civility: M.\n    firstName: François\n    lastName: NOWOTNY');
    const end = base.indexOf('  - {', start);
    const text = `${base.slice(0, start)}  - { civility: M., firstName: François, lastName: NOWOTNY, status: proxy, to: Mme Anne-Sophie GIRARDEAU }\n${base.slice(end)}`;
    const { printed } = await problemsOf(text);
    expect(only(printed, 'procurations')).toContain('déclaré : 14, mais les listes en donnent 15');
    expect(only(printed, 'scrutin')).toContain('= 76, mais il y a 77 votants');
    expect(only(printed, 'suppléance')).toContain('« absent avec procuration »');
  });

  it('act number: transmission format', async () => {
    const text = replaceOnce(await deliberationText(), 'actNumber: "20140626_OCS"', 'actNumber: "2014-06-26_ocs"');
    const { printed, file } = await problemsOf(text);
    const msg = only(printed, 'numéro-acte');
    expect(msg).toContain(`${file}:${lineOf(text, 'actNumber')}:`);
    expect(msg).toContain('« 2014-06-26_ocs » invalide');
    expect(msg).toContain('^([A-Z0-9][A-Z0-9_]{0,13})?[A-Z0-9]$');
  });

  it.each(['_20140626', '20140626_', 'A234567890123456'])('act number « %s » is refused', async (bad) => {
    const text = replaceOnce(await deliberationText(), 'actNumber: "20140626_OCS"', `actNumber: "${bad}"`);
    expect(only((await problemsOf(text)).printed, 'numéro-acte')).toContain(`« ${bad} »`);
  });

  it('object line: at most 499 characters', async () => {
    const long = 'x'.repeat(500);
    const text = replaceOnce(await deliberationText(), 'objectLine: Observatoire', `objectLine: ${long} Observatoire`);
    const { printed, file } = await problemsOf(text);
    const msg = only(printed, 'ligne-objet');
    expect(msg).toContain(`${file}:${lineOf(text, 'objectLine')}:`);
    expect(msg).toContain(`ligne d'objet trop longue : ${500 + ' Observatoire de la cohésion sociale - Conventions et charte de partenariat'.length} caractères, au plus 499`);
  });

  it('object line: no line break', async () => {
    const fixed = replaceOnce(
      await deliberationText(),
      'objectLine: Observatoire de la cohésion sociale - Conventions et charte de partenariat\n',
      'objectLine: "Observatoire de la cohésion sociale -\\nConventions et charte de partenariat"\n',
    );
    const { printed, file } = await problemsOf(fixed);
    const msg = only(printed, 'ligne-objet');
    expect(msg).toContain(`${file}:${lineOf(fixed, 'objectLine')}:`);
    expect(msg).toContain('saut de ligne (2 lignes)');
  });

  it('approved documents must exist', async () => {
    const text = replaceOnce(await deliberationText(), 'signatory: quetigny', 'signatory: fontaine-les-dijon');
    const { printed, file } = await problemsOf(text);
    const msg = only(printed, 'document-approuvé');
    expect(msg).toContain(`${file}:${lineOf(text, 'fontaine-les-dijon')}:`);
    expect(msg).toContain('charte approuvée inconnue : « fontaine-les-dijon » (aucun fichier data/signatories/fontaine-les-dijon.yaml)');
  });

  it('a substitute sits only for an absent titulaire', async () => {
    const text = replaceOnce(await deliberationText(), 'for: M. François NOWOTNY', 'for: M. Patrick MOREAU');
    const { printed, file } = await problemsOf(text);
    const msg = only(printed, 'suppléance');
    expect(msg).toContain(`${file}:${lineOf(text, 'GIRARDEAU, status: substitute')}:`);
    expect(msg).toContain('« présent »');
  });

  it('the president must sit', async () => {
    const text = replaceOnce(await deliberationText(), 'lastName: MILLOT, status: present', 'lastName: MILLOT, status: absent');
    const { printed, file } = await problemsOf(text);
    const msg = only(printed, 'président-et-secrétaire');
    expect(msg).toContain(`${file}:${lineOf(text, 'president:')}:`);
  });

  it('reports every problem at once, in the order of the file', async () => {
    let text = replaceOnce(await deliberationText(), '  for: 71', '  for: 70');
    text = replaceOnce(text, 'actNumber: "20140626_OCS"', 'actNumber: "x"');
    const { printed } = await problemsOf(text);
    expect(printed.map((p) => /\[([^\]]+)\]/.exec(p)?.[1])).toEqual(['numéro-acte', 'scrutin']);
  });
});
