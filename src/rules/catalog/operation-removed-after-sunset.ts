import { defineRule } from '../define.js';

export default defineRule({
  id: 'operation-removed-after-sunset',
  summary: 'A deprecated operation was removed after its sunset date.',
  direction: 'any',
  area: 'operation',
  on: ['operation.removed'],
  when: (d) => d.args['afterSunset'] === true,
  priority: 10,
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'operation {name} removed after its sunset date {sunset}',
});
