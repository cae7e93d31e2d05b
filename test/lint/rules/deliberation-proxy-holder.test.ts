import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/deliberation-proxy-holder.js';
import { columnOf, lineOf, runRule } from '../helpers.js';
import { miniDeliberation } from '../delib-helper.js';

describe('deliberation-proxy-holder', () => {
  it('accepts proxies held by present members, one each; a substitution is not a proxy', () => {
    expect(runRule(rule, miniDeliberation())).toEqual([]);
    const text = miniDeliberation({ substitutes: 'Mme Anne ROCHE', absentList: 'M. Henri HOUX pouvoir à Mme Lise BLANC\tMme Julie IMBERT pouvoir à M. Marc CARON\nM. Karl JOLY suppléé par Mme Anne ROCHE' });
    expect(runRule(rule, text)).toEqual([]);
  });
  it('reports a holder who is absent, and one holding two proxies', () => {
    const text = miniDeliberation({ absentList: 'M. Henri HOUX pouvoir à M. Karl JOLY\tMme Julie IMBERT pouvoir à M. Marc CARON\nM. Karl JOLY\tM. Luc MARTY pouvoir à M. Marc CARON' });
    const l1 = lineOf(text, 'HOUX');
    const l2 = lineOf(text, 'Luc MARTY');
    expect(runRule(rule, text).map((x) => [x.ruleId, x.line, x.column])).toEqual([
      ['deliberation-proxy-holder', l1, columnOf(text, l1, 'M. Karl JOLY')],
      ['deliberation-proxy-holder', l2, columnOf(text, l2, 'M. Marc CARON')],
    ]);
  });
  it('reports a substitute holding a proxy, and a present member giving one', () => {
    const text = miniDeliberation({ substitutes: 'Mme Anne ROCHE', absentList: 'M. Henri HOUX pouvoir à Mme Anne ROCHE\tMme Rose DAVID pouvoir à M. Marc CARON\nM. Karl JOLY' });
    const l = lineOf(text, 'HOUX');
    const f = runRule(rule, text);
    expect(f.map((x) => [x.line, x.column])).toEqual([
      [l, columnOf(text, l, 'Mme Anne ROCHE')],
      [l, columnOf(text, l, 'Mme Rose DAVID')],
    ]);
    expect(f[0]!.message).toContain('suppléant');
  });
});
