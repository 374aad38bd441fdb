import type { UiPart } from '../context/parts';
import { mountUi } from '../ui/mountUi';

/** The banner and the preferences dialog. */
export const uiPart: UiPart = { mountUi };
