import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { json, jsonLanguage, jsonParseLinter } from '@codemirror/lang-json';
import { syntaxTree } from '@codemirror/language';
import { type Diagnostic, linter, lintGutter } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, hoverTooltip } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { jsonCompletion, jsonSchemaHover, stateExtensions } from 'codemirror-json-schema';
import { evaluate, getRuleSet, listRuleSets, loadRuleSet } from 'inovasi-rules';
import { lintRuleSet, type RuleSetProblem } from 'inovasi-rules/schemas';
import { runTestCases } from 'inovasi-rules/vitest';
import casesSchema from '../../schema/cases.schema.json';
import innovationSchema from '../../schema/innovation.schema.json';
import schema from '../../schema/rule-set.schema.json';
import perbupCases from '../perbup-contoh.cases.json';
import perbup from '../perbup-contoh.json';
import broken from './contoh-rusak.json';
import keterangan from './keterangan.id.json';

// A rule-set editor that runs the library's browser entry, with no server: every problem of
// the file at its place while typing, the file's test cases, and a record evaluated by it.

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

// The hovers and completions speak Indonesian (`?lang=en` for English): each description of the
// schemas is looked up in keterangan.id.json, kept complete by a test.
const english = new URLSearchParams(location.search).get('lang') === 'en';
const INDONESIAN = keterangan as Record<string, string>;
function inIndonesian(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(inIndonesian);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === 'description' && typeof value === 'string'
        ? (INDONESIAN[value] ?? value)
        : inIndonesian(value),
    ]),
  );
}
const described = (jsonSchema: object) => (english ? jsonSchema : inIndonesian(jsonSchema));
const summary = $('summary');
const caseResults = $('case-results');
const problemsList = $('problems');
const text = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The offset in the document of a problem's line and column (the start when unknown). */
function offsetOf(view: EditorView, p: RuleSetProblem): number {
  if (p.line === undefined || p.column === undefined) return 0;
  const line = view.state.doc.line(Math.min(p.line, view.state.doc.lines));
  return Math.min(line.from + p.column - 1, line.to);
}

/** Jumps to a problem's place in the editor. */
let jump: (offset: number) => void = () => {};

function showProblems(problems: RuleSetProblem[] | undefined, parseError?: string): void {
  problemsList.replaceChildren();
  if (parseError) {
    summary.textContent = 'Bukan JSON yang sah';
    summary.className = 'bad';
    const li = document.createElement('li');
    li.textContent = parseError;
    problemsList.append(li);
    return;
  }
  const list = problems ?? [];
  const errors = list.filter((p) => p.severity === 'error').length;
  summary.textContent =
    list.length === 0 ? '✓ Rule set sah' : `${errors} galat, ${list.length - errors} peringatan`;
  summary.className = errors > 0 ? 'bad' : 'ok';
  for (const p of list) {
    const li = document.createElement('li');
    li.className = p.severity;
    li.dataset.code = p.code;
    const where = document.createElement('span');
    where.className = 'where';
    where.textContent = `${p.line !== undefined ? `baris ${p.line}, kolom ${p.column} · ` : ''}${p.where}`;
    li.append(where, p.message);
    li.title = 'Klik untuk menuju tempatnya';
    li.addEventListener('click', () => jump(Number(li.dataset.offset ?? 0)));
    problemsList.append(li);
  }
}

/** The library's problems, as the editor's diagnostics, and in the list beside it. */
const libraryLint = linter(
  (view) => {
    const source = view.state.doc.toString();
    let parsed: unknown;
    try {
      parsed = JSON.parse(source);
    } catch (error) {
      showProblems(undefined, (error as Error).message);
      return [];
    }
    const problems = lintRuleSet(parsed, { source, locale: 'id' });
    showProblems(problems);
    problems.forEach((p, i) => {
      const li = problemsList.children[i] as HTMLElement | undefined;
      if (li) li.dataset.offset = String(offsetOf(view, p));
    });
    return problems.map((p): Diagnostic => {
      const from = offsetOf(view, p);
      return {
        from,
        to: Math.min(from + 1, view.state.doc.length),
        severity: p.severity,
        message: `${p.message} [${p.code}]`,
      };
    });
  },
  { delay: 250 },
);

