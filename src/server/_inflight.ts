/**
 * The app's bound on requests worked on at once: every request but `/health` takes a place
 * and gives it back when its answer is sent; regions, plans and batches, which hold far more
 * each, also take one of the fewer heavy places. Shared by the Hono app and the fast route of
 * `POST /evaluate`, so that both count against one bound.
 */

/** Takes a place for a request, or `undefined` when none is free (the caller answers 503). */
export type Inflight = (heavy: boolean) => (() => void) | undefined;

/**
 * A gate of `max` places, `maxHeavy` of them for heavy requests. The release it hands out may
 * be called more than once (on the answer's end and on an error): it gives the place back once.
 */
export function inflightGate(max: number, maxHeavy: number): Inflight {
  let inflight = 0;
  let heavy = 0;
  return (isHeavy) => {
    if (inflight >= max || (isHeavy && heavy >= maxHeavy)) return undefined;
    inflight++;
    if (isHeavy) heavy++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      inflight--;
      if (isHeavy) heavy--;
    };
  };
}
