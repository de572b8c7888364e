/**
 * createRule merges default options once per distinct configuration: ESLint
 * hands every file a fresh options array, so the merge is keyed by content.
 */
import { describe, expect, it } from 'vitest';
import type { TSESLint } from '@typescript-eslint/utils';
import { createRule } from '../src/util/create-rule';

type Options = [{ limit?: number; names?: string[] }];

function probeRule() {
  const seen: Options[0][] = [];
  const rule = createRule<Options, 'x'>({
    name: 'probe',
    meta: { type: 'problem', docs: { description: 'probe' }, messages: { x: 'x' }, schema: [{ type: 'object' }], defaultOptions: [{ limit: 3, names: ['a'] }] },
    create(_context, [options]) {
      seen.push(options);
      return {};
    },
  });
  const run = (options: unknown[]) => rule.create({ options } as unknown as Readonly<TSESLint.RuleContext<'x', Options>>);
  return { seen, run };
}

describe('createRule option defaults', () => {
  it('fills in defaults and keeps configured values', () => {
    const { seen, run } = probeRule();
    run([]);
    run([{ limit: 5 }]);
    expect(seen[0]).toEqual({ limit: 3, names: ['a'] });
    expect(seen[1]).toEqual({ limit: 5, names: ['a'] });
  });

  it('merges once for equal configurations given as fresh arrays (one per file)', () => {
    const { seen, run } = probeRule();
    run([{ limit: 5 }]);
    run([{ limit: 5 }]);
    expect(seen[1]).toBe(seen[0]);
  });

  it('keeps different configurations apart', () => {
    const { seen, run } = probeRule();
    run([{ limit: 5 }]);
    run([{ limit: 6 }]);
    expect(seen[1]).not.toBe(seen[0]);
    expect(seen[1]!.limit).toBe(6);
  });
});
