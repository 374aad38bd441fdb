/**
 * The statistics dashboard's page script (`dist/dashboard/dashboard.js`), served by the relay
 * at `{basePath}/dashboard/assets/`. It reads only the relay's own data URL; it is not part of
 * the visitor's SDK and the relay never imports it as code, only its built text.
 */
import { startDashboard } from './startDashboard';

const main = document.getElementById('main');
const app = document.getElementById('app');
if (main && app && main.dataset.base !== undefined) {
  startDashboard(app, {
    base: main.dataset.base,
    lang: document.documentElement.lang === 'en' ? 'en' : 'nl',
  });
}
