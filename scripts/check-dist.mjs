// `npm run check:dist`, after the build: the published entries as a user imports them, ESM and
// CommonJS. Each entry exports what the README's API section says it does (the main entry keeps
// a small API); the entries share one set of error classes and one kind of loaded rule set, so
// a rule set loaded through the main entry can be given to the HTTP app and an error thrown by
// `io` is an `InovasiRulesError`. Exits 1 with every difference listed.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const api = readme.slice(readme.indexOf('## API'), readme.indexOf('## Command line'));
const problems = [];

// 25 → 26 for createEngine (2026-12), the engine every other function is a call on.
// 26 → 27 for summarizeEvaluation (2026-12-06): the one cut of an evaluation that the command
// line, the HTTP API and dashboards share, rather than three copies of it.
const MAIN_BUDGET = 27;
const entries = Object.keys(pkg.exports).filter((k) => !k.includes('*') && !k.endsWith('.json'));

for (const key of entries) {
  const name = key === '.' ? 'inovasi-rules' : `inovasi-rules${key.slice(1)}`;
  const spec = pkg.exports[key];
  const esm = Object.keys(
    await import(new URL(`../${spec.import.default}`, import.meta.url)),
  ).sort();
  const cjs = Object.keys(require(`../${spec.require.default}`))
    .filter((k) => k !== '__esModule')
    .sort();
  if (esm.join() !== cjs.join()) problems.push(`${name}: ESM exports ${esm} but CommonJS ${cjs}`);
  // The README's rows for this entry: the main table, or the row naming the entry.
  const rows =
    key === '.'
      ? api.slice(api.indexOf('| `inovasi-rules` |'), api.indexOf('| other entries |'))
      : (api.split('\n').find((line) => line.startsWith(`| \`${name}\` |`)) ?? '');
  for (const runtime of esm)
    if (!new RegExp(`\`${runtime}\\b`).test(rows))
      problems.push(`${name}: exports ${runtime}, which the README's API table does not list`);
  if (key === '.' && esm.length > MAIN_BUDGET)
    problems.push(
      `inovasi-rules: ${esm.length} runtime exports, over the budget of ${MAIN_BUDGET}`,
    );
}

for (const [format, load] of [
  ['ESM', (entry) => import(new URL(`../dist/${entry}.js`, import.meta.url))],
  ['CommonJS', async (entry) => require(`../dist/${entry}.cjs`)],
]) {
  const main = await load('index');
  const io = await load('io');
  const server = await load('server');
  try {
    for await (const _ of io.readRecords('/nonexistent/records.csv'));
    problems.push(`${format}: reading a missing file did not throw`);
  } catch (error) {
    if (!(error instanceof io.InputFileError && error instanceof main.InovasiRulesError))
      problems.push(`${format}: io's InputFileError is not an InovasiRulesError of the main entry`);
  }
  const id = `check-dist-${format.toLowerCase()}`;
  const shipped = JSON.parse(
    readFileSync(new URL('../rules/pp-38-2017.json', import.meta.url), 'utf8'),
  );
  // The app holds its own engine: a rule set loaded through the main entry and handed to it
  // (an object of the main entry's chunks) is served; one not handed to it is not.
  const loaded = main.loadRuleSet({ ...shipped, id });
  const response = await server.createApp({ ruleSets: [loaded] }).request(`/rule-sets/${id}`);
  if (response.status !== 200)
    problems.push(
      `${format}: a rule set loaded through the main entry is not served (${response.status})`,
    );
  if ((await server.createApp().request(`/rule-sets/${id}`)).status !== 404)
    problems.push(`${format}: the HTTP app serves a rule set it was not given`);
}

// inovasi-rules/rule-sets/<id>: one entry per shipped rule set, ESM and CommonJS, each the very
// rule set the main entry registers.
const ruleSetIds = JSON.parse(
  JSON.stringify((await import(new URL('../dist/index.js', import.meta.url))).listRuleSets()),
)
  .filter((r) => r.builtIn)
  .map((r) => r.id);
for (const [format, load] of [
  ['ESM', (entry) => import(new URL(`../dist/${entry}.js`, import.meta.url))],
  ['CommonJS', async (entry) => require(`../dist/${entry}.cjs`)],
]) {
  const main = await load('index');
  for (const id of ruleSetIds) {
    const entry = await load(`rule-sets/${id}`).catch(() => undefined);
    if (!entry) problems.push(`${format}: no entry inovasi-rules/rule-sets/${id}`);
    else if (Object.keys(entry).join() !== 'ruleSet')
      problems.push(`${format}: inovasi-rules/rule-sets/${id} exports ${Object.keys(entry)}`);
    else if (entry.ruleSet !== main.getRuleSet(id))
      problems.push(
        `${format}: inovasi-rules/rule-sets/${id} is not the rule set the main entry registers`,
      );
  }
}

if (problems.length) {
  console.error(`check:dist found ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `check:dist: ${entries.length} entries and ${ruleSetIds.length} rule sets, ESM and CommonJS alike, one error hierarchy`,
);
