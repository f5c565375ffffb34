import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-media-type-added',
  summary: 'A response media type was added.',
  direction: 'response',
  area: 'response',
  on: ['response.media-type.added'],
  verdict: { strict: 'review', 'tolerant-reader': 'compatible' },
  message: 'response {status} media type {mediaType} added',
});
