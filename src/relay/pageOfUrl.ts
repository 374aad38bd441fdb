/** The page of a scrubbed URL as the statistics name it: path and allow-listed query, no origin. */
export const pageOfUrl = (url: string): string => {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
};
