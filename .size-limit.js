// size-limit's checks (`npm run size`, part of `npm test`): what a page pays, minified and
// brotli-compressed, measured from the built files.
//
// The rule-set entries import shared chunks for their evaluation order only (`import
// "../chunk-….js"`, esbuild's code splitting); with `"sideEffects": false` a bundler drops those
// imports, as it should, and esbuild says so once per chunk. That note is silenced here: it is
// about how the chunks are laid out, not about the bytes measured.
const quiet = (config) => ({
  ...config,
  logOverride: { ...config.logOverride, 'ignored-bare-import': 'silent' },
});

// HiGHS (npm `highs`, the planner's solver, WebAssembly) is imported only when a plan is made,
// by a dynamic import a bundler splits into its own chunk; it is not what a page pays for
// evaluate, so it is left out of the measure.
const withoutSolver = (entry) => ({ ...entry, ignore: [...(entry.ignore ?? []), 'highs'] });

export default [
  {
    name: 'browser bundle: evaluate with the shipped rule sets',
    path: 'dist/index.js',
    import: '{ evaluate }',
    // 62 → 66 kB for the basis on every result (2026-12): SHA-256 of the rule sets (@noble/hashes,
    // audited, 2.1 kB; the browser's own crypto.subtle is async and absent outside secure
    // contexts), RFC 8785 canonical JSON, the choice of rule set by region and its sentences.
    // 66 → 68 kB for the regulation's own facts (2026-12-05): authority at the affair level
    // (UU 23/2014 Pasal 14) and the marine sub-affairs (0.8 kB), IGA 2023's cited sources and
    // thresholds (0.5 kB), criterion (d)'s new check and the region's new sentences (0.7 kB).
    // 68 → 69 kB: the did-you-mean on an unknown rule set and the "not held" editions (0.7 kB).
    // 69 → 71 kB: rules that mean what they say (1.5 kB): an urusan given by code or label read
    // as its id (the labels real apps use, 0.5 kB), the five date operators, what a field holds
    // in Indonesian, and every option checked by name with its did-you-mean.
    // 71 → 75 kB: the competitions' rules (4.5 kB of data): KOVABLIK's entry rules in two
    // editions, KIPP 2025's evaluation stage and quota, KIPP 2022's categories, each with its
    // sources, assumptions and messages in both languages, and the labels their forms use.
    // 75 → 76 kB: a region's own questions (0.4 kB): the answers checked against the questions
    // of the rule set applied (every type, the message in both languages), the question reads
    // of a loaded rule set checked against its declarations.
    // 76 → 76.2 kB: a process's first evaluation 23 ms sooner (2026-12-07): SHA-256 from Node's
    // own crypto where the runtime offers it, number formats made on first use, editions sorted
    // without collation data; one `fill` for every text's placeholders.
    // 76.2 → 76.4 kB (2026-12-07, ninth session): a record that holds itself said as `circular`
    // where the cycle closes (0.1 kB), and the record's problems put in Indonesian by one
    // module that the core entry shares (0.1 kB).
    limit: '76.4 kB',
    modifyEsbuildConfig: quiet,
  },
  {
    name: 'browser form: inovasi-rules/core with Perwali Batu 36/2022 (and PP 38/2017) and IGA 2026',
    path: 'scripts/size/form-core.mjs',
    // 30 → 32 kB for the same facts (2026-12-05): the form checks authority by affair too.
    // 32 → 33 kB: a misspelt option is refused with its did-you-mean (fastest-levenshtein, the
    // same edit distance the main entry uses for fields and rule-set ids).
    // 33 → 33.2 kB: KOVABLIK's derived facts (implementation age, years since a top award).
    // 33.2 → 34 kB: a region's own questions (0.6 kB): the core entry checks the answers as the
    // main entry does (each type, what a field holds in both languages), else a wrong answer
    // would be judged as a failing one.
    // 34 → 34.2 kB: the same start-up work as the main entry's (2026-12-07), 24 ms sooner there.
    // 34.2 → 34.8 kB (2026-12-07, ninth session): a form's problems in Indonesian (0.5 kB): the
    // core said a record's problems in English whatever the locale; it now says them as the
    // main entry does, zod's Indonesian texts and the catalogue's, and names a cycle (0.1 kB).
    limit: '34.8 kB',
    modifyEsbuildConfig: quiet,
  },
].map(withoutSolver);
