/**
 * `inovasi-rules/rule-sets/kipp-permenpanrb-91-2021`: one shipped rule set, importable alone.
 *
 * @module rule-sets/kipp-permenpanrb-91-2021
 */

import file from '../../../rules/kipp-permenpanrb-91-2021.json' with { type: 'json' };
import { shippedRuleSet } from '../_resolve.js';
import type { EligibilityRuleSet } from '../types.js';

/**
 * The criteria of a public-service innovation under PermenPANRB 91/2021: the base of every KIPP
 * edition.
 *
 * Import it alone (`inovasi-rules/rule-sets/kipp-permenpanrb-91-2021`) to carry only this rule
 * set; the main entry registers every shipped rule set itself.
 *
 * @example
 * ```ts
 * import { evaluate } from 'inovasi-rules/core';
 * import { ruleSet } from 'inovasi-rules/rule-sets/kipp-permenpanrb-91-2021';
 * import { ruleSet as rubric } from 'inovasi-rules/rule-sets/iga-2026';
 * const result = await evaluate(record, { ruleSet, rubric });
 * ```
 */
export const ruleSet: EligibilityRuleSet = /* @__PURE__ */ shippedRuleSet(file);
