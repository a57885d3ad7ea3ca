/**
 * `inovasi-rules/rule-sets/kovablik-jatim-2022`: one shipped rule set, importable alone.
 *
 * @module rule-sets/kovablik-jatim-2022
 */

import file from '../../../rules/kovablik-jatim-2022.json' with { type: 'json' };
import { shippedRuleSet } from '../_resolve.js';
import type { EligibilityRuleSet } from '../types.js';
import { ruleSet as parent } from './kipp-permenpanrb-91-2021.js';

/**
 * The entry rules of Jawa Timur's KOVABLIK 2022 (groups, implementation age, quotas, COVID-19
 * information), on top of PermenPANRB 91/2021's innovation criteria (imported with it).
 *
 * Import it alone (`inovasi-rules/rule-sets/kovablik-jatim-2022`) to carry only this rule set
 * and the ones it extends; the main entry registers every shipped rule set itself.
 *
 * @example
 * ```ts
 * import { evaluate } from 'inovasi-rules/core';
 * import { ruleSet } from 'inovasi-rules/rule-sets/kovablik-jatim-2022';
 * import { ruleSet as rubric } from 'inovasi-rules/rule-sets/iga-2026';
 * const result = await evaluate(record, { ruleSet, rubric });
 * ```
 */
export const ruleSet: EligibilityRuleSet = /* @__PURE__ */ shippedRuleSet(file, parent);
