/**
 * Turns `.gitignore` files into flat-config `ignores` patterns.
 *
 * ESLint's flat API does not read `.gitignore`. We read the `.gitignore` of
 * the working directory and of every directory between it and each directory
 * given on the command line (inclusive), and rebase each file's patterns onto
 * the working directory, which is ESLint's base path for `ignores`. Nested
 * `.gitignore` files deeper inside a target, `.git/info/exclude` and the
 * global excludes file are not read.
 *
 * The conversion of one pattern follows `convertIgnorePatternToMinimatch`
 * from `@eslint/compat` (a pattern without a slash, or with only a trailing
 * one, matches at any depth; a leading slash anchors it; `{` and `(` are
 * literal in gitignore and are escaped for minimatch).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Directories that are never linted, whatever `.gitignore` says. */
export const ALWAYS_IGNORED_DIRECTORIES = [
  'node_modules',
  'dist',
  'build',
  '.next',
  '.nuxt',
  '.svelte-kit',
  'out',
  'coverage',
] as const;

export function alwaysIgnoredPatterns(): string[] {
  return ALWAYS_IGNORED_DIRECTORIES.map((dir) => `**/${dir}/`);
}

/**
 * Converts one gitignore line to a minimatch pattern relative to the
 * directory of the `.gitignore`; `undefined` for blank lines and comments.
 */
export function convertGitignoreLine(line: string): string | undefined {
  let text = line.replace(/\r$/, '');
  // Trailing spaces are ignored unless escaped with a backslash.
  text = text.replace(/(?<!\\)\s+$/, '').replace(/\\ $/, ' ');
  if (text === '' || text.startsWith('#')) return undefined;

  const negated = text.startsWith('!');
  let body = negated ? text.slice(1) : text;
  if (body.startsWith('\\#') || body.startsWith('\\!')) body = body.slice(1);
  const prefix = negated ? '!' : '';
  if (body === '') return undefined;
  if (['**', '/**', '**/'].includes(body)) return `${prefix}${body}`;

  const firstSlash = body.indexOf('/');
  const matchEverywhere = firstSlash < 0 || firstSlash === body.length - 1 ? '**/' : '';
  const withoutLeadingSlash = firstSlash === 0 ? body.slice(1) : body;
  const escaped = withoutLeadingSlash.replace(/(?<!\\)([{(])/g, '\\$1');
  const matchInside = body.endsWith('/**') ? '/*' : '';
  return `${prefix}${matchEverywhere}${escaped}${matchInside}`;
}

/** Rebases a pattern relative to `relativeDir` onto the base path. */
function rebase(pattern: string, relativeDir: string): string {
  if (relativeDir === '') return pattern;
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  return `${negated ? '!' : ''}${relativeDir}/${body}`;
}

/** Patterns of one `.gitignore`, rebased onto `cwd`; `[]` if absent. */
export function readGitignore(directory: string, cwd: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(path.join(directory, '.gitignore'), 'utf8');
  } catch {
    return [];
  }
  const relativeDir = path.relative(cwd, directory).split(path.sep).join('/');
  const patterns: string[] = [];
  for (const line of text.split('\n')) {
    const pattern = convertGitignoreLine(line);
    if (pattern !== undefined) patterns.push(rebase(pattern, relativeDir));
  }
  return patterns;
}

/** Directories from `cwd` down to `target` (inclusive), if `target` is inside `cwd`. */
function directoriesBetween(cwd: string, target: string): string[] {
  const relative = path.relative(cwd, target);
  if (relative === '') return [cwd];
  if (relative.startsWith('..') || path.isAbsolute(relative)) return [];
  const dirs = [cwd];
  let current = cwd;
  for (const part of relative.split(path.sep)) {
    current = path.join(current, part);
    dirs.push(current);
  }
  return dirs;
}

/**
 * Ignore patterns from the `.gitignore` files that apply to the given
 * targets (absolute directory paths), in order: outer files first, so that a
 * negation in an inner file can re-include what an outer one ignored.
 */
export function gitignorePatterns(cwd: string, targetDirectories: readonly string[]): string[] {
  const seen = new Set<string>();
  const ordered: string[] = [];
  for (const target of [cwd, ...targetDirectories]) {
    for (const dir of directoriesBetween(cwd, target)) {
      if (!seen.has(dir)) {
        seen.add(dir);
        ordered.push(dir);
      }
    }
  }
  ordered.sort((a, b) => a.length - b.length);
  return ordered.flatMap((dir) => readGitignore(dir, cwd));
}
