/**
 * `inovasi-rules/rule-sets/iga-2026`: one shipped rule set, importable alone.
 *
 * @module rule-sets/iga-2026
 */

import file from '../../../rules/iga-2026.json' with { type: 'json' };
import { shippedRuleSet } from '../_resolve.js';
import type { RubricRuleSet } from '../types.js';

/**
 * The IGA (Innovative Government Award, *Indeks Inovasi Daerah*) rubric of 2026, the newest
 * edition: indicator levels, weights and the region-level rules.
 *
 * Import it alone (`inovasi-rules/rule-sets/iga-2026`) to carry only this rule set; the main entry
 * registers every shipped rule set itself.
 *
 * @example
 * ```ts
 * import { evaluate } from 'inovasi-rules/core';
 * import { ruleSet } from 'inovasi-rules/rule-sets/pp-38-2017';
 * import { ruleSet as rubric } from 'inovasi-rules/rule-sets/iga-2026';
 * const result = await evaluate(record, { ruleSet, rubric });
 * ```
 */
export const ruleSet: RubricRuleSet = /* @__PURE__ */ shippedRuleSet(file);
