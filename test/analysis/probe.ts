/**
 * The probe for core tests: a tiny rule that builds the HTTP model of one code
 * string (through ESLint's `Linter` and @typescript-eslint/parser, JSX on) and
 * hands it back, plus compact one-line serialisations of the model's facts so
 * tests read like `L3 express res.status() 500`.
 *
 * Markers in probed code:
 * - `here()` marks a point whose failure context `contexts()` serialises;
 * - `input(expr)` marks an expression whose origin `inputs()` reports.
 * Both are plain calls to undeclared functions, so they never change what the
 * engine sees around them (they are neither upstream calls nor validations).
 */
import * as parser from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import type { ConditionFact, FailureContext } from '../../src/analysis/failure-context';
import { getHttpModel, type HttpModel } from '../../src/analysis/model';

export interface ProbeOptions {
  /** Picks the dialect and framework conventions (`route.ts`, `page.tsx`, `handler.js`); default `file.ts`. */
  filename?: string;
  /** ESLint shared settings, e.g. `{ 'http-semantics': { upstreamCalls: ['payments.*'] } }`. */
  settings?: Record<string, unknown>;
}

export interface Probed {
  model: HttpModel;
  sourceCode: TSESLint.SourceCode;
}

/** Lint `code` with a rule that only builds the model; fails loudly on parse errors and crashes. */
export function probe(code: string, options: ProbeOptions = {}): Probed {
  let captured: Probed | undefined;
  const rule = {
    meta: { type: 'problem' as const, schema: [] },
    create(context: TSESLint.RuleContext<string, []>) {
      return {
        'Program:exit'() {
          captured = { model: getHttpModel(context, { ungated: true }), sourceCode: context.sourceCode as TSESLint.SourceCode };
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
        languageOptions: {
          parser,
          ecmaVersion: 'latest',
          sourceType: 'module',
          parserOptions: { ecmaFeatures: { jsx: true } },
        },
        plugins: { probe: { rules: { probe: rule as never } } },
        rules: { 'probe/probe': 'error' },
        settings: options.settings ?? {},
      },
    ],
    { filename: options.filename ?? 'file.ts' },
  );
  const fatal = messages.find((m) => m.fatal || m.ruleId === null);
  if (fatal) throw new Error(`probe: ${fatal.message} (line ${fatal.line})`);
  if (!captured) throw new Error('probe: the rule did not run');
  return captured;
}

type Node = TSESTree.Node;

const line = (node: Node) => `L${node.loc.start.line}`;

function text(sourceCode: TSESLint.SourceCode, node: Node): string {
  const t = sourceCode.getText(node).replace(/\s+/g, ' ');
  return t.length > 40 ? `${t.slice(0, 37)}...` : t;
}

/** `L3 express res.status() 500`; an unknown status prints as `?`. */
export function emissions(code: string, options?: ProbeOptions): string[] {
  const { model } = probe(code, options);
  return model.emissions.map((e) => `${line(e.node)} ${e.framework} ${e.form} ${e.code ?? '?'}`);
}

/** The resolved codes only, in source order (`undefined` for unknown). */
export function codes(code: string, options?: ProbeOptions): (number | undefined)[] {
  return probe(code, options).model.emissions.map((e) => e.code);
}

/**
 * `L4 axios url='https://x' options instance=L2 via=fetch@L9`. With `brief`, only
 * which calls are upstream and through what (`L4 axios instance=L2`), leaving out
 * the url and options arguments.
 */
export function upstreamCalls(code: string, options?: ProbeOptions & { brief?: boolean }): string[] {
  const { model, sourceCode } = probe(code, options);
  return model.upstreamCalls.map((u) => {
    const parts = [line(u.node), u.client];
    if (u.url && !options?.brief) parts.push(`url=${text(sourceCode, u.url)}`);
    if (u.options && !options?.brief) parts.push('options');
    if (u.instance) parts.push(`instance=L${u.instance.loc.start.line}`);
    if (u.via) parts.push(`via=${u.via.client}@${line(u.via.node)}`);
    return parts.join(' ');
  });
}

/** `L5 zod success-flag subject=req.body origin=request`. */
export function validations(code: string, options?: ProbeOptions): string[] {
  const { model, sourceCode } = probe(code, options);
  return model.validations.map((v) => {
    const subject = v.subject ? ` subject=${text(sourceCode, v.subject)}` : '';
    return `${line(v.node)} ${v.library} ${v.shape}${subject} origin=${v.origin}`;
  });
}

function markerCalls(model: HttpModel, name: string): TSESTree.CallExpression[] {
  return model.calls.filter((c) => c.callee.type === AST_NODE_TYPES.Identifier && c.callee.name === name);
}

/** For each `input(expr)` marker: `expr: request` or `expr: -`. */
export function inputs(code: string, options?: ProbeOptions): string[] {
  const { model, sourceCode } = probe(code, options);
  return markerCalls(model, 'input').map((call) => {
    const arg = call.arguments[0]!;
    return `${text(sourceCode, arg)}: ${model.isRequestInput(arg) ? 'request' : '-'}`;
  });
}

function fact(f: ConditionFact): string {
  switch (f.kind) {
    case 'validation':
      return `validation(${f.call.library}@${line(f.call.node)}) ${f.failed ? 'failed' : 'passed'}`;
    case 'input-check':
      return `input-check ${f.failed ? 'failed' : 'passed'}`;
    case 'upstream-response':
      return `upstream-response(${f.call.client}@${line(f.call.node)}) ${f.failed ? 'failed' : 'ok'}`;
    case 'error-test':
      return `error-test ${f.about} ${f.positive ? 'yes' : 'no'}`;
    case 'config-check':
      return `config-check ${f.missing ? 'missing' : 'present'}`;
  }
}

/** A failure context as lines: the catch and its work, then each condition with its facts. */
export function describeContext(ctx: FailureContext, sourceCode: TSESLint.SourceCode): string[] {
  const out: string[] = [];
  const c = ctx.catch;
  if (c) {
    const w = c.work;
    const work = [
      ...w.upstream.map((u) => `upstream:${u.client}`),
      ...w.validation.map((v) => `validation:${v.library}`),
      ...w.other.map((o) => `${o.kind}:${text(sourceCode, o.node).replace(/\(.*$/, '()')}`),
    ];
    out.push(`catch ${c.kind} error=${c.error?.name ?? '-'} work=[${work.join(', ')}]${w.timeoutArmed ? ' timeout-armed' : ''}`);
  }
  for (const cond of ctx.conditions) {
    const facts = cond.facts.map(fact).join('; ');
    out.push(`${cond.holds ? 'if' : 'unless'} ${text(sourceCode, cond.test)}${facts ? ` => ${facts}` : ''}`);
  }
  return out;
}

/** The failure context of each `here()` marker, or of each emission when there is no marker. */
export function contexts(code: string, options?: ProbeOptions): string[][] {
  const { model, sourceCode } = probe(code, options);
  const markers = markerCalls(model, 'here');
  const nodes = markers.length > 0 ? markers : model.emissions.map((e) => e.node);
  return nodes.map((n) => describeContext(model.failureContext(n), sourceCode));
}
