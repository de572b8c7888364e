import { elysiaAdapter } from './elysia';
import { errorsAdapter } from './errors';
import { expressAdapter } from './express';
import { honoAdapter } from './hono';
import { koaAdapter } from './koa';
import { lambdaAdapter } from './lambda';
import { nestAdapter } from './nest';
import type { Adapter } from './types';
import { webAdapter } from './web';

export type { Adapter, AdapterEnv, EmissionInput, Framework } from './types';

/** Every framework adapter; each contributes status emissions from the node kinds it listens to. */
export const ADAPTERS: readonly Adapter[] = [
  expressAdapter,
  koaAdapter,
  honoAdapter,
  webAdapter,
  nestAdapter,
  errorsAdapter,
  lambdaAdapter,
  elysiaAdapter,
];
