import { countCheck } from '../count-check.ts';

// A client that connects and closes at once sends the empty message: the answer is 0.
export const countsEmptyMessage = countCheck({
  id: 'counts-empty-message',
  message: () => '',
  crashCode: 'crash-on-empty',
  failureCode: 'crash-on-empty',
});
