import { afterEach, vi } from 'vitest';

/**
 * The sandbox works out job progress and URL expiry from Date.now() whenever it is asked, so a
 * test that fakes only Date (sockets and timers stay real) moves the sandbox's clock itself and
 * asserts exact counts, however slowly a loaded machine runs the requests in between.
 */
export function sandboxClock(): { freeze: () => void; advance: (ms: number) => void } {
  afterEach(() => {
    vi.useRealTimers();
  });
  return {
    freeze: () => {
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    },
    advance: (ms) => {
      vi.setSystemTime(Date.now() + ms);
    },
  };
}
