import type { PartLoader, PartModules, PartName, PartStatus } from '../context/parts';

/** The core's view of its parts: each fetched at most once, its status kept for `audit()`. */
export interface Parts {
  /** The part, fetching it on first call. Rejects when it cannot load (warned once). */
  get<K extends PartName>(name: K): Promise<PartModules[K]>;
  /** The part if it has arrived, else undefined; never fetches. */
  peek<K extends PartName>(name: K): PartModules[K] | undefined;
  status(): Record<PartName, PartStatus>;
}

/**
 * `inlined`: the one-file build, where every part is bundled and nothing is fetched. A part that
 * cannot load fails closed: what it does is missing, consent and the Google gate
 * (which live in the core) carry on, and the console says which part, once.
 */
export const createParts = (load: PartLoader, inlined?: PartModules): Parts => {
  const initial: PartStatus = inlined ? 'loaded' : 'not-needed';
  const status: Record<PartName, PartStatus> = {
    shell: initial,
    ui: initial,
    stats: initial,
    rights: initial,
    receipts: initial,
  };
  const pending: Partial<Record<PartName, Promise<unknown>>> = {};
  // The one-file build has every part already: the core then uses them in the same task.
  const arrived: Partial<PartModules> = { ...inlined };
  return {
    get<K extends PartName>(name: K) {
      if (arrived[name]) return Promise.resolve(arrived[name]);
      if (!pending[name]) {
        status[name] = 'loading';
        pending[name] = load(name).then(
          (part) => {
            status[name] = 'loaded';
            return (arrived[name] = part);
          },
          (error: unknown) => {
            status[name] = 'failed';
            console.warn(
              `zorgvuldig: part "${name}" could not load (${error instanceof Error ? error.message : String(error)}); the rest of the SDK works without it`,
            );
            throw error;
          },
        );
      }
      return pending[name] as Promise<PartModules[K]>;
    },
    peek: (name) => arrived[name],
    status: () => ({ ...status }),
  };
};
