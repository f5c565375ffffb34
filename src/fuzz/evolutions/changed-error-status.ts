/** An error response comes back with another error status (e.g. 500 becomes 429 or 503). */
import fc from 'fast-check';
import type { ExchangeEvolution } from '../evolution.js';

export const DEFAULT_ERROR_STATUSES = [400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504];

export const changedErrorStatus: ExchangeEvolution = {
  id: 'changed-error-status',
  target: 'exchange',
  summary: 'An error response arrives with a different error status code.',
  applies: (exchange, _schema, ctx) =>
    exchange.status >= 400 && (ctx.errorStatuses ?? DEFAULT_ERROR_STATUSES).some((s) => s !== exchange.status),
  arbitrary: (exchange, _schema, ctx) => {
    const options = (ctx.errorStatuses ?? DEFAULT_ERROR_STATUSES).filter((s) => s !== exchange.status);
    return fc.constantFrom(...options).map((status) => ({
      value: { ...exchange, status },
      path: 'status',
      description: `status ${exchange.status} changed to ${status}`,
    }));
  },
};