// Completion of what a leaf condition's `path` and `value` can be, read from the schemas: the
// dotted paths under its fact (indikator → sdm.jumlah, …), and the values of a field with a
// closed set (urusan ids and codes, enum labels) for the fact, path and operator given beside
// it. The schema says the values with if/then, which the schema completion does not follow.
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every dotted path inside a record field's schema (objects, also under anyOf). */
function pathsIn(node: unknown, prefix = ''): string[] {
  if (!isObject(node)) return [];
  const branches = Array.isArray(node.anyOf) ? node.anyOf : [];
  const properties = isObject(node.properties) ? node.properties : {};
  return [
    ...Object.entries(properties).flatMap(([key, child]) => {
      const here = prefix ? `${prefix}.${key}` : key;
      return [here, ...pathsIn(child, here)];
    }),
    ...branches.flatMap((b) => pathsIn(b, prefix)),
  ];
}
const recordFields = (innovationSchema as { properties: Json }).properties;
const PATHS = new Map(
  Object.entries(recordFields).map(([fact, node]) => [fact, [...new Set(pathsIn(node))]]),
);

/** The values a closed-set field can be compared with, by `fact|path|operator`. */
const VALUES = new Map<string, unknown[]>();
const enumOf = (node: unknown): unknown[] | undefined => {
  if (!isObject(node)) return undefined;
  if (Array.isArray(node.enum)) return node.enum;
  if (isObject(node.items)) return enumOf(node.items);
  for (const branch of Array.isArray(node.anyOf) ? node.anyOf : []) {
    const found = enumOf(branch);
    if (found) return found;
  }
  return undefined;
};
/** Every if/then of the schema that names a fact and operators and gives the value's set. */
function collectValues(node: unknown): void {
  if (Array.isArray(node)) for (const item of node) collectValues(item);
  if (!isObject(node)) return;
  if (isObject(node.if) && isObject(node.then)) {
    const when = (node.if as { properties?: Record<string, { const?: string; enum?: string[] }> })
      .properties;
    const values = enumOf((node.then as { properties?: Json }).properties?.value);
    if (when?.fact?.const && when.operator?.enum && values) {
      for (const operator of when.operator.enum) {
        VALUES.set(`${when.fact.const}|${when.path?.const ?? ''}|${operator}`, values);
      }
    }
  }
  for (const child of Object.values(node)) collectValues(child);
}
collectValues(schema);

/** The text of a string property of the object around a node, when it has one. */
function propertyOf(object: ReturnType<typeof syntaxTree>['topNode'], doc: string, name: string) {
  for (let p = object.firstChild; p; p = p.nextSibling) {
    if (p.name !== 'Property') continue;
    const key = p.getChild('PropertyName');
    const value = p.lastChild;
    if (key && value?.name === 'String' && doc.slice(key.from, key.to) === JSON.stringify(name)) {
      return JSON.parse(doc.slice(value.from, value.to)) as string;
    }
  }
  return undefined;
}

/** The questions a rule-set document declares (none while it is not valid JSON). */
function questionsIn(doc: string): { id: string; values: unknown[] }[] {
  try {
    const parsed: unknown = JSON.parse(doc);
    const list = isObject(parsed) && Array.isArray(parsed.questions) ? parsed.questions : [];
    return list.flatMap((q: unknown) =>
      isObject(q) && typeof q.id === 'string'
        ? [{ id: q.id, values: Array.isArray(q.values) ? q.values : [] }]
        : [],
    );
  } catch {
    return [];
  }
}

