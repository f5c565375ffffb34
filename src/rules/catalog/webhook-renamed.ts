import { defineRule } from '../define.js';

export default defineRule({
  id: 'webhook-renamed',
  summary: 'A webhook trigger was renamed (paired by the mapping file or by operationId).',
  description:
    'Subscribers select and dispatch events by trigger name, so events under the new name reach no handler ' +
    'written for the old one. Several old triggers may map to one new trigger when a major version merges them.',
  direction: 'webhook',
  area: 'webhook',
  on: ['webhook.renamed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'webhook trigger {from} renamed to {to}',
});
