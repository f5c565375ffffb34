import { defineRule } from '../define.js';

export default defineRule({
  id: 'operation-removed',
  summary: 'An operation was removed.',
  direction: 'any',
  area: 'operation',
  on: ['operation.removed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'operation {name} removed',
});
