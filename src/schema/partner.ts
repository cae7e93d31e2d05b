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

/**
 * Partner-specific clauses: what makes a convention differ from the shared skeleton.
 * Every flag defaults to off; templates select variants from these, never by copying.
 */
export const ClausesSchema = z
  .strictObject({
    /** « Préambule : Contexte » before article 1. */
    preamble: z.boolean().default(false),
    /** The coordinator drafts an annual programme of studies submitted to the partner (CAF). */
    studyProgramme: z.boolean().default(false),
    /** The partner's statistical-secrecy rules (CAF): minimum count below which values are blanked. */
    secrecyMinCount: z.number().int().min(2).optional(),
    /** Costs incurred by the partner are not invoiced (CAF). */
    noInvoicing: z.boolean().default(false),
    /** Exempt from stamp duty and registration (CAF). */
    stampDutyExemption: z.boolean().default(false),
    /** The partner's observatory mission for employment and training actors (MDEF). */
    observatoryMission: z.boolean().default(false),
    /** The reading and analyses of the data do not bind the provider (CARSAT). */
    noLiability: z.boolean().default(false),
    /** Data closed on 31 December of year N and sent before 31 March of N+1 (MDEF, Mission Locale). */
    dataCalendar: z.boolean().default(false),
    /** Field of the targeted studies the partner is told about. */
    studyField: z.enum(['competences', 'employment']).default('competences'),
  })
  .default({
    preamble: false,
    studyProgramme: false,
    noInvoicing: false,
    stampDutyExemption: false,
    observatoryMission: false,
    noLiability: false,
    dataCalendar: false,
    studyField: 'competences',
  });

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
});
export type Partner = z.infer<typeof PartnerSchema>;
export type PartnerInput = z.input<typeof PartnerSchema>;
