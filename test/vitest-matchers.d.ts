import type { InovasiMatchers } from '../src/vitest.js';

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: the signature vitest declares
  interface Matchers<T = any> extends InovasiMatchers<T> {}
}
