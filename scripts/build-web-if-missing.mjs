// Builds the web app once (after `npm ci`, or at `npm start` if the build is missing), so a
// newcomer's first `npm start` serves the UI without a separate step. A failed build is reported
// but does not stop the install or the API server; `npm run build` (and `npm test`) fail loudly.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const dist = new URL('../packages/web/dist/index.html', import.meta.url);
const vite = new URL('../node_modules/vite/bin/vite.js', import.meta.url);
if (!existsSync(dist) && existsSync(new URL('../packages/web/index.html', import.meta.url)) && existsSync(vite)) {
  console.log('Building the web app (first run only)…');
  const r = spawnSync(process.execPath, [vite.pathname, 'build', '--logLevel', 'warn'], {
    cwd: new URL('../packages/web/', import.meta.url), stdio: 'inherit',
  });
  if (r.status !== 0) console.warn('WARNING: the web app did not build; the API still starts. Run `npm run build` to see why.');
}
