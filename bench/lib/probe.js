// Runs first in every bench page (inlined by subjects.mjs, with the markers below replaced by the
// subject's banner finder and the pattern of its own script URLs). It observes layout shifts,
// long tasks and long animation frames from the start, and polls once per frame for the banner
// being rendered (connected, non-zero size, not hidden, not transparent), then, after the first
// click, for it being gone. Times are performance.now() in the frame. `headStart` is taken here,
// `headEnd` by an inline script after the subject's tags (subjects.mjs): between the two, the
// parser waits for the subject's blocking scripts, and nothing can paint.
(() => {
  const bench = (window.__bench = {
    cls: 0,
    longTasks: [],
    ownScripts: [],
    headStart: 0,
    headEnd: null,
    shownAt: null,
    clickAt: null,
    goneAt: null,
  });
  const find = __FIND__;
  const own = __OWN__;
  const observe = (type, record) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(record)).observe({
        type,
        buffered: true,
      });
    } catch {
      // Not supported: the figure stays empty.
    }
  };
  observe('layout-shift', (entry) => {
    if (!entry.hadRecentInput) bench.cls += entry.value;
  });
  observe('longtask', (entry) => bench.longTasks.push([entry.startTime, entry.duration]));
  // Long animation frames name the scripts that ran in them: the subject's own, by URL, are the
  // long tasks it caused (each script entry is one task's entry point into that file).
  observe('long-animation-frame', (entry) => {
    for (const script of entry.scripts ?? []) {
      if (own && own.test(script.sourceURL))
        bench.ownScripts.push([script.startTime, script.duration, script.sourceURL]);
    }
  });
  bench.headStart = performance.now();
  if (!find) return;
  const shown = (element) => {
    if (!element || !element.isConnected) return false;
    const rect = element.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1) return false;
    for (let node = element; node; node = node.parentElement || node.getRootNode().host) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden' || +style.opacity === 0)
        return false;
    }
    return true;
  };
  const waitShown = () => {
    if (shown(find())) bench.shownAt = performance.now();
    else requestAnimationFrame(waitShown);
  };
  requestAnimationFrame(waitShown);
  // Every click restarts the clock: a banner that ignored an early click (its handlers were not
  // attached yet) is timed from the click that worked.
  let clicks = 0;
  addEventListener(
    'click',
    () => {
      const generation = ++clicks;
      bench.clickAt = performance.now();
      bench.goneAt = null;
      const element = find();
      const waitGone = () => {
        if (generation !== clicks) return;
        if (!shown(element) && !shown(find())) bench.goneAt = performance.now();
        else requestAnimationFrame(waitGone);
      };
      requestAnimationFrame(waitGone);
    },
    true,
  );
})();
