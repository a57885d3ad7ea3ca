/**
 * Submission checks: what IGA verifiers would reject in a record (`checkSubmission`), and the
 * division of government affairs between levels it checks authority against
 * (`subUrusanCatalogue`, `isWithinRegionalAuthority`). For the team that prepares a region's
 * entries, before they upload them.
 *
 * @packageDocumentation
 */

export {
  checkSubmission,
  type SubmissionCheck,
  type SubmissionOptions,
  type SubmissionProblem,
} from './features/submission.js';
export {
  type AuthorityLevel,
  type RegionLevel,
  type SubUrusan,
  subUrusanCatalogue,
} from './record/kewenangan.js';
export { isWithinRegionalAuthority } from './record/urusan.js';
