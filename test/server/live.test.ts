import { describe, expect, it } from 'vitest';
import perbup from '../../examples/perbup-contoh.json' with { type: 'json' };
import { createApp, type RuleSetSource, type RuleSetVersion } from '../../src/server/index.js';
import { eligibleRecord } from '../helpers.js';

/** A source whose list the test changes by hand. */
function handSource(first: RuleSetVersion) {
  let now = first;
  const source: RuleSetSource = { current: () => now };
  return { source, set: (next: RuleSetVersion) => (now = next) };
}

const withPerbup = (version: string): RuleSetVersion => ({
  version,
  ruleSets: [perbup],
  loaded: { [perbup.id]: { file: 'aturan/perbup-contoh.json', loadedAt: '2026-12-06T08:00:00Z' } },
});
const empty = (version: string): RuleSetVersion => ({ version, ruleSets: [], loaded: {} });

const evaluateWithPerbup = (app: ReturnType<typeof createApp>) =>
  app.request('/evaluate?ruleSet=perbup-contoh-2024', {
    method: 'POST',
    body: JSON.stringify(eligibleRecord()),
    headers: { 'content-type': 'application/json' },
  });

describe('an app with a rule-set source (serve --rule-set-dir --watch)', () => {
  it('answers each request with the list current when it arrived, and lists hash, file and load time', async () => {
    const { source, set } = handSource(withPerbup('1'));
    const app = createApp({ ruleSetSource: source });
    const listed = (await (await app.request('/rule-sets')).json()) as Record<string, unknown>[];
    const mine = listed.find((r) => r.id === perbup.id);
    expect(mine).toMatchObject({
      builtIn: false,
      file: 'aturan/perbup-contoh.json',
      loadedAt: '2026-12-06T08:00:00Z',
    });
    expect(mine?.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    // The hash is the one every result's basis names.
    const evaluated = (await (await evaluateWithPerbup(app)).json()) as {
      basis: { ruleSet: { hash: string } };
    };
    expect(evaluated.basis.ruleSet.hash).toBe(mine?.hash);
    // Shipped rule sets are listed with their hash too, and no load time.
    const shipped = listed.find((r) => r.id === 'pp-38-2017');
    expect(shipped?.hash).toMatch(/^sha256:/);
    expect(shipped).not.toHaveProperty('loadedAt');

    set(empty('2'));
    expect((await evaluateWithPerbup(app)).status).toBe(404);
    expect(
      ((await (await app.request('/rule-sets')).json()) as { id: string }[]).map((r) => r.id),
    ).not.toContain(perbup.id);
    set(withPerbup('3'));
    expect((await evaluateWithPerbup(app)).status).toBe(200);
  });

  it('finishes a request in flight on the engine it started with', async () => {
    const { source, set } = handSource(withPerbup('1'));
    const app = createApp({ ruleSetSource: source });
    let push: (line: string | null) => void = () => {};
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (line) =>
          line === null ? controller.close() : controller.enqueue(new TextEncoder().encode(line));
      },
    });
    const answer = app.request('/evaluate/batch?ruleSet=perbup-contoh-2024', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-ndjson' },
      duplex: 'half',
    } as RequestInit);
    push(`${JSON.stringify(eligibleRecord({ nama: 'A' }))}\n`);
    const response = await answer;
    const reader = response.body?.getReader() as ReadableStreamDefaultReader<Uint8Array>;
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(JSON.parse(first)).toMatchObject({ ok: true, evaluation: { nama: 'A' } });
    // The Perbup is removed while the batch is still arriving: its next line is still judged by it.
    set(empty('2'));
    expect((await evaluateWithPerbup(app)).status).toBe(404);
    push(`${JSON.stringify(eligibleRecord({ nama: 'B' }))}\n`);
    push(null);
    let rest = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      rest += new TextDecoder().decode(value);
    }
    const second = JSON.parse(rest.trim()) as {
      ok: boolean;
      evaluation: { nama: string; basis: { ruleSet: { id: string } } };
    };
    expect(second.ok).toBe(true);
    expect(second.evaluation.basis.ruleSet.id).toBe(perbup.id);
  });

  it('keeps the last good list when a version cannot be loaded', async () => {
    const { source, set } = handSource(withPerbup('1'));
    const app = createApp({ ruleSetSource: source });
    set({ version: '2', ruleSets: [{ id: 'rusak', kind: 'eligibility' }], loaded: {} });
    expect((await evaluateWithPerbup(app)).status).toBe(200);
  });

  it('builds an engine again only when the version changes', async () => {
    const { source, set } = handSource(withPerbup('1'));
    const app = createApp({ ruleSetSource: source });
    // The same version with another list is the same version: nothing is rebuilt.
    set({ ...empty('1') });
    expect((await evaluateWithPerbup(app)).status).toBe(200);
  });

  it('lists the rule sets given at start, with the time the app was made and no file', async () => {
    const before = new Date().toISOString();
    const app = createApp({ ruleSets: [perbup] });
    const listed = (await (await app.request('/rule-sets')).json()) as Record<string, unknown>[];
    const mine = listed.find((r) => r.id === perbup.id);
    expect(mine).not.toHaveProperty('file');
    expect(String(mine?.loadedAt) >= before).toBe(true);
    expect((await evaluateWithPerbup(app)).status).toBe(200);
  });

  it('refuses a source that is not one, as an option error', () => {
    expect(() => createApp({ ruleSetSource: {} as never })).toThrow(/ruleSetSource must be/);
  });
});