function leafCompletion(context: CompletionContext): CompletionResult | null {
  const node = syntaxTree(context.state).resolveInner(context.pos, -1);
  // A string right in a property's value, or an item of a list there (`containsAny`).
  const inList = node.name === 'String' && node.parent?.name === 'Array';
  const holder = node.name === 'String' ? (inList ? node.parent : node) : undefined;
  const property = holder?.parent;
  const object = property?.parent;
  // Syntax nodes are made afresh on each walk: the same node is the same place.
  const last = property?.lastChild;
  if (
    property?.name !== 'Property' ||
    object?.name !== 'Object' ||
    last?.from !== holder?.from ||
    last?.to !== holder?.to
  ) {
    return null;
  }
  const doc = context.state.doc.toString();
  const key = property.getChild('PropertyName');
  const name = key ? doc.slice(key.from, key.to) : '';
  const fact = propertyOf(object as never, doc, 'fact');
  if (!fact) return null;
  let options: string[] = [];
  // The region's own questions are the document's: their ids, and a choice's values.
  const questions = fact === 'daerah' ? questionsIn(doc) : undefined;
  if (name === '"path"') options = questions ? questions.map((q) => q.id) : (PATHS.get(fact) ?? []);
  if (name === '"value"') {
    const path = propertyOf(object as never, doc, 'path') ?? '';
    const operator = propertyOf(object as never, doc, 'operator') ?? '';
    options = (
      questions
        ? (questions.find((q) => q.id === path)?.values ?? [])
        : (VALUES.get(`${fact}|${path}|${operator}`) ?? VALUES.get(`${fact}|${path}|equal`) ?? [])
    ).filter((v): v is string => typeof v === 'string');
  }
  if (options.length === 0) return null;
  return {
    from: node.from,
    to: node.to,
    options: options.map((label) => ({ label: JSON.stringify(label), type: 'constant' })),
    validFor: /^"[^"]*"?$/,
  };
}

function editor(parent: HTMLElement, doc: string, jsonSchema: object, lint: boolean): EditorView {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        basicSetup,
        json(),
        linter(jsonParseLinter()),
        ...(lint ? [libraryLint, lintGutter()] : []),
        jsonLanguage.data.of({ autocomplete: jsonCompletion() }),
        jsonLanguage.data.of({ autocomplete: leafCompletion }),
        hoverTooltip(jsonSchemaHover()),
        stateExtensions(described(jsonSchema) as never),
        EditorView.lineWrapping,
      ],
    }),
  });
}

const ruleSetView = editor($('editor'), text(perbup), schema, true);
const casesView = editor($('cases-editor'), text(perbupCases), casesSchema, false);
jump = (offset) => {
  ruleSetView.dispatch({ selection: { anchor: offset }, scrollIntoView: true });
  ruleSetView.focus();
};
const setDoc = (view: EditorView, doc: string) =>
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: doc } });

/** Results of an earlier rule set say nothing of the one just loaded: they are cleared. */
function clearResults(): void {
  caseResults.replaceChildren();
  delete caseResults.dataset.summary;
  const verdict = $('verdict');
  verdict.textContent = '';
  delete verdict.dataset.verdict;
  $('reasons').replaceChildren();
}

$('load-example').addEventListener('click', () => {
  setDoc(ruleSetView, text(perbup));
  setDoc(casesView, text(perbupCases));
  clearResults();
});
$('load-broken').addEventListener('click', () => {
  setDoc(ruleSetView, text(broken));
  clearResults();
});
/** Opens a file chosen with `input` into `view`. */
function openInto(input: string, view: EditorView): void {
  $<HTMLInputElement>(input).addEventListener('change', async (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    setDoc(view, await file.text());
    clearResults();
    // The same file chosen again is read again.
    (event.target as HTMLInputElement).value = '';
  });
}
openInto('open', ruleSetView);
openInto('open-cases', casesView);

/** Saves `view`'s text as a file named after its rule set's id (`<id><suffix>`). */
function saveFrom(
  button: string,
  view: EditorView,
  idOf: () => string | undefined,
  suffix: string,
) {
  $(button).addEventListener('click', () => {
    const source = view.state.doc.toString();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([source], { type: 'application/json' }));
    link.download = `${idOf() ?? 'rule-set'}${suffix}`;
    link.click();
    URL.revokeObjectURL(link.href);
  });
}
const ruleSetId = () => {
  try {
    return (JSON.parse(ruleSetView.state.doc.toString()) as { id?: string }).id;
  } catch {
    return undefined;
  }
};
saveFrom('download', ruleSetView, ruleSetId, '.json');
saveFrom('download-cases', casesView, ruleSetId, '.cases.json');

