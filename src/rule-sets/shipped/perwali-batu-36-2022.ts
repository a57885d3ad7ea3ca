/**
 * `inovasi-rules/rule-sets/perwali-batu-36-2022`: one shipped rule set, importable alone.
 *
 * @module rule-sets/perwali-batu-36-2022
 */

import file from '../../../rules/perwali-batu-36-2022.json' with { type: 'json' };
import { shippedRuleSet } from '../_resolve.js';
import type { EligibilityRuleSet } from '../types.js';
import { ruleSet as parent } from './pp-38-2017.js';

/**
 * The criteria of Kota Batu's Perwali 36/2022 on Inovasi Daerah, on top of PP 38/2017 (imported
 * with it).
 *
 * Import it alone (`inovasi-rules/rule-sets/perwali-batu-36-2022`) to carry only this rule set and
 * the one it extends; the main entry registers every shipped rule set itself.
 *
 * @example
 * ```ts
 * import { evaluate } from 'inovasi-rules/core';
 * import { ruleSet } from 'inovasi-rules/rule-sets/perwali-batu-36-2022';
 * import { ruleSet as rubric } from 'inovasi-rules/rule-sets/iga-2026';
 * const result = await evaluate(record, { ruleSet, rubric });
 * ```
 */
export const ruleSet: EligibilityRuleSet = /* @__PURE__ */ shippedRuleSet(file, parent);
