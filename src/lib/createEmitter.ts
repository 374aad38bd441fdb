/** A listener that throws must not break the SDK or the other listeners. */
export interface Emitter<Events extends object> {
  on<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): () => void;
  emit<K extends keyof Events>(event: K, payload: Events[K]): void;
}

/* @__NO_SIDE_EFFECTS__ */
export const createEmitter = <Events extends object>(): Emitter<Events> => {
  const listeners: { [K in keyof Events]?: Set<(payload: Events[K]) => void> } = {};
  return {
    on(event, listener) {
      const set = (listeners[event] ||= new Set());
      set.add(listener);
      return () => void set.delete(listener);
    },
    emit(event, payload) {
      listeners[event]?.forEach((listener) => {
        try {
          listener(payload);
        } catch (error) {
          // A site's listener is the site's bug; report it without stopping the others.
          setTimeout(() => {
            throw error;
          });
        }
      });
    },
  };
};
