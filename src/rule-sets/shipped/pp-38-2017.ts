/**
 * `inovasi-rules/rule-sets/pp-38-2017`: one shipped rule set, importable alone.
 *
 * @module rule-sets/pp-38-2017
 */

import file from '../../../rules/pp-38-2017.json' with { type: 'json' };
import { shippedRuleSet } from '../_resolve.js';
import type { EligibilityRuleSet } from '../types.js';

/**
 * The national criteria of a regional innovation under PP 38/2017 (*Peraturan Pemerintah* 38/2017
 * on Inovasi Daerah): the eligibility rule set every region's own regulation builds on.
 *
 * Import it alone (`inovasi-rules/rule-sets/pp-38-2017`) to carry only this rule set; the main
 * entry registers every shipped rule set itself.
 *
 * @example
 * ```ts
 * import { evaluate } from 'inovasi-rules/core';
 * import { ruleSet } from 'inovasi-rules/rule-sets/pp-38-2017';
 * import { ruleSet as rubric } from 'inovasi-rules/rule-sets/iga-2026';
 * const result = await evaluate(record, { ruleSet, rubric });
 * ```
 */
export const ruleSet: EligibilityRuleSet = /* @__PURE__ */ shippedRuleSet(file);
