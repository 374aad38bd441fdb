import type { Context } from '../context/context';
import { sweepCookies } from './sweepCookies';

/** Cookie patterns of every category that is not granted right now. */
const unconsentedPatterns = (ctx: Context): string[] =>
  ctx.config.categories
    .filter((category) => !category.required && !ctx.consent.isGranted(category.key))
    .flatMap((category) => category.cookies.map((cookie) => cookie.name));

/**
 * Sweeps cookies of categories without consent on load and after every consent change, so a
 * withdrawal removes `_ga` and friends in the same page. Returns a sweep function for `forget()`.
 */
export const startSweeper = (ctx: Context): (() => string[]) => {
  const sweep = () => sweepCookies(unconsentedPatterns(ctx));
  sweep();
  ctx.onTeardown(ctx.consent.onChange(sweep));
  return sweep;
};
