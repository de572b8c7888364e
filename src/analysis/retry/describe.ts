import type { RetryLogic } from './types';

/** How a message names a piece of retry logic: "This retry loop", "axios-retry with its default schedule". */
export function describeRetry(logic: RetryLogic): string {
  switch (logic.kind) {
    case 'loop':
      return 'This retry loop';
    case 'recursion':
      return 'This recursive retry';
    case 'timer':
      return logic.reconnect ? 'This reconnect timer' : 'This timer retry';
    case 'library':
      return `This ${logic.library} setup`;
  }
}
