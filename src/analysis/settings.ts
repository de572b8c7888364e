/**
 * Shared settings: `settings['http-semantics']` in the ESLint config.
 *
 * ```js
 * settings: { 'http-semantics': { upstreamCalls: ['stripe.*', 's3Client.send', 'this.payments.*'] } }
 * ```
 * Bad settings fail loudly with a clear message instead of being ignored.
 */
export interface HttpSemanticsSettings {
  /** Callee patterns that are upstream HTTP calls (`*` matches one segment, a trailing `.*` any tail). */
  upstreamCalls: readonly string[];
}

const KNOWN_KEYS = new Set(['upstreamCalls']);

export function readSettings(settings: Readonly<Record<string, unknown>> | undefined): HttpSemanticsSettings {
  const raw = settings?.['http-semantics'];
  if (raw === undefined) return { upstreamCalls: [] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error(`eslint-plugin-http-semantics: settings['http-semantics'] must be an object, got ${JSON.stringify(raw)}.`);
  }
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.has(key)) {
      throw new Error(`eslint-plugin-http-semantics: unknown setting settings['http-semantics'].${key} (known: ${[...KNOWN_KEYS].join(', ')}).`);
    }
  }
  const calls = (raw as { upstreamCalls?: unknown }).upstreamCalls ?? [];
  if (!Array.isArray(calls) || calls.some((c) => typeof c !== 'string' || c.length === 0)) {
    throw new Error(
      `eslint-plugin-http-semantics: settings['http-semantics'].upstreamCalls must be an array of non-empty strings such as "stripe.*" or "s3Client.send", got ${JSON.stringify(calls)}.`,
    );
  }
  return { upstreamCalls: calls as string[] };
}
