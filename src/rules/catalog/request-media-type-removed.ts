import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-media-type-removed',
  summary: 'A request media type was removed.',
  direction: 'request',
  area: 'request-body',
  on: ['body.media-type.removed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'request media type {mediaType} removed',
});
