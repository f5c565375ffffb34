import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-media-type-schema-added',
  summary: 'A request media type that had no schema got one: bodies that were accepted may now be refused.',
  direction: 'request',
  area: 'request-body',
  on: ['body.media-type.schema-added'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'schema added to request media type {mediaType}',
});
