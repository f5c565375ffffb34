import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-parameter-style-changed',
  summary: 'The serialisation (style or explode) of a parameter changed.',
  description:
    'Reported only when the bytes sent change for the parameter\'s type: a scalar is sent the same in every style but `label` and `matrix`, a `simple` array ignores `explode`, Swagger 2 `collectionFormat` values equal their OpenAPI 3 styles (`csv` = form or simple, `multi` = form exploded, `ssv` = spaceDelimited, `pipes` = pipeDelimited), and a parameter moved between `schema` and `content` changes only when the media type\'s text differs (a JSON string gains quotes, a JSON object replaces `key=value` pairs).',
  direction: 'request',
  area: 'parameter',
  on: ['parameter.style-changed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: '{keyword} of {in} parameter {name} changed from {from} to {to}',
});