/** Loads the editor's rule set into the page's registry, replacing an earlier load of its id. */
function loadEdited(): string {
  const ruleSet = JSON.parse(ruleSetView.state.doc.toString()) as { id: string };
  const loaded = listRuleSets().some((r) => r.id === ruleSet.id);
  return loadRuleSet(ruleSet, loaded ? { replace: true } : undefined).id;
}

$('run-cases').addEventListener('click', async () => {
  caseResults.replaceChildren();
  try {
    loadEdited();
    const results = await runTestCases(JSON.parse(casesView.state.doc.toString()));
    for (const r of results) {
      const li = document.createElement('li');
      li.className = r.passed ? 'pass' : 'fail';
      li.textContent = `${r.passed ? '✓' : '✗'} ${r.name}${r.problems.length ? ` — ${r.problems.join('; ')}` : ''}`;
      caseResults.append(li);
    }
    const passed = results.filter((r) => r.passed).length;
    caseResults.dataset.summary = `${passed} lulus, ${results.length - passed} gagal`;
    caseResults.insertAdjacentHTML('beforeend', `<li><b>${caseResults.dataset.summary}</b></li>`);
  } catch (error) {
    const li = document.createElement('li');
    li.className = 'fail';
    li.textContent = `Kasus tidak dapat dijalankan: ${(error as Error).message}`;
    caseResults.append(li);
  }
});

const record = $<HTMLTextAreaElement>('record');
record.value = text({
  nama: 'Layanan Antar Jemput Dokumen',
  kebaruan: 'sebagian',
  manfaatBagi: ['mutu_pelayanan'],
  untukKepentinganPribadi: false,
  pungutanBaru: true,
  pungutanSesuaiPeraturan: false,
  membatasiAkses: false,
  urusan: ['administrasi_kependudukan_dan_pencatatan_sipil'],
  dapatDireplikasi: true,
});
const MARKS = { pass: '✓', fail: '✗', unknown: '?' } as const;
const VERDICTS = {
  eligible: 'memenuhi kriteria',
  not_eligible: 'tidak memenuhi kriteria',
  incomplete: 'belum lengkap',
};
$('evaluate').addEventListener('click', async () => {
  const verdict = $('verdict');
  const reasons = $('reasons');
  reasons.replaceChildren();
  try {
    const id = loadEdited();
    const result = await evaluate(JSON.parse(record.value), {
      ruleSet: getRuleSet(id).id,
      locale: 'id',
    });
    verdict.textContent = `Putusan: ${VERDICTS[result.verdict]}`;
    verdict.dataset.verdict = result.verdict;
    // Every criterion with its mark and its citation; the reasons of those not passed.
    for (const c of result.criteria) {
      const li = document.createElement('li');
      li.className = c.status;
      li.dataset.status = c.status;
      const head = document.createElement('span');
      head.textContent = `${MARKS[c.status]} ${c.ref ?? c.id} ${c.title}`;
      const cite = document.createElement('cite');
      cite.textContent = c.citation;
      li.append(head, ' · ', cite);
      const shown = c.status === 'pass' ? [] : c.reasons.filter((r) => r.status !== 'pass');
      if (shown.length > 0) {
        const why = document.createElement('ul');
        for (const r of shown) {
          const item = document.createElement('li');
          item.textContent = r.message;
          why.append(item);
        }
        li.append(why);
      }
      reasons.append(li);
    }
  } catch (error) {
    verdict.textContent = `Tidak dapat dinilai: ${(error as Error).message}`;
    verdict.dataset.verdict = 'error';
  }
});

const other = $<HTMLAnchorElement>('lang');
other.href = english ? '?' : '?lang=en';
other.textContent = english ? 'Keterangan dalam bahasa Indonesia' : 'Descriptions in English';
document.body.dataset.ready = 'true';
