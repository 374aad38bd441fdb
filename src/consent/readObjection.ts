/**
 * The browser's own objection signal. Global Privacy Control is the current one; Do Not Track is
 * deprecated but still sent by some browsers, and the privacy statement counts both as objection.
 */
export const readObjection = (): 'gpc' | 'dnt' | null => {
  if (typeof navigator === 'undefined') return null;
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  if (nav.globalPrivacyControl === true) return 'gpc';
  const dnt = nav.doNotTrack ?? (window as Window & { doNotTrack?: string }).doNotTrack;
  return dnt === '1' || dnt === 'yes' ? 'dnt' : null;
};
