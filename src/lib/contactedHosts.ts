/** Hosts this page has fetched from, as the browser's resource timing records them. */
export const contactedHosts = (): string[] => {
  const hosts = new Set<string>();
  try {
    for (const entry of performance.getEntriesByType('resource')) {
      hosts.add(new URL(entry.name).host);
    }
  } catch {
    // No resource timing here: the audit says what it could see.
  }
  return [...hosts];
};
