import type { Evaluation } from '../eligibility/types.js';
import type { Locale } from '../messages.js';
import type { RegionPlan } from './plan.js';
import type { Portfolio, PortfolioUnit } from './portfolio-tally.js';
import type { RegionEvaluation } from './region.js';
import type { SubmissionCheck } from './submission.js';

/**
 * The shapes of a dossier: what {@link innovationDossier} and {@link regionDossier} return and
 * the page renders (apart from the functions, so that the page and the functions need not
 * import each other).
 *
 * @internal
 */

/** Who signs a dossier, by role; a blank line is printed for each name and NIP not given. */
export interface Signatory {
  /** The person's name. */
  nama?: string;
  /** The civil-service number (NIP), 18 digits. */
  nip?: string;
}

/** Options of {@link innovationDossier} and {@link regionDossier}. */
export interface DossierOptions {
  /** Language of the pages: `id` (default) or `en`. */
  locale?: Locale;
  /**
   * The eligibility rule set, by id; by default each record's own (the region's rule set, else
   * PP 38/2017), as `evaluate` chooses.
   */
  ruleSet?: string;
  /** The IGA rubric, by id; by default the edition in force for the record's year. */
  rubric?: string;
  /** The day the verifier-style checks are made for (`YYYY-MM-DD`); see `checkSubmission`. */
  asOf?: string;
  /** The day printed on the pages and by the signatures (`YYYY-MM-DD`); default today. */
  date?: string;
  /** The place printed by the signatures; by default the region's name. */
  place?: string;
  /** The signatories, by role; their names and NIPs are printed when given. */
  signatories?: {
    /** Head of the agency (Kepala Perangkat Daerah). */
    kepalaPerangkatDaerah?: Signatory;
    /** Head of Bappeda or BRIDA: on a region's dossier. */
    kepalaBappeda?: Signatory;
  };
  /** A region's dossier: add the cheapest steps to the next band (default `false`). */
  plan?: boolean;
  /**
   * A region's dossier: the region's agencies (and units), for *Satu OPD Satu Inovasi*; by
   * default the agencies its innovations name.
   */
  units?: readonly PortfolioUnit[];
}

/** A rule set a dossier was computed with, as its stamp names it. */
export interface StampedRuleSet {
  /** Its id. */
  id: string;
  /** Its edition. */
  edition: string;
  /** Its title in the dossier's language. */
  title: string;
  /** SHA-256 of its canonical JSON, `sha256:<hex>`. */
  hash: string;
}

/** What a dossier was computed with: rule sets and their hashes, the version, the date. */
export interface Stamp {
  /** Every rule set used (eligibility first, then rubrics), each once. */
  ruleSets: StampedRuleSet[];
  /** The inovasi-rules version. */
  version: string;
  /** The day printed (`YYYY-MM-DD`). */
  date: string;
  /** SHA-256 of the canonical JSON of the input the dossier embeds, `sha256:<hex>`. */
  record: string;
}

/** A legal source or an assumption of the rule sets used, for the pages' last section. */
export interface DossierSource {
  /** The short citation. */
  citation: string;
  /** The full title. */
  title: string;
  /** Where it can be read, when known. */
  url?: string;
  /** `secondary`: only an account of it could be read. */
  status: 'verified' | 'secondary';
}

/** One innovation's part of a dossier. */
export interface InnovationPart {
  /** The record as given. */
  record: Record<string, unknown>;
  /** Its evaluation, with the trace of every condition (`explain: true`). */
  evaluation: Evaluation;
  /** The verifier-style checks of its submission. */
  submission: SubmissionCheck;
}

/** The place and the people a dossier's signature blocks print. */
export interface SignBlock {
  /** The place by the date. */
  place: string;
  /** The signatories given, by role. */
  signatories: NonNullable<DossierOptions['signatories']>;
}

/** A dossier for one innovation (or several, printed one after another). */
export interface InnovationDossier {
  /** `innovation`. */
  kind: 'innovation';
  /** Language of the pages. */
  locale: Locale;
  /** The options it was made with that change a figure (for `verify`). */
  options: Pick<DossierOptions, 'ruleSet' | 'rubric' | 'asOf'>;
  /** The place and signatories printed. */
  sign: SignBlock;
  /** Each innovation, in order. */
  innovations: InnovationPart[];
  /** The legal sources of the rule sets used. */
  sources: DossierSource[];
  /** The assumptions the rule sets state, in the dossier's language. */
  assumptions: string[];
  /** The stamp. */
  stamp: Stamp;
}

/** A dossier for a region's reported innovations. */
export interface RegionDossier {
  /** `region`. */
  kind: 'region';
  /** Language of the pages. */
  locale: Locale;
  /** The options it was made with that change a figure (for `verify`). */
  options: Pick<DossierOptions, 'ruleSet' | 'rubric' | 'asOf' | 'plan' | 'units'>;
  /** The place and signatories printed. */
  sign: SignBlock;
  /** The region record as given (`{ pemda, tahun, spd, inovasi }`). */
  record: Record<string, unknown>;
  /** The region's IID and everything behind it. */
  region: RegionEvaluation;
  /** The verifier-style checks of each innovation, in `inovasi`'s order. */
  submissions: SubmissionCheck[];
  /** The agencies against *Satu OPD Satu Inovasi*. */
  portfolio: Portfolio;
  /** The cheapest steps to the next band, when asked. */
  plan?: RegionPlan;
  /** The legal sources of the rule sets used. */
  sources: DossierSource[];
  /** The assumptions the rule sets state, in the dossier's language. */
  assumptions: string[];
  /** The stamp. */
  stamp: Stamp;
}

/** A dossier of either kind. */
export type Dossier = InnovationDossier | RegionDossier;
