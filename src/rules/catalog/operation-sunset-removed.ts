import { defineRule } from '../define.js';

export default defineRule({
  id: 'operation-sunset-removed',
  summary: 'A deprecated operation lost its sunset date: clients no longer know how long they may use it.',
  direction: 'any',
  area: 'operation',
  on: ['operation.sunset-removed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'review' },
  message: 'sunset date {sunset} removed while the operation stays deprecated',
});
