/** A response or webhook delivery carries a header the client has never seen. */
import fc from 'fast-check';
import type { ExchangeEvolution } from '../evolution.js';

const headerName = fc
  .tuple(fc.constantFrom('x-', 'x-request-', 'x-ratelimit-', 'x-provider-'), fc.stringMatching(/^[a-z][a-z0-9]{1,10}(-[a-z0-9]{1,8})?$/))
  .map(([prefix, name]) => prefix + name);
/** Visible ASCII without separators that would need quoting. */
const headerValue = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.=;/ '), minLength: 1, maxLength: 40 }).map((s) => s.trim() || 'v');

export const extraHeader: ExchangeEvolution = {
  id: 'extra-header',
  target: 'exchange',
  summary: 'A header the client does not expect is present.',
  applies: () => true,
  arbitrary: (exchange) => {
    const taken = new Set(Object.keys(exchange.headers).map((h) => h.toLowerCase()));
    return fc
      .tuple(headerName.filter((n) => !taken.has(n)), headerValue)
      .map(([name, value]) => ({
        value: { ...exchange, headers: { ...exchange.headers, [name]: value } },
        path: `headers['${name}']`,
        description: `added header ${name}: ${value}`,
      }));
  },
};
