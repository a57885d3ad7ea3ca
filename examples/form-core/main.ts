import { safeEvaluate } from 'inovasi-rules/core';
import { ruleSet as rubric } from 'inovasi-rules/rule-sets/iga-2026';
import { ruleSet } from 'inovasi-rules/rule-sets/perwali-batu-36-2022';

// A draft checked on every change with inovasi-rules/core and two rule sets imported one by one:
// a failing criterion's reason shows under the field it names, an invalid value's issue too.
const form = document.querySelector<HTMLFormElement>('#form') as HTMLFormElement;
const status = document.querySelector<HTMLElement>('#status') as HTMLElement;

function readForm(): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const element of Array.from(form.elements) as (HTMLInputElement | HTMLSelectElement)[]) {
    const { name, value } = element;
    if (!name || value === '') continue;
    if (element.dataset.boolean !== undefined) record[name] = value === 'true';
    else if (element.dataset.number !== undefined && /^\d+$/.test(value))
      record[name] = Number(value);
    else record[name] = value;
  }
  return record;
}

function show(field: string, message: string): void {
  const target = document.querySelector<HTMLElement>(`[data-error-for="${field}"]`);
  if (target)
    target.textContent = target.textContent ? `${target.textContent} ${message}` : message;
}

// The words of rules/messages.json for each verdict.
const VERDICT = {
  eligible: 'memenuhi kriteria',
  not_eligible: 'tidak memenuhi kriteria',
  incomplete: 'belum lengkap',
} as const;

let latest = 0;
async function check(): Promise<void> {
  const run = ++latest;
  const result = await safeEvaluate(readForm(), { ruleSet, rubric, locale: 'id' });
  if (run !== latest) return; // a newer change is being checked
  for (const p of Array.from(document.querySelectorAll<HTMLElement>('[data-error-for]')))
    p.textContent = '';
  if (!result.success) {
    for (const issue of result.error.issues) show(String(issue.path[0] ?? 'nama'), issue.message);
    status.textContent = `${result.error.issues.length} isian belum valid`;
  } else {
    const { verdict, criteria, score, missingFields } = result.data;
    for (const criterion of criteria.filter((c) => c.status === 'fail'))
      for (const reason of criterion.reasons.filter((r) => r.status === 'fail'))
        show(reason.fields[0] ?? 'nama', reason.message);
    const missing = missingFields.length > 0 ? ` (${missingFields.length} isian belum diisi)` : '';
    status.textContent = `Putusan: ${VERDICT[verdict]}${missing}; skor IGA terbukti ${score.proven} dari ${score.max}`;
  }
  status.dataset.ready = 'true';
}

form.addEventListener('input', () => void check());
void check();
