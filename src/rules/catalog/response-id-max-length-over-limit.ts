import { defineRule } from '../define.js';
import { isIdPointer } from '../helpers.js';

export default defineRule({
  id: 'response-id-max-length-over-limit',
  summary: 'An id field may now be longer than the policy allows.',
  direction: 'response',
  area: 'schema',
  on: ['schema.limit.changed'],
  when: (d, ctx) => d.args['keyword'] === 'maxLength' && d.args['tightened'] === false && isIdPointer((d.rev ?? d.base)!.pointer) && (d.args['to'] === 'none' || Number(d.args['to']) > ctx.maxIdLength),
  priority: 20,
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: '{keyword} of id field raised from {from} to {to}, over the policy limit',
});
