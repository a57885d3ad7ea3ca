import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/index.js';

// biome-ignore lint/suspicious/noExplicitAny: problem bodies are read field by field.
type Body = Record<string, any>;

const app = createApp();
const post = async (path: string, body: object = { nama: 'Sipadu' }) => {
  const res = await app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Body };
};
const region = { pemda: 'Kota Batu', tahun: 2026, inovasi: [{ nama: 'Sipadu' }] };

describe('the query: only the names the route takes, each once', () => {
  it.each([
    ['/evaluate', {}],
    ['/evaluate/batch', [{ nama: 'Sipadu' }]],
    ['/region', region],
    ['/region/compare', region],
    ['/region/plan', region],
    ['/submission', {}],
    ['/form/validate', {}],
  ])(
    '%s refuses a misspelt name with what it meant, before reading the body',
    async (path, body) => {
      const { status, body: problem } = await post(`${path}?explian=true&locale=en`, body);
      expect(status).toBe(400);
      expect(problem.code).toBe('E_INVALID_OPTION');
      expect(problem.issues).toHaveLength(1);
      const [issue] = problem.issues;
      expect(issue.path).toEqual(['explian']);
      expect(issue.code).toBe('unrecognized_keys');
      expect(issue.message).toMatch(/^this route takes no query parameter "explian"/);
      expect(issue.message).toContain('; it takes: locale, ');
      // Every route that takes `explain` suggests it; the others suggest nothing.
      if (path === '/submission' || path === '/form/validate') {
        expect(issue.suggestion).toBeUndefined();
        expect(issue.message).not.toContain('did you mean');
      } else {
        expect(issue.suggestion).toBe('explain');
        expect(issue.message).toContain('(did you mean "explain"?)');
      }
    },
  );

  it('refuses a name given twice, whichever value comes first (no silent choice of one)', async () => {
    for (const query of [
      'ruleSet=pp-38-2017&ruleSet=perwali-batu-36-2022',
      'detail=summary&detail=full',
      'detail=summary&detail=summary',
    ]) {
      const { status, body } = await post(`/evaluate?${query}`);
      expect(status).toBe(400);
      const name = query.split('=')[0];
      expect(body.issues).toEqual([
        {
          path: [name],
          code: 'invalid_type',
          message: `parameter kueri "${name}" diberikan 2 kali; berikan sekali saja`,
        },
      ]);
    }
  });

  it('names each problem of the query, in the request’s language, at most ten and a count', async () => {
    const many = Array.from({ length: 14 }, (_, i) => `x${i}=1`).join('&');
    const { body } = await post(`/evaluate?locale=en&locale=en&${many}`);
    expect(body.title).toBe('Bad request');
    expect(body.issues).toHaveLength(11);
    expect(body.issues[0].message).toBe(
      'the query parameter "locale" is given 2 times; give it once',
    );
    expect(body.issues[10]).toEqual({
      path: [],
      code: 'unrecognized_keys',
      message: 'and 5 more query problems',
    });
  });

  it('takes every name the OpenAPI document gives the route', async () => {
    const res = await app.request('/openapi.json');
    const document = (await res.json()) as Body;
    const names = (path: string) =>
      (document.paths[path].post.parameters as { name: string; in: string }[])
        .filter((p) => p.in === 'query')
        .map((p) => p.name);
    expect(names('/evaluate')).toEqual([
      'locale',
      'ruleSet',
      'rubric',
      'explain',
      'overlay',
      'detail',
      'values',
      'numberFormat',
    ]);
    const all =
      'locale=en&ruleSet=pp-38-2017&rubric=iga-2026&explain=false&overlay=%7B%22divisorFloor%22%3A14%7D&detail=summary&values=text&numberFormat=id';
    const evaluated = await post(`/evaluate?${all}`, { nama: 'Sipadu', tahun: '2026' });
    expect(evaluated.status).toBe(200);
    expect(evaluated.body.whatIf).toBeDefined();
    expect(names('/region/plan')).toEqual(
      expect.arrayContaining(['target', 'maxSteps', 'budget', 'objective', 'method', 'years']),
    );
    expect(names('/submission')).not.toContain('ruleSet');
    expect(names('/form/validate')).not.toContain('rubric');
  });

  it('refuses an option a route would not use, rather than drop it', async () => {
    const { status, body } = await post('/submission?ruleSet=pp-38-2017');
    expect(status).toBe(400);
    expect(body.issues).toStrictEqual([
      {
        path: ['ruleSet'],
        code: 'unrecognized_keys',
        message:
          'parameter kueri "ruleSet" tidak dikenal rute ini; yang diterima: locale, rubric, asOf, values, numberFormat',
      },
    ]);
  });

  it('lists ten problems without a count, and cuts a long name in its message', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => `y${i}=1`).join('&');
    expect((await post(`/evaluate?${ten}`)).body.issues).toHaveLength(10);
    const long = 'n'.repeat(100);
    const [issue] = (await post(`/evaluate?${long}=1`)).body.issues;
    expect(issue.path).toEqual([long]);
    expect(issue.message).toMatch(
      new RegExp(`^parameter kueri "${'n'.repeat(59)}…" tidak dikenal`),
    );
  });

  it('names a query name that is empty, in quotes', async () => {
    const { status, body } = await post('/evaluate?=x&locale=en');
    expect(status).toBe(400);
    expect(body.issues[0]).toMatchObject({ path: [''], code: 'unrecognized_keys' });
    expect(body.issues[0].message).toMatch(/^this route takes no query parameter ""; it takes/);
  });

  it('answers a route asked with another method 405, whatever its query', async () => {
    const res = await app.request('/evaluate?explian=true');
    expect(res.status).toBe(405);
  });

  it('leaves the query of a route that states none alone (a cache-busting ?_=)', async () => {
    for (const path of ['/health?_=1700000000', '/rule-sets?_=1&_=2', '/openapi.json?v=2']) {
      expect((await app.request(path)).status).toBe(200);
    }
  });
});
