import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-path-parameter-renamed',
  summary: 'A path parameter was renamed; the URL template is unchanged.',
  direction: 'request',
  area: 'parameter',
  on: ['parameter.renamed'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'path parameter {from} renamed to {to}',
});
