/**
 * `inovasi-rules/rule-sets/kipp-2025-evaluasi`: one shipped rule set, importable alone.
 *
 * @module rule-sets/kipp-2025-evaluasi
 */

import file from '../../../rules/kipp-2025-evaluasi.json' with { type: 'json' };
import { shippedRuleSet } from '../_resolve.js';
import type { EligibilityRuleSet } from '../types.js';
import { ruleSet as parent } from './kipp-2025.js';

/**
 * The KIPP 2025 stage after the Tim Evaluasi's scoring (a score of at least 85), on top of the
 * KIPP 2025 requirements (imported with them).
 *
 * Import it alone (`inovasi-rules/rule-sets/kipp-2025-evaluasi`) to carry only this rule set
 * and the ones it extends; the main entry registers every shipped rule set itself.
 *
 * @example
 * ```ts
 * import { evaluate } from 'inovasi-rules/core';
 * import { ruleSet } from 'inovasi-rules/rule-sets/kipp-2025-evaluasi';
 * import { ruleSet as rubric } from 'inovasi-rules/rule-sets/iga-2026';
 * const result = await evaluate(record, { ruleSet, rubric });
 * ```
 */
export const ruleSet: EligibilityRuleSet = /* @__PURE__ */ shippedRuleSet(file, parent);
