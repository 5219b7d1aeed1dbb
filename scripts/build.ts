/**
 * Compile Oversight for production: `npm run build` writes dist/, run with
 * `npm run start:production` (node dist/main.js) and `node dist/scripts/<command>.js`.
 *
 * esbuild bundles the TypeScript source into plain ES modules. It is used
 * rather than tsc's own output because the source imports its files without
 * extensions (TypeScript's "Bundler" resolution), which Node cannot load as
 * tsc would emit them. Installed packages stay outside the bundle and are
 * loaded from node_modules; templates, static files and migrations are read
 * from the checkout (src/platform/paths.ts). esbuild does not check types:
 * `npm run typecheck` does.
 *
 * Entry points: the service (src/main.ts) and every command in scripts/
 * (except this file and tests), so a command added there is built too.
 */
import { readdir, rm } from 'node:fs/promises';
import { build } from 'esbuild';

const OUT = 'dist';

async function entryPoints(): Promise<{ in: string; out: string }[]> {
  const commands = (await readdir('scripts'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'build.ts')
    .sort();
  return [
    { in: 'src/main.ts', out: 'main' },
    ...commands.map((f) => ({ in: `scripts/${f}`, out: `scripts/${f.slice(0, -3)}` })),
  ];
}

await rm(OUT, { recursive: true, force: true });
const entries = await entryPoints();
await build({
  entryPoints: entries,
  outdir: OUT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  packages: 'external',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: true,
  logLevel: 'warning',
});
console.log(`Built ${entries.map((e) => `${OUT}/${e.out}.js`).join(', ')}`);
