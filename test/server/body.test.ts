import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type BodyBounds, wholeBody } from '../../src/server/_body.js';

/** A request as `wholeBody` reads it: its events, and whether it was paused. */
function request() {
  const events = new EventEmitter();
  let paused = false;
  const incoming = Object.assign(events, {
    pause: () => {
      paused = true;
      return incoming;
    },
  });
  return {
    incoming: incoming as unknown as IncomingMessage,
    send: (text: string) => events.emit('data', Buffer.from(text)),
    end: () => events.emit('end'),
    fail: (error: Error) => events.emit('error', error),
    paused: () => paused,
  };
}

const TOO_LARGE = new Error('too large');
const IDLE = new Error('idle');
const bounds = {
  bytes: 20,
  idleMs: 1_000,
  tooLarge: vi.fn(() => TOO_LARGE),
  idle: vi.fn(() => IDLE),
} satisfies BodyBounds;

/** What a promise has come to so far: its value, its error, or neither. */
function settled<T>(promise: Promise<T>) {
  const state: { value?: T; error?: unknown } = {};
  promise.then(
    (value) => {
      state.value = value;
    },
    (error: unknown) => {
      state.error = error;
    },
  );
  return state;
}

describe('wholeBody: a Node request body read whole within its bounds', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    bounds.tooLarge.mockClear();
    bounds.idle.mockClear();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives the bytes of one piece, and of several pieces joined in order', async () => {
    const one = request();
    const single = wholeBody(one.incoming, bounds);
    one.send('{"nama": "A"}');
    one.end();
    expect((await single).toString()).toBe('{"nama": "A"}');

    const many = request();
    const joined = wholeBody(many.incoming, bounds);
    many.send('{"nama": ');
    many.send('"Layanan"}');
    many.end();
    expect((await joined).toString()).toBe('{"nama": "Layanan"}');
  });

  it('bounds the wait for the next bytes, not the whole body: each piece restarts it', async () => {
    const slow = request();
    const state = settled(wholeBody(slow.incoming, bounds));
    // Three pauses of 0.6 s: the body takes 1.8 s in all, each wait is under the 1 s bound.
    for (const piece of ['{"nama"', ': "Lay', 'anan"}']) {
      await vi.advanceTimersByTimeAsync(600);
      slow.send(piece);
    }
    slow.end();
    await vi.runAllTimersAsync();
    expect(state.error).toBeUndefined();
    expect(state.value?.toString()).toBe('{"nama": "Layanan"}');
  });

  it('refuses a body whose next bytes do not come within the bound, and stops reading it', async () => {
    const stalled = request();
    const state = settled(wholeBody(stalled.incoming, bounds));
    stalled.send('{"nama": "A');
    await vi.advanceTimersByTimeAsync(999);
    expect(state).toEqual({});
    await vi.advanceTimersByTimeAsync(1);
    expect(state.error).toBe(IDLE);
    expect(stalled.paused()).toBe(true);
    // Bytes that come late change nothing, and start no timer again.
    stalled.send('"}');
    expect(vi.getTimerCount()).toBe(0);
    stalled.end();
    await vi.runAllTimersAsync();
    expect(state.value).toBeUndefined();
    expect(bounds.idle).toHaveBeenCalledTimes(1);
  });

  it('refuses a body past its byte bound as the byte arrives, without waiting for the rest', async () => {
    const large = request();
    const state = settled(wholeBody(large.incoming, bounds));
    large.send('{"nama": "');
    large.send('0123456789');
    await vi.advanceTimersByTimeAsync(0);
    expect(state).toEqual({});
    large.send('x');
    await vi.advanceTimersByTimeAsync(0);
    expect(state.error).toBe(TOO_LARGE);
    expect(large.paused()).toBe(true);
    // Its idle bound is off and more bytes are not counted: the refusal stands, once.
    large.send('more');
    await vi.runAllTimersAsync();
    expect(state.error).toBe(TOO_LARGE);
    expect(bounds.tooLarge).toHaveBeenCalledTimes(1);
    expect(bounds.idle).not.toHaveBeenCalled();
  });

  it('ends with the request when the client goes away, and takes a late error quietly', async () => {
    const gone = request();
    const state = settled(wholeBody(gone.incoming, bounds));
    gone.send('{"nama"');
    const aborted = new Error('aborted');
    gone.fail(aborted);
    await vi.advanceTimersByTimeAsync(0);
    expect(state.error).toBe(aborted);

    const read = request();
    const body = wholeBody(read.incoming, bounds);
    read.send('{}');
    read.end();
    expect((await body).toString()).toBe('{}');
    // An error after the body was read (the socket reset later) is listened to, not thrown.
    expect(() => read.fail(new Error('aborted'))).not.toThrow();
    expect(vi.getTimerCount()).toBe(0);
  });
});
