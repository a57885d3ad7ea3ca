/**
 * `inovasi-rules/rule-sets/kovablik-jatim`: one shipped rule set, importable alone.
 *
 * @module rule-sets/kovablik-jatim
 */

import file from '../../../rules/kovablik-jatim.json' with { type: 'json' };
import { shippedRuleSet } from '../_resolve.js';
import type { WeightedRuleSet } from '../types.js';

/**
 * The KOVABLIK (Jawa Timur's public-service innovation competition) weighted scoring, by stage.
 *
 * Import it alone (`inovasi-rules/rule-sets/kovablik-jatim`) to carry only this rule set; the main
 * entry registers every shipped rule set itself.
 *
 * @example
 * ```ts
 * import { evaluateAll } from 'inovasi-rules';
 * import { ruleSet } from 'inovasi-rules/rule-sets/kovablik-jatim';
 * const all = await evaluateAll(record, { ruleSets: [ruleSet] });
 * ```
 */
export const ruleSet: WeightedRuleSet = /* @__PURE__ */ shippedRuleSet(file);
