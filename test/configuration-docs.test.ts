/**
 * Every environment variable the code reads is in the README's configuration
 * section, so a setting cannot be added without saying what it does.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot, projectRoot } from '../src/platform/paths';

const SOURCE_FOLDERS = ['src', 'scripts', 'bench', 'e2e', 'test'];
const THIS_FILE = relative(projectRoot, new URL(import.meta.url).pathname);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(name) ? [path] : [];
  });
}

/** Names read as process.env.NAME, process.env['NAME'] or env.NAME (an env object passed in), and the config schema's keys. */
function variablesRead(files: Array<{ path: string; text: string }>): Map<string, string> {
  const found = new Map<string, string>();
  const add = (name: string, path: string) => {
    if (!found.has(name)) found.set(name, path);
  };
  for (const { path, text } of files) {
    for (const m of text.matchAll(
      /\b(?:process\.)?env(?:\.([A-Z][A-Z0-9_]+)|\[['"]([A-Z][A-Z0-9_]+)['"]\])/g,
    )) {
      add((m[1] ?? m[2])!, path);
    }
    if (path.endsWith(join('platform', 'config.ts'))) {
      const schema = text.slice(text.indexOf('z\n  .object({'), text.indexOf('.superRefine('));
      for (const m of schema.matchAll(/^ {4}([A-Z][A-Z0-9_]+): z\./gm)) add(m[1]!, path);
    }
  }
  return found;
}

/** The backticked names in the first column of every table under "## Configuration". */
function documentedVariables(readme: string): Set<string> {
  const start = readme.search(/^## Configuration$/m);
  if (start === -1) return new Set();
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  const names = new Set<string>();
  for (const m of section.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)) names.add(m[1]!);
  return names;
}

describe('the README configuration table', () => {
  it('finds what the code reads, and what the table lists', () => {
    const read = variablesRead([
      { path: 'src/a.ts', text: "const a = process.env.ALPHA ?? process.env['BETA'];\nfoo(env.GAMMA);" },
      {
        path: 'src/platform/config.ts',
        text: 'const envSchema = z\n  .object({\n    DELTA: z.string(),\n  })\n  .superRefine(() => {});',
      },
      { path: 'src/b.ts', text: 'environment.lower; env.notUpper; myenv.X' },
    ]);
    expect([...read.keys()]).toEqual(['ALPHA', 'BETA', 'GAMMA', 'DELTA']);
    const table =
      '## Configuration\n\n| Variable | Default |\n| --- | --- |\n| `ALPHA` | x |\n\n## Next\n| `OMEGA` | y |';
    expect([...documentedVariables(table)]).toEqual(['ALPHA']);
  });

  it('lists every environment variable the code reads', () => {
    const files = SOURCE_FOLDERS.flatMap((f) => sourceFiles(fromRoot(f)))
      .map((path) => ({ path: relative(projectRoot, path), text: readFileSync(path, 'utf8') }))
      .filter((f) => f.path !== THIS_FILE);
    const read = variablesRead(files);
    // The schema is found: a change to its layout must not empty the check.
    expect(read.get('SESSION_SECRET')).toBe(join('src', 'platform', 'config.ts'));
    expect(read.has('CHROMIUM_PATH')).toBe(true);
    const documented = documentedVariables(readFileSync(fromRoot('README.md'), 'utf8'));
    const missing = [...read]
      .filter(([name]) => !documented.has(name))
      .map(([name, path]) => `${name} (${path})`);
    expect(missing, 'add these to the README\'s "Configuration" tables').toEqual([]);
  });
});
