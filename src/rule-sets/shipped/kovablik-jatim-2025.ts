/**
 * `inovasi-rules/rule-sets/kovablik-jatim-2025`: one shipped rule set, importable alone.
 *
 * @module rule-sets/kovablik-jatim-2025
 */

import file from '../../../rules/kovablik-jatim-2025.json' with { type: 'json' };
import { shippedRuleSet } from '../_resolve.js';
import type { EligibilityRuleSet } from '../types.js';
import { ruleSet as parent } from './kovablik-jatim-2022.js';

/**
 * The entry rules of Jawa Timur's KOVABLIK 2025 (the service documents of its form), on top of
 * KOVABLIK 2022's (imported with them).
 *
 * Import it alone (`inovasi-rules/rule-sets/kovablik-jatim-2025`) to carry only this rule set
 * and the ones it extends; the main entry registers every shipped rule set itself.
 *
 * @example
 * ```ts
 * import { evaluate } from 'inovasi-rules/core';
 * import { ruleSet } from 'inovasi-rules/rule-sets/kovablik-jatim-2025';
 * import { ruleSet as rubric } from 'inovasi-rules/rule-sets/iga-2026';
 * const result = await evaluate(record, { ruleSet, rubric });
 * ```
 */
export const ruleSet: EligibilityRuleSet = /* @__PURE__ */ shippedRuleSet(file, parent);
