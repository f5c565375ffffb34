import { defineRule } from '../define.js';

export default defineRule({
  id: 'operation-path-changed',
  summary: 'An operation paired across versions (mapping file, operationId or likeness) lives at another path.',
  description:
    'Reported for operations the mapping file pairs, or that keep their operationId, when the path differs beyond ' +
    'version segments and parameter names (e.g. `/apps/{appId}/appusers/{appUserId}/messages` -> ' +
    '`/v2/apps/{appId}/conversations/{conversationId}/messages`). Clients call URLs, so the move breaks them.',
  direction: 'any',
  area: 'operation',
  on: ['operation.path-changed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: '{from} moved to {to}',
});
