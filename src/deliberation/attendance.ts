import type { Deliberation, Member } from '../schema/deliberation.js';
import { memberName, nameKey } from './names.js';

/** A member with its index in `members` (so that problems can point at its line). */
export interface Listed<M extends Member = Member> {
  readonly index: number;
  readonly member: M;
}

type Titulaire = Exclude<Member, { status: 'substitute' }>;
type Substitute = Extract<Member, { status: 'substitute' }>;
type ProxyGiver = Extract<Member, { status: 'proxy' }>;

/** A proxy as the lists give it: who gave it, to whom (the holder, when found in the lists). */
export interface Proxy {
  readonly giver: Listed<ProxyGiver>;
  readonly holder?: Listed;
}

/** A substitute sitting with a deliberative vote, with the titulaire he or she replaces. */
export interface Substitution {
  readonly substitute: Listed<Substitute>;
  readonly replaces?: Listed;
}

/** The attendance lists split by status, and the counts derived from them. */
export interface Attendance {
  /** Titulaires (members in office), in the order of the data. */
  readonly titulaires: readonly Listed<Titulaire>[];
  readonly presentTitulaires: readonly Listed<Titulaire>[];
  readonly substitutes: readonly Substitution[];
  /** Absent titulaires without a proxy (replaced by a substitute or not). */
  readonly absent: readonly Listed<Titulaire>[];
  readonly proxies: readonly Proxy[];
  readonly counts: DerivedCounts;
}

/** « membres en exercice », « présents », « procurations », « votants », derived from the lists. */
export interface DerivedCounts {
  readonly membersInOffice: number;
  /** Titulaires present plus substitutes sitting with a deliberative vote. */
  readonly present: number;
  readonly proxies: number;
  /** present + proxies. */
  readonly voters: number;
}

/** Finds members by full name (see `nameKey`). The first entry wins when a name is listed twice. */
export function memberIndex(members: readonly Member[]): (name: string) => Listed | undefined {
  const byName = new Map<string, Listed>();
  members.forEach((member, index) => {
    const k = nameKey(memberName(member));
    if (!byName.has(k)) byName.set(k, { index, member });
  });
  return (name) => byName.get(nameKey(name));
}

/** Derives the attendance and the counts from the member list: never typed twice. */
export function deriveAttendance(d: Pick<Deliberation, 'members'>): Attendance {
  const find = memberIndex(d.members);
  const titulaires: Listed<Titulaire>[] = [];
  const substitutes: Substitution[] = [];
  const proxies: Proxy[] = [];
  d.members.forEach((member, index) => {
    if (member.status === 'substitute') {
      const replaces = find(member.for);
      substitutes.push(replaces ? { substitute: { index, member }, replaces } : { substitute: { index, member } });
      return;
    }
    titulaires.push({ index, member });
    if (member.status === 'proxy') {
      const holder = find(member.to);
      proxies.push(holder ? { giver: { index, member }, holder } : { giver: { index, member } });
    }
  });
  const presentTitulaires = titulaires.filter((t) => t.member.status === 'present');
  const absent = titulaires.filter((t) => t.member.status === 'absent');
  const present = presentTitulaires.length + substitutes.length;
  return {
    titulaires,
    presentTitulaires,
    substitutes,
    absent,
    proxies,
    counts: {
      membersInOffice: titulaires.length,
      present,
      proxies: proxies.length,
      voters: present + proxies.length,
    },
  };
}

/** True when the member sits and votes: a present titulaire or a substitute. */
export function isSitting(m: Member): boolean {
  return m.status === 'present' || m.status === 'substitute';
}
