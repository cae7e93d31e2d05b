import type { Rule } from '../rule.js';
import { rule as sourceMention } from './source-mention.js';
import { rule as partnerContext } from './partner-context.js';
import { rule as partnerSlot } from './partner-slot.js';
import { rule as partnerForeign } from './partner-foreign.js';
import { rule as marginPartner } from './margin-partner.js';
import { rule as duplicatedClause } from './duplicated-clause.js';
import { rule as misplacedClause } from './misplaced-clause.js';
import { rule as articleNumbering } from './article-numbering.js';
import { rule as articleDuplicateSubject } from './article-duplicate-subject.js';
import { rule as annexNumbering } from './annex-numbering.js';
import { rule as placeholderBracket } from './placeholder-bracket.js';
import { rule as placeholderMarker } from './placeholder-marker.js';
import { rule as blankField } from './blank-field.js';
import { rule as blankSlot } from './blank-slot.js';
import { rule as signatureDate } from './signature-date.js';
import { rule as annexReference } from './annex-reference.js';
import { rule as attachedList } from './attached-list.js';
import { rule as personContact } from './person-contact.js';
import { rule as contactInText } from './contact-in-text.js';
import { rule as personNameVariant } from './person-name-variant.js';
import { rule as personOrganisation } from './person-organisation.js';
import { rule as referentIncomplete } from './referent-incomplete.js';
import { rule as partiesTitle } from './parties-title.js';
import { rule as partiesSignature } from './parties-signature.js';
import { rule as partiesUncertain } from './parties-uncertain.js';
import { rule as deliberationProxyCount } from './deliberation-proxy-count.js';
import { rule as deliberationVoteCount } from './deliberation-vote-count.js';
import { rule as deliberationQuorum } from './deliberation-quorum.js';
import { rule as deliberationProxyHolder } from './deliberation-proxy-holder.js';
import { rule as deliberationAttendance } from './deliberation-attendance.js';
import { rule as deliberationDates } from './deliberation-dates.js';
import { rule as deliberationAnnex } from './deliberation-annex.js';
import { rule as deliberationUnread } from './deliberation-unread.js';
import { rule as sharedClauseDivergence } from './shared-clause-divergence.js';
import { rule as charterDivergence } from './charter-divergence.js';
import { rule as partnerArticle } from './partner-article.js';
import { rule as partnerGender } from './partner-gender.js';
import { rule as brokenParagraph } from './broken-paragraph.js';
import { rule as apostropheSpace } from './apostrophe-space.js';
import { rule as mixedApostrophes } from './mixed-apostrophes.js';
import { rule as doubledWord } from './doubled-word.js';
import { rule as commonMisspelling } from './common-misspelling.js';
import { rule as fixedTerm } from './fixed-term.js';
import { rule as participleAgreement } from './participle-agreement.js';

/** The registry of every rule, in a stable order: by family (as in LINT.md), then as listed. */
export const rules: readonly Rule[] = [
  sourceMention,
  partnerContext,
  partnerSlot,
  partnerForeign,
  marginPartner,
  duplicatedClause,
  misplacedClause,
  articleNumbering,
  articleDuplicateSubject,
  annexNumbering,
  placeholderBracket,
  placeholderMarker,
  blankField,
  blankSlot,
  signatureDate,
  annexReference,
  attachedList,
  personContact,
  contactInText,
  personNameVariant,
  personOrganisation,
  referentIncomplete,
  partiesTitle,
  partiesSignature,
  partiesUncertain,
  deliberationProxyCount,
  deliberationVoteCount,
  deliberationQuorum,
  deliberationProxyHolder,
  deliberationAttendance,
  deliberationDates,
  deliberationAnnex,
  deliberationUnread,
  sharedClauseDivergence,
  charterDivergence,
  partnerArticle,
  partnerGender,
  brokenParagraph,
  apostropheSpace,
  mixedApostrophes,
  doubledWord,
  commonMisspelling,
  fixedTerm,
  participleAgreement,
];
