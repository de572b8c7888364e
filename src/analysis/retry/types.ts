import type { TSESTree } from '@typescript-eslint/utils';

export type RetryKind = 'loop' | 'recursion' | 'timer' | 'library';

export type WaitKind = 'none' | 'constant' | 'linear' | 'exponential' | 'retry-after' | 'unknown';

export interface RetryWait {
  kind: WaitKind;
  /** The delay has a random component (full/equal/decorrelated jitter, noise). */
  jitter: boolean;
  /** The delay is clamped (`Math.min(cap, ...)`, `maxTimeout`, `backoffLimit`). */
  capped: boolean;
  /** The constant delay in milliseconds, when it is statically known. */
  ms?: number;
  /**
   * When the delay comes from a helper the engine cannot see into (imported,
   * or a method), its name: rules decide from their options whether the name
   * says backoff (`exponentialBackoff(attempt)`). `kind` is then 'unknown'.
   */
  helper?: string;
  /** The node the wait was read from (the sleep call, the option), when there is one. */
  node?: TSESTree.Node;
}

/**
 * What stops retrying: an attempt count, a deadline, a cancellation signal,
 * or (`size`) an input that shrinks on every recursive call down to a size
 * check (`if (items.length <= 1) return`), as when a failing batch is bisected.
 */
export type BoundKind = 'count' | 'deadline' | 'signal' | 'size' | 'none' | 'unknown';

export interface RetryBound {
  kind: BoundKind;
  node?: TSESTree.Node;
  /** The most attempts there can be, first one included, when it is statically known (`for (let i = 0; i < 3; i++)` -> 3). */
  attempts?: number;
}

export type RetriesOnKind = 'any-failure' | 'server-errors' | 'network-only' | 'unknown';

export interface RetriesOn {
  kind: RetriesOnKind;
  /** For 'any-failure': the condition or config that lets 4xx through. */
  node?: TSESTree.Node;
}

export type RetryLibrary =
  | 'axios-retry'
  | 'fetch-retry'
  | 'p-retry'
  | 'async-retry'
  | 'promise-retry'
  | 'retry'
  | 'got'
  | 'ky'
  | 'cockatiel'
  | 'undici';

export interface RetryLogic {
  kind: RetryKind;
  /** The loop statement, the recursive function, the timer call or the library call. */
  node: TSESTree.Node;
  /** Where a finding about this retry logic as a whole starts. */
  reportNode: TSESTree.Node;
  library?: RetryLibrary;
  wait: RetryWait;
  bound: RetryBound;
  retriesOn: RetriesOn;
  /** A comparison that singles out 429 or 503 (`status === 429`, `[429, 503].includes(s)`). */
  singlesOut429or503?: TSESTree.Node;
  readsRetryAfter: boolean;
  /**
   * Timer retries of a long-lived connection (WebSocket, Redis, AMQP,
   * EventSource): reconnecting indefinitely is their job, so only the wait
   * matters for them.
   */
  reconnect?: boolean;
}

export interface RetryModel {
  retries: RetryLogic[];
}
