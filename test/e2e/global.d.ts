import type { ZorgvuldigApi } from '../../src/api/types';

declare global {
  interface Window {
    zorgvuldig: ZorgvuldigApi;
  }
}
