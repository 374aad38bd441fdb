// The `zorgvuldig/scrub` entry: the scrubber and IP truncation shared by the browser SDK, the
// Google Analytics gate and the relay. Re-exports only.
export { scrubUrl, scrubReferrer, DEFAULT_ALLOWED_PARAMS } from './privacy/scrubUrl';
export type { ScrubUrlOptions } from './privacy/scrubUrl';
export { scrubText } from './privacy/scrubText';
export { scrubProps } from './privacy/scrubProps';
export type { ScrubbedProps } from './privacy/scrubProps';
export { truncateIp } from './privacy/truncateIp';
export type { TruncateLevel } from './privacy/truncateIp';
export { reduceUserAgent } from './privacy/reduceUserAgent';
export type { UserAgentHints } from './privacy/reduceUserAgent';
export type { ReducedUserAgent } from './protocol/types';
export { parseIp } from './privacy/parseIp';
export { formatIp } from './privacy/formatIp';
export type { ParsedIp } from './privacy/parseIp';
export { ipInCidr } from './privacy/ipInCidr';
