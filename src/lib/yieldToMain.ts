interface Scheduler {
  yield?(): Promise<void>;
}

/**
 * Ends the current task so the browser can paint and handle input, and resumes in a new one:
 * `scheduler.yield()` where present (it resumes ahead of other queued work), else a macrotask.
 * This keeps each of the SDK's tasks short, whatever the device.
 */
export const yieldToMain = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  try {
    if (typeof scheduler?.yield == 'function') return scheduler.yield();
  } catch {
    // A page-replaced scheduler that throws: the macrotask still yields.
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
};

/** `fn`, callable many times, run the first time only. */
const once = (fn: () => void) => {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
};

/**
 * Runs `fn` once, as soon as the page has painted: the next frame, then a task. A page in a
 * background tab paints no frames, so `timeout` ms bound the wait.
 */
export const afterNextPaint = (fn: () => void, timeout = 1000): void => {
  const run = once(fn);
  requestAnimationFrame(() => setTimeout(run));
  setTimeout(run, timeout);
};

/**
 * Runs `fn` once, after the page has painted and in an idle period: the next frame, then a task,
 * then idle time. `timeout` ms bound the whole wait (a background tab paints no frames).
 */
export const afterPaint = (fn: () => void, timeout = 1000): void => {
  const run = once(fn);
  afterNextPaint(
    () =>
      typeof requestIdleCallback == 'function' ? requestIdleCallback(run, { timeout }) : run(),
    timeout,
  );
  setTimeout(run, timeout);
};
