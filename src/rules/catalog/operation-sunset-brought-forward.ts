import { defineRule } from '../define.js';

export default defineRule({
  id: 'operation-sunset-brought-forward',
  summary: 'The sunset date of a deprecated operation moved earlier.',
  direction: 'any',
  area: 'operation',
  on: ['operation.sunset-brought-forward'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'sunset date moved from {from} to {to}',
});
