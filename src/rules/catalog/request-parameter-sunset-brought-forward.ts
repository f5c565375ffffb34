import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-parameter-sunset-brought-forward',
  summary: 'The sunset date of a parameter moved earlier.',
  direction: 'request',
  area: 'parameter',
  on: ['parameter.sunset-brought-forward'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'sunset date of {in} parameter {name} moved from {from} to {to}',
});
