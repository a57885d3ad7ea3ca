import { describe, expect, it } from 'vitest';
import { corsHeaders } from '../../src/server/_cors.js';
import { createApp } from '../../src/server/app.js';

const ALLOWED = 'https://inovasi.example.go.id';

describe('CORS on the origins given', () => {
  const app = createApp({ cors: [ALLOWED, 'https://sipadu.batukota.go.id'] });

  it('answers a preflight from an allowed origin with the methods and the headers asked', async () => {
    const res = await app.request('/evaluate', {
      method: 'OPTIONS',
      headers: {
        origin: ALLOWED,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'Content-Type, X-Requested-With',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,POST,OPTIONS');
    expect(res.headers.get('access-control-allow-headers')).toBe('Content-Type,X-Requested-With');
    expect(res.headers.get('vary')).toBe('Accept-Encoding, Origin, Access-Control-Request-Headers');
    expect(await res.text()).toBe('');
  });

  it('names no origin to a preflight from another, nor headers it did not ask', async () => {
    const res = await app.request('/evaluate', {
      method: 'OPTIONS',
      headers: { origin: 'https://example.com', 'access-control-request-method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-headers')).toBeNull();
    expect(res.headers.get('vary')).toBe('Accept-Encoding, Origin');
  });

  it('names an allowed origin on every answer, and says every answer varies by it', async () => {
    const allowed = await app.request('/health', { headers: { origin: ALLOWED } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(allowed.headers.get('vary')).toBe('Accept-Encoding, Origin');
    const other = await app.request('/health', { headers: { origin: 'https://example.com' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('vary')).toBe('Accept-Encoding, Origin');
    // A problem too.
    const problem = await app.request('/tidak-ada', { headers: { origin: ALLOWED } });
    expect(problem.status).toBe(404);
    expect(problem.headers.get('access-control-allow-origin')).toBe(ALLOWED);
  });

  it('corsHeaders: the origin named back only when it is one allowed, as written', () => {
    expect(corsHeaders([ALLOWED], ALLOWED)).toEqual({ 'Access-Control-Allow-Origin': ALLOWED });
    expect(corsHeaders([ALLOWED], `${ALLOWED}/`)).toEqual({});
    expect(corsHeaders([ALLOWED], 'https://INOVASI.example.go.id')).toEqual({});
    expect(corsHeaders([ALLOWED], undefined)).toEqual({});
    expect(corsHeaders([], ALLOWED)).toEqual({});
  });
});
