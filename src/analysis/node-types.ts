/**
 * `AST_NODE_TYPES` as a plain binding. `@typescript-eslint/utils` (and
 * `@typescript-eslint/types`) re-export the enum through property getters, so
 * every `AST_NODE_TYPES.X` in compiled CommonJS is a function call; in the
 * analysis's hot loops that was a measurable share of the plugin's time.
 * Importing the enum from here makes it one data-property read.
 */
import { AST_NODE_TYPES as TYPES } from '@typescript-eslint/utils';

export const AST_NODE_TYPES: typeof TYPES = TYPES;
