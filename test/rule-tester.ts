/**
 * The one RuleTester every rule test uses. Wired to vitest's globals, parses
 * JS, JSX, TS and TSX with @typescript-eslint/parser (set `filename` on a case
 * to pick the dialect: `file.ts` is the default; use `file.tsx` for JSX in TS).
 */
import * as parser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export const ruleTester = new RuleTester({
  languageOptions: {
    parser,
    ecmaVersion: 'latest',
    sourceType: 'module',
    parserOptions: {
      ecmaFeatures: { jsx: true },
    },
  },
});

export { RuleTester };
