import { draftProgress, inovasiFormSchema } from 'inovasi-rules';

// A form validated live: every change runs the eligibility rules in the browser and shows each
// failing criterion's message under the field it names.
const form = document.querySelector<HTMLFormElement>('#form') as HTMLFormElement;
const status = document.querySelector<HTMLElement>('#status') as HTMLElement;

function readForm(): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const element of Array.from(form.elements) as (
    | HTMLInputElement
    | HTMLSelectElement
    | HTMLTextAreaElement
  )[]) {
    if (!element.name) continue;
    const value = element.value;
    if (element.dataset.boolean !== undefined)
      record[element.name] = value === '' ? null : value === 'true';
    else if (element.dataset.list !== undefined) record[element.name] = value === '' ? [] : [value];
    else record[element.name] = value;
  }
  return record;
}

let latest = 0;

async function validate(): Promise<void> {
  const run = ++latest;
  const record = readForm();
  const result = await inovasiFormSchema.safeParseAsync(record);
  if (run !== latest) return; // a newer change is being validated
  for (const p of Array.from(document.querySelectorAll<HTMLElement>('[data-error-for]')))
    p.textContent = '';
  if (!result.success) {
    for (const issue of result.error.issues) {
      const target = document.querySelector<HTMLElement>(
        `[data-error-for="${issue.path.join('.')}"]`,
      );
      if (target)
        target.textContent = target.textContent
          ? `${target.textContent} ${issue.message}`
          : issue.message;
    }
  }
  try {
    const progress = draftProgress(record);
    status.textContent = result.success
      ? `Kriteria sudah diputuskan: ${progress.criteria.decided} dari ${progress.criteria.total} (${progress.percent}%)`
      : `${result.error.issues.length} masalah`;
  } catch {
    status.textContent = 'Isian belum valid';
  }
  status.dataset.ready = 'true';
}

form.addEventListener('input', () => void validate());
void validate();
