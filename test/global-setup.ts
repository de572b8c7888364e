/**
 * Vitest global setup: make sure `dist/` holds a build of the current sources.
 *
 * Tests that load the plugin the way users do (ESLint 9/10 Node API, the
 * accuracy harness) read `dist/index.cjs`. Rebuild with `npm run build` when
 * that entry is missing or older than any file under `src/` or `rules/`, or
 * than `package.json` / the tsconfigs / the ESM entry writer.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

function newestMtime(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // catches deleted files
  for (const name of fs.readdirSync(entry)) {
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

export function distIsStale(): boolean {
  const entry = path.join(root, 'dist', 'index.cjs');
  if (!fs.existsSync(entry)) return true;
  const built = fs.statSync(entry).mtimeMs;
  const inputs = ['src', 'rules', 'package.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/write-esm-entry.js'];
  return inputs.some((input) => newestMtime(path.join(root, input)) > built);
}

export default function setup(): void {
  if (process.env.HTTP_SEMANTICS_SKIP_BUILD === '1' || !distIsStale()) return;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  try {
    execFileSync(npm, ['run', '--silent', 'build'], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`test/global-setup: \`npm run build\` failed, tests need dist/.\n${e.stdout ?? ''}${e.stderr ?? ''}`, {
      cause: error,
    });
  }
}
