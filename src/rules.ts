/**
 * The rule registry. Each rule lives in `rules/<rule-id>.ts`; this file is the
 * only place that lists them. `src/index.ts` derives the configs from each
 * rule's `meta.docs.recommended`.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import no500ForValidation from '../rules/no-500-for-validation';
import requireRetryBackoff from '../rules/require-retry-backoff';
import noUnboundedRetry from '../rules/no-unbounded-retry';
import noRetryOnClientError from '../rules/no-retry-on-client-error';
import no500ForUpstreamFailure from '../rules/no-500-for-upstream-failure';
import no502ForInternalError from '../rules/no-502-for-internal-error';
import requireUpstreamTimeout from '../rules/require-upstream-timeout';

import requireRetryAfter from '../rules/require-retry-after';
import noCacheableErrorResponse from '../rules/no-cacheable-error-response';
import noLeakedErrorDetails from '../rules/no-leaked-error-details';
import errorHandlerRespectsStatus from '../rules/error-handler-respects-status';
export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = {
  'no-500-for-validation': no500ForValidation as unknown as TSESLint.RuleModule<string, readonly unknown[]>,
  'require-retry-backoff': requireRetryBackoff as unknown as TSESLint.RuleModule<string, readonly unknown[]>,
  'no-unbounded-retry': noUnboundedRetry as unknown as TSESLint.RuleModule<string, readonly unknown[]>,
  'no-retry-on-client-error': noRetryOnClientError as unknown as TSESLint.RuleModule<string, readonly unknown[]>,
  'no-500-for-upstream-failure': no500ForUpstreamFailure as unknown as TSESLint.RuleModule<string, readonly unknown[]>,
  'no-502-for-internal-error': no502ForInternalError as unknown as TSESLint.RuleModule<string, readonly unknown[]>,
  'require-upstream-timeout': requireUpstreamTimeout as unknown as TSESLint.RuleModule<string, readonly unknown[]>,
  'require-retry-after': requireRetryAfter as unknown as TSESLint.RuleModule<string, readonly unknown[]>,
  'no-cacheable-error-response': noCacheableErrorResponse as unknown as TSESLint.RuleModule<string, readonly unknown[]>,
  'no-leaked-error-details': noLeakedErrorDetails as unknown as TSESLint.RuleModule<string, readonly unknown[]>,
  'error-handler-respects-status': errorHandlerRespectsStatus as unknown as TSESLint.RuleModule<string, readonly unknown[]>,
};
