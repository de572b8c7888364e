/**
 * Which files serve requests at all. Tests, mocks, stories, benchmarks and
 * tool configs never answer a real client or call a real upstream in
 * production: a mocked `new Response(null, { status: 503 })` in a test, or a
 * test that fires requests until it sees a 429, is not a mistake in the
 * server. Every model (HTTP and retry) is empty for them, so no rule reports
 * there. Matched on the file's name (`*.test.ts`, `mock-server.js`, and the
 * `__tests__`/`__mocks__`/`__fixtures__` folder conventions) only, never on folder names like `test/`, which real server
 * code can live under.
 */
const NOT_REQUEST_FILE =
  /(^|\/)(__tests__|__mocks__|__fixtures__)\/|(^|\/)mocks?[-_.][^/]*$|\.(test|spec|e2e|stories|story|bench|mocks?)\.[cm]?[jt]sx?$|\.config\.[cm]?[jt]s$/;

/**
 * Modules that exist to fake HTTP (Mock Service Worker, nock, fetch-mock,
 * axios-mock-adapter): a file that imports one defines mock handlers, whose
 * responses and fetches stand in for a real server or upstream.
 */
const MOCK_LIBRARY = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|^\s*import\s+)['"](?:msw(?:\/[^'"]*)?|@mswjs\/[^'"]+|nock|fetch-mock|jest-fetch-mock|vitest-fetch-mock|axios-mock-adapter)['"]/m;

/** `text`, when given, is the file's source: a file that imports a mocking library serves no requests either. */
export function servesRequests(filename: string | undefined, text?: string): boolean {
  if (filename && NOT_REQUEST_FILE.test(filename.replace(/\\/g, '/'))) return false;
  if (text === undefined || (!text.includes('mock') && !text.includes('msw') && !text.includes('nock'))) return true;
  return !MOCK_LIBRARY.test(text);
}

const byFile = new WeakMap<object, boolean>();

/** `servesRequests` for a rule's file, computed once per file (both models ask). */
export function fileServesRequests(context: { filename: string; sourceCode: { ast: object; text: string } }): boolean {
  const { ast, text } = context.sourceCode;
  let result = byFile.get(ast);
  if (result === undefined) {
    result = servesRequests(context.filename, text);
    byFile.set(ast, result);
  }
  return result;
}
