/**
 * The dispatcher's only contact with real time besides the Clock: waiting between polls and bounding a
 * delivery. Injected so tests can drive them; the defaults are the global timers.
 */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
