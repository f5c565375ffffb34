import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-timestamp-became-date-string',
  summary: 'A unix timestamp (number) became a date-time string.',
  direction: 'response',
  area: 'schema',
  on: ['schema.type.changed'],
  when: (d) => /integer|number/.test(String(d.args['from'])) && d.args['to'] === 'string' && /date/.test(String(d.args['toFormat'])),
  priority: 20,
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'unix timestamp ({from}) became a {toFormat} string',
});
