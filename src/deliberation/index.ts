export { deriveAttendance, memberIndex, isSitting, type Attendance, type DerivedCounts, type Listed, type Proxy, type Substitution } from './attendance.js';
export { checkDeliberation, ACT_NUMBER_PATTERN, OBJECT_LINE_MAX, DELIBERATION_RULES, type DeliberationProblem, type DeliberationRule, type KnownIds } from './checks.js';
export { loadDeliberation, loadDeliberations, readDeliberation, knownIds, DELIBERATIONS_DIR } from './load.js';
export { approvedAnnexes, annexStamp, withArticle, type Annex } from './annexes.js';
export { buildDeliberationDocument, buildDeliberationDocuments, DECISION_FORMULA } from './extract.js';
export { memberName, memberShortName, memberSignatureName, nameKey } from './names.js';
