// What a form imports that checks drafts against one regulation and one rubric, measured by
// size-limit (.size-limit.js) from the built files: inovasi-rules/core, Perwali Batu 36/2022
// (which brings PP 38/2017, the rule set it extends) and the IGA 2026 rubric.
import { safeEvaluate } from '../../dist/core.js';
import { ruleSet as rubric } from '../../dist/rule-sets/iga-2026.js';
import { ruleSet } from '../../dist/rule-sets/perwali-batu-36-2022.js';

export const check = (draft) => safeEvaluate(draft, { ruleSet, rubric });
