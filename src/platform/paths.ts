import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json: the checkout the service runs from. Files
 * read at run time (page templates, static files, migrations, installed
 * packages) are found from here, so the same code works from the TypeScript
 * source (src/) and from the compiled bundle (dist/), whose files sit at other
 * depths.
 */
export function findProjectRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${start}: run Oversight from its checkout.`);
    dir = parent;
  }
}

export const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the checkout, like fromRoot('src', 'platform', 'views'). */
export function fromRoot(...segments: string[]): string {
  return join(projectRoot, ...segments);
}
