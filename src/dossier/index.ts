/**
 * inovasi-rules/dossier: the verification dossier a region prints and signs, for one innovation
 * or for the region, that anyone can recompute later; and the comparison of the library's
 * predictions with what the verifiers decided.
 *
 * @packageDocumentation
 */

export {
  type Dossier,
  type DossierOptions,
  type DossierSource,
  type DossierVerification,
  type FigureDifference,
  type InnovationDossier,
  type InnovationPart,
  innovationDossier,
  type RegionDossier,
  type RuleSetCheck,
  regionDossier,
  renderDossier,
  type Signatory,
  type SignBlock,
  type Stamp,
  type StampedRuleSet,
  verifyDossier,
} from '../features/dossier.js';
export {
  type CodeOutcome,
  compareOutcomes,
  type Outcome,
  type OutcomeComparison,
  type OutcomeMatch,
  type OutcomeOptions,
  OutcomeSchema,
} from '../features/outcomes.js';
