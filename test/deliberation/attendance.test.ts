import { describe, expect, it } from 'vitest';
import { deriveAttendance } from '../../src/deliberation/attendance.js';
import type { Member } from '../../src/schema/deliberation.js';
import { memberName } from '../../src/deliberation/names.js';
import { readDeliberation, knownIds } from '../../src/deliberation/load.js';
import { DATA_DIR, DELIBERATION_FILE } from './helpers.js';

async function load2014() {
  const r = await readDeliberation(DELIBERATION_FILE, await knownIds(DATA_DIR));
  if (!r.parsed) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r;
}

describe('the 2014 deliberation: counts derived from the lists', () => {
  it('passes every check', async () => {
    const r = await load2014();
    expect(r.problems).toEqual([]);
  });

  it('derives 79 in office, 62 present, 14 proxies, 76 voters', async () => {
    const { parsed } = await load2014();
    const att = deriveAttendance(parsed!.value);
    expect(att.counts).toEqual({ membersInOffice: 79, present: 62, proxies: 14, voters: 76 });
    expect(att.presentTitulaires).toHaveLength(61);
    expect(att.substitutes).toHaveLength(1);
    expect(att.absent).toHaveLength(4);
    // The tally adds up to the voters.
    const v = parsed!.value.vote;
    expect(v.for + v.against + v.abstentions + v.notVoting).toBe(att.counts.voters);
  });

  it('agrees with the figures the 2014 extract published', async () => {
    const { parsed } = await load2014();
    const d = parsed!.value;
    const c = deriveAttendance(d).counts;
    expect(d.declared).toEqual({ seats: 79, membersInOffice: 79, present: 62, proxies: 14 });
    expect(c.present).toBe(d.declared.present);
    expect(c.proxies).toBe(d.declared.proxies);
    expect(c.membersInOffice).toBe(d.declared.membersInOffice);
  });

  it('records the reconciliation: NOWOTNY absent, replaced by his substitute, not a proxy', async () => {
    const { parsed } = await load2014();
    const att = deriveAttendance(parsed!.value);
    const sub = att.substitutes[0]!;
    expect(memberName(sub.substitute.member)).toBe('Mme Anne-Sophie GIRARDEAU');
    expect(sub.replaces && memberName(sub.replaces.member)).toBe('M. François NOWOTNY');
    const nowotny = sub.replaces!.member;
    expect(nowotny.status).toBe('absent');
    expect(nowotny.published).toBe('pouvoir à Mme Anne-Sophie GIRARDEAU');
    expect(nowotny.note).toMatch(/suppléance, non une procuration/);
    // 15 « pouvoir à » in the publication = 14 proxies + 1 substitution.
    const published = parsed!.value.members.filter((m) => m.status === 'proxy' || m.published?.startsWith('pouvoir à'));
    expect(published).toHaveLength(15);
    expect(att.proxies.map((p) => memberName(p.giver.member))).not.toContain('M. François NOWOTNY');
  });

  it('finds every proxy holder among the members present', async () => {
    const { parsed } = await load2014();
    const att = deriveAttendance(parsed!.value);
    for (const p of att.proxies) expect(p.holder?.member.status).toBe('present');
    expect(new Set(att.proxies.map((p) => p.holder!.index)).size).toBe(14);
  });

  it('counts a substitute as present and proxies from the lists (small case)', () => {
    const n = { civility: 'M.', firstName: 'A' } as const;
    const members: Member[] = [
      { ...n, lastName: 'UN', status: 'present' },
      { ...n, lastName: 'DEUX', status: 'proxy', to: 'M. A UN' },
      { ...n, lastName: 'TROIS', status: 'absent' },
      { ...n, lastName: 'QUATRE', status: 'substitute', for: 'M.\u00a0A trois' },
    ];
    const att = deriveAttendance({ members });
    expect(att.substitutes[0]?.replaces?.index).toBe(2);
    expect(att.counts).toEqual({ membersInOffice: 3, present: 2, proxies: 1, voters: 3 });
  });
});
