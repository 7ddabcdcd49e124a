/**
 * A stopped clock for the screenshot tests: `Date.now()` and `new Date()` always give the same
 * instant, so every time stamp, "2 min ago" and reply-window countdown in a story reads the same on
 * every run. Imported before the stories, because some of them take `Date.now()` when their module
 * loads. Timers (setTimeout, requestAnimationFrame) still run on real time.
 */
export const FIXED_NOW = Date.UTC(2026, 2, 2, 9, 30, 0);

const RealDate = Date;

class FixedDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(FIXED_NOW);
    else super(...(args as [string | number | Date]));
  }

  static override now(): number {
    return FIXED_NOW;
  }
}

globalThis.Date = FixedDate as DateConstructor;
