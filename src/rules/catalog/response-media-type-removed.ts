import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-media-type-removed',
  summary: 'A response media type was removed.',
  direction: 'response',
  area: 'response',
  on: ['response.media-type.removed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'response {status} media type {mediaType} removed',
});
