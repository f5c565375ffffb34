import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-format-removed',
  summary: 'The format of a response value was removed (any value of the type may now come back).',
  description:
    'A response string lost its `format` (`uri`, `email`, `date-time`...). The value keeps its type, but clients generated from the spec may have parsed it into a typed value (a URI, a date) that the provider no longer promises. Under a policy that lets restrictions be relaxed (the tolerant reader), clients must accept any value of the type, so the change is compatible there.',
  direction: 'response',
  area: 'schema',
  on: ['schema.format.removed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'compatible' },
  policyClause: 'relaxed-restrictions',
  message: 'format {from} removed',
});
