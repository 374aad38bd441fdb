import type { ShellPart } from '../context/parts';
import { createShell } from '../ui/createShell';

/** The shadow root, its theme and the persistent reopen control: all a decided visit draws. */
export const shellPart: ShellPart = { createShell };
