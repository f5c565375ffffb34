import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-media-type-added',
  summary: 'A request media type was added.',
  direction: 'request',
  area: 'request-body',
  on: ['body.media-type.added'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  policyClause: 'new-media-types',
  message: 'request media type {mediaType} added',
});
