import { jsonAnswer, type RelayAnswer } from '../jsonAnswer';
import { dashboardAssets } from './dashboardAssets';
import { securityHeaders } from './securityHeaders';

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** `GET {basePath}/dashboard/assets/<name>`: the dashboard's script or stylesheet (not secret). */
export const serveAsset = (name: string): RelayAnswer => {
  const text = Object.hasOwn(dashboardAssets, name) ? dashboardAssets[name] : undefined;
  const type = TYPES[name.split('.').pop() ?? ''];
  if (text === undefined || !type) return jsonAnswer(404, { error: 'not found' });
  return new Response(text, {
    status: 200,
    // `no-cache`: browsers revalidate, so a relay update is picked up at once.
    headers: { 'content-type': type, 'cache-control': 'no-cache', ...securityHeaders() },
  });
};
