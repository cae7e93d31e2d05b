import { z } from 'zod';
import { Id, IsoDate } from './common.js';

/**
 * A member's name as the register prints it: « Mme Christine MARTIN ». Members are identified by
 * this full name (civility, first name, last name); proxies and substitutions name members the
 * same way, so the data reads like the register.
 */
export const MemberNameFields = {
  civility: z.enum(['M.', 'Mme']),
  firstName: z.string().min(1),
  /** Upper case as in the register: « CARRELET DE LOISY ». */
  lastName: z.string().min(1),
} as const;

/** Optional link to `data/people/` (only a few council members are there: the signatories). */
const MemberCommon = {
  ...MemberNameFields,
  person: Id.optional(),
  /**
   * How the published extract listed this member when the data records it differently, word
   * for word (« pouvoir à Mme Anne-Sophie GIRARDEAU »). Kept for the record; never printed.
   */
  published: z.string().min(1).optional(),
  /** Why the data differs from the publication (the reconciliation, in French). */
  note: z.string().min(1).optional(),
} as const;

/**
 * One line of the attendance lists. Titulaires are `present`, `absent` or `proxy` (absent and
 * represented by a present member); a `substitute` (suppléant) is not a member in office: he or
 * she sits with a deliberative vote for an absent titulaire named in `for`.
 */
export const MemberSchema = z.discriminatedUnion('status', [
  z.strictObject({ ...MemberCommon, status: z.literal('present') }),
  z.strictObject({ ...MemberCommon, status: z.literal('absent') }),
  z.strictObject({
    ...MemberCommon,
    status: z.literal('proxy'),
    /** Full name of the member who holds the proxy: « Mme Christine MARTIN ». */
    to: z.string().min(1),
  }),
  z.strictObject({
    ...MemberCommon,
    status: z.literal('substitute'),
    /** Full name of the absent titulaire the substitute sits for. */
    for: z.string().min(1),
  }),
]);
export type Member = z.infer<typeof MemberSchema>;
export type MemberStatus = Member['status'];

const Count = z.number().int().min(0);

/**
 * Counts as the publication declares them. Every one is optional: the checks derive the counts
 * from the lists and compare them with whatever is declared here.
 */
export const DeclaredCountsSchema = z.strictObject({
  /** « Nombre de membres du Conseil » (seats); may exceed the members in office. */
  seats: Count.optional(),
  /** « Nombre de membres en exercice ». */
  membersInOffice: Count.optional(),
  /** « Nombre de présents participant au vote » (substitutes sitting included). */
  present: Count.optional(),
  /** « Nombre de procurations ». */
  proxies: Count.optional(),
  /** « Nombre de votants ». */
  voters: Count.optional(),
});
export type DeclaredCounts = z.infer<typeof DeclaredCountsSchema>;

/** The ballot (« SCRUTIN »). */
export const VoteSchema = z.strictObject({
  for: Count,
  against: Count,
  abstentions: Count,
  /** « NE SE PRONONCE PAS ». */
  notVoting: Count,
});
export type Vote = z.infer<typeof VoteSchema>;

/** One paragraph of the report, or a bulleted list. */
export const ReportBlockSchema = z.union([z.string().min(1), z.strictObject({ list: z.array(z.string().min(1)).min(1) })]);
export type ReportBlock = z.infer<typeof ReportBlockSchema>;

/** One decided item: « **d'approuver** les conventions … ; ». */
export const DecisionItemSchema = z.strictObject({
  /** The verb printed in bold: « d'approuver ». */
  verb: z.string().min(1),
  /** The rest of the item: « les conventions et chartes annexées … ; ». */
  text: z.string().min(1),
});
export type DecisionItem = z.infer<typeof DecisionItemSchema>;

/** A document the deliberation approves, annexed in this order (annex numbers are derived). */
export const ApprovedDocumentSchema = z.discriminatedUnion('kind', [
  /** The partnership convention with a partner (`data/partners/<id>.yaml`), with its annexes. */
  z.strictObject({ kind: z.literal('convention'), partner: Id }),
  /** The data-use charter signed by a commune or CCAS (`data/signatories/<id>.yaml`). */
  z.strictObject({ kind: z.literal('charter'), signatory: Id }),
  /**
   * An amendment (« avenant ») of a partner's convention: entry `number` of the partner's
   * `amendments` (data/partners/<id>.yaml), whose `from` names the version it amends.
   */
  z.strictObject({ kind: z.literal('avenant'), partner: Id, number: z.number().int().min(1) }),
]);
export type ApprovedDocument = z.infer<typeof ApprovedDocumentSchema>;

/** A session's deliberation: `data/deliberations/<id>.yaml`. */
export const DeliberationSchema = z.strictObject({
  /** « 2014-06-26 »: names the file and the outputs. */
  id: Id,
  /** « Conseil de Communauté »: the deliberative body. */
  body: z.string().min(1),
  /** What completes the body's name in the header: « de l'agglomération dijonnaise ». */
  bodyQualifier: z.string().min(1).optional(),
  /** Date of the session. */
  date: IsoDate,
  /** Full names of the president and the secretary of the session (present members). */
  president: z.string().min(1),
  secretary: z.string().min(1),
  convocationDate: IsoDate,
  publicationDate: IsoDate.optional(),
  /** Act number for the transmission to the prefecture (format checked apart, with its rule). */
  actNumber: z.string().min(1),
  /** One-line object for the transmission (length and line breaks checked apart). */
  objectLine: z.string(),
  declared: DeclaredCountsSchema.default({}),
  /** Titulaires (the members in office) and the substitutes sitting, in the register's order. */
  members: z.array(MemberSchema).min(1),
  vote: VoteSchema,
  object: z.strictObject({
    /** « POLITIQUE DE LA VILLE, HABITAT ET URBANISME ». */
    heading: z.string().min(1),
    /** « Observatoire de la cohésion sociale - Conventions et charte de partenariat ». */
    title: z.string().min(1),
  }),
  report: z.array(ReportBlockSchema).min(1),
  /** « Vu l'avis de la commission, ». */
  visas: z.array(z.string().min(1)).default([]),
  decision: z.array(DecisionItemSchema).min(1),
  approves: z.array(ApprovedDocumentSchema).default([]),
});
export type Deliberation = z.infer<typeof DeliberationSchema>;
export type DeliberationInput = z.input<typeof DeliberationSchema>;
