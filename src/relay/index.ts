export { computeStats, type RelayStats } from './computeStats';
export { createRelay } from './createRelay';
export { handleNodeRequest, toNodeHandler } from './handleNodeRequest';
export { readEnvOptions } from './readEnvOptions';
export { startRelayServer, type RelayServer, type RelayServerOptions } from './startRelayServer';
export type * from './types';
