import { z } from 'zod';
import { Id, IsoDate, Months } from './common.js';
import { OrganisationFields } from './organisation.js';

/** How the partner's files reach the contractor. */
export const CollectionSchema = z.discriminatedUnion('mode', [
  /** The contractor collects directly from the partner. */
  z.strictObject({ mode: z.literal('direct') }),
  /** Another partner (the MDEF) acts as the interface. */
  z.strictObject({ mode: z.literal('interface'), via: Id }),
]);

/** The list of data a partner supplies, printed as its own annex. */
export const DataListSchema = z.strictObject({
  /** Paragraphs before the list. */
  intro: z.array(z.string().min(1)).default([]),
  items: z.array(z.string().min(1)).min(1),
  /** The list is indicative (« dont la liste indicative est définie en annexe … », CARSAT). */
  indicative: z.boolean().default(false),
  /** Paragraphs after the list (footnotes such as « *Si cela s'avère pertinent … »). */
  notes: z.array(z.string().min(1)).default([]),
});

/** Convention terms; the observatory holds the defaults, a partner may override any of them. */
export const TermsSchema = z.strictObject({
  /** Last day of validity: « expire le 31 décembre 2015 ». */
  expires: IsoDate,
  /** Notice for an ordinary termination, in months. */
  noticeMonths: Months,
  /** Notice for a termination after a breach, in months. */
  breachNoticeMonths: Months,
  /** « juridictions de Dijon ». */
  jurisdiction: z.string().min(1),
});
export type Terms = z.infer<typeof TermsSchema>;

/** The partner's own statistical-secrecy rules (CAF): they replace the shared secrecy clause. */
export const SecrecySchema = z.strictObject({
  /** No value is sent for fewer than this many people (« au moins 5 allocataires »). */
  minCount: z.number().int().min(2),
  /** The people counted, plural (« allocataires »). */
  subjects: z.string().min(1),
});

/**
 * Partner-specific clauses: what makes a convention differ from the shared skeleton.
 * Every flag defaults to the shared text; templates select variants from these, never by
 * copying. docs/templates.md lists which article each one changes.
 */
export const ClausesSchema = z
  .strictObject({
    /** « Préambule : Contexte » before article 1 (CAF). */
    preamble: z.boolean().default(false),
    /**
     * The partner signs for the charter's signatories too: « Les parties signataires de la
     * présente convention et de la charte … » in articles 1 and 6 (CAF). Otherwise article 6
     * binds the partner and the coordinator by name.
     */
    charterParties: z.boolean().default(false),
    /** Article 1 names the partner's professionals in the shared analysis (« notamment les professionnels de … », CAF). */
    staffInAnalysis: z.boolean().default(false),
    /**
     * Who uses the partner's data and reports besides the coordinator: the CCAS and the Ville de
     * Dijon (`dijon`, default), or every commune of the Politique de la Ville and its CCAS
     * (`policyCommunes`, CAF). Changes articles 2, 7, the access clauses and the sharing article.
     */
    recipients: z.enum(['dijon', 'policyCommunes']).default('dijon'),
    /** The coordinator drafts an annual programme of studies submitted to the partner (CAF, article 2). */
    studyProgramme: z.boolean().default(false),
    /** Observation also by district, « par quartier (regroupements d'IRIS) » (CAF, article 3). */
    districtLevel: z.boolean().default(false),
    /** Data closed on 31 December of year N and sent before 31 March of N+1 (MDEF, Mission Locale; article 4). */
    dataCalendar: z.boolean().default(false),
    /**
     * The partner's statistical-secrecy rules (CAF): article 5 becomes « Propriété et droit
     * d'usage » with the law and these rules, and the shared secrecy paragraph of article 6 goes.
     */
    secrecy: SecrecySchema.optional(),
    /** The reading and analyses of the data do not bind the provider (CARSAT, article 5). */
    noLiability: z.boolean().default(false),
    /**
     * The partner may restrict the source data used for specific studies (CAF, article 7:
     * « mais se réserve le droit de restreindre … »).
     */
    reservesStudyData: z.boolean().default(false),
    /** The access limits get an article of their own, « Limitation d'accès aux données sources » (CAF). */
    accessArticle: z.boolean().default(false),
    /** Field of the targeted studies the partner is told about: its own competences, or employment and training. */
    studyField: z.enum(['competences', 'employment']).default('competences'),
    /** In those studies the partner is « associé aux travaux » (default) or « invité à participer aux travaux » (CARSAT). */
    studyInvolvement: z.enum(['associated', 'invited']).default('associated'),
    /**
     * The partner's expertise for the training days: it « pourra » (default) or « devra » (CAF)
     * be called on, or the paragraph is absent (`none`, CARSAT).
     */
    expertise: z.enum(['may', 'must', 'none']).default('may'),
    /** The partner's observatory mission for employment and training actors (MDEF, sharing article). */
    observatoryMission: z.boolean().default(false),
    /** Costs incurred by the partner are not invoiced (CAF, funding article). */
    noInvoicing: z.boolean().default(false),
    /** Exempt from stamp duty and registration (CAF, duration article). */
    stampDutyExemption: z.boolean().default(false),
  })
  .prefault({});
export type Clauses = z.infer<typeof ClausesSchema>;

/**
 * One amendment (« avenant ») of the partner's convention, once approved and signed: numbers,
 * visas and « modifiée par l'avenant n° 1 du … » are derived from this history
 * (`convkit avenant`, docs/cycle-de-vie.md).
 */
export const AmendmentSchema = z.strictObject({
  /** « 1 » for « avenant n° 1 »: 1, 2, 3… in order. */
  number: z.number().int().min(1),
  /** Date of signature (AAAA-MM-JJ). */
  date: IsoDate,
  /** Id of the deliberation that approved it (`data/deliberations/<id>.yaml`), when there is one. */
  deliberation: Id.optional(),
  /** What it changed, in a few words (« référents », « dénomination du partenaire »). */
  object: z.string().min(1).optional(),
  /**
   * The version this avenant amends (the convention as signed, or as amended by the previous
   * avenant): a git revision of the repository that holds the data folder (« signature-2014 »,
   * a commit id), or a folder, relative to the data folder, holding that version's `data/` (or
   * being it). The avenant's text is derived from it and the current data, so that
   * `convkit packet` can reproduce it; required once a deliberation approves the avenant.
   */
  from: z.string().min(1).optional(),
});
export type Amendment = z.infer<typeof AmendmentSchema>;

/** A data-provider partner: one convention each. */
export const PartnerSchema = z.strictObject({
  ...OrganisationFields,
  /** The designation the parties block defines: « ci-après désignée « CAF de la Côte d'Or » ». */
  designation: z.string().min(1).optional(),
  /** Label of the source mention: « Source CAF 21, date : … ». */
  sourceLabel: z.string().min(1),
  collection: CollectionSchema,
  /** Person ids of the partner's referents, in the order of the annex. */
  referents: z.array(Id).min(1),
  dataList: DataListSchema.optional(),
  /** The partner requires its contractor to sign an engagement act (annexed model + standalone act). */
  engagementAct: z.boolean().default(false),
  clauses: ClausesSchema,
  terms: TermsSchema.partial().optional(),
  /** Amendments of the convention already signed, oldest first (optional: none yet). */
  amendments: z.array(AmendmentSchema).optional(),
});
export type Partner = z.infer<typeof PartnerSchema>;
export type PartnerInput = z.input<typeof PartnerSchema>;
