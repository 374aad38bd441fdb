import type { Config } from '../config/config';
import type { Choices } from './types';

/** Every category set to `granted` (`necessary` is forced on by the consent state anyway). */
export const allChoices = (config: Config, granted: boolean): Choices =>
  Object.fromEntries(config.categories.map(({ key }) => [key, granted]));
