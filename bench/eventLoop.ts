/**
 * How long this thread's event loop is blocked: the longest gap of a 1 ms interval timer, and the
 * busy part of it (event-loop utilisation tells a thread running JavaScript or native work, such
 * as deserialising messages, from one that was ready but not given a core by the OS: on a loaded
 * 2-core machine the second inflates the gaps).
 */
export interface LoopFigures {
  longestGap: number;
  longestBusy: number;
  /** Gaps longer than 50 ms, the budget for the extension host. */
  blocks: number;
}

export function probeEventLoop(): { reset(): LoopFigures; stop(): void } {
  let last = performance.now();
  let lastElu = performance.eventLoopUtilization();
  let figures: LoopFigures = { longestGap: 0, longestBusy: 0, blocks: 0 };
  const timer = setInterval(() => {
    const now = performance.now();
    const elu = performance.eventLoopUtilization(lastElu);
    lastElu = performance.eventLoopUtilization();
    figures.longestGap = Math.max(figures.longestGap, now - last);
    figures.longestBusy = Math.max(figures.longestBusy, elu.active);
    if (now - last > 50) figures.blocks++;
    last = now;
  }, 1);
  return {
    /** The figures since the last reset (or the start), and a fresh count. */
    reset(): LoopFigures {
      const out = figures;
      figures = { longestGap: 0, longestBusy: 0, blocks: 0 };
      return out;
    },
    stop: () => clearInterval(timer),
  };
}
