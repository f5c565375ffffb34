import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-extensible-enum-value-removed',
  summary: 'A value of an `x-extensible-enum` was removed from a request schema: clients sending it may be refused.',
  direction: 'request',
  area: 'schema',
  on: ['schema.extensible-enum.value-removed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'extensible enum value {value} removed',
});
