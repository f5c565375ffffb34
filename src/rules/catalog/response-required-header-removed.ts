import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-required-header-removed',
  summary: 'A required response header was removed.',
  direction: 'response',
  area: 'response',
  on: ['response.header.removed'],
  when: (d) => d.args['required'] === true,
  priority: 10,
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'required response {status} header {header} removed',
});
