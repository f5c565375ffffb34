import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentContext, getAt, parsePath } from '../../../src/fuzz/index.js';
import { unknownWebhookTrigger } from '../../../src/fuzz/evolutions/unknown-webhook-trigger.js';
import { evolvedPairs } from '../helpers/evolve.js';

const doc = { openapi: '3.1.0' };
const ctx = documentContext(doc, { context: 'response' });

describe('unknown-webhook-trigger', () => {
  it('changes a top-level `trigger` and keeps the envelope', () => {
    const schema = {
      type: 'object',
      required: ['trigger', 'app', 'messages'],
      properties: {
        trigger: { type: 'string', enum: ['message:appUser', 'message:appMaker'] },
        app: { type: 'object', required: ['_id'], properties: { _id: { type: 'string' } } },
        messages: { type: 'array', items: { type: 'object', properties: { text: { type: 'string' } } } },
      },
    };
    fc.assert(
      fc.property(evolvedPairs(unknownWebhookTrigger, schema, ctx), ({ original, evolved }) => {
        expect(evolved.path).toBe('$.trigger');
        const body = evolved.value as Record<string, unknown>;
        expect(['message:appUser', 'message:appMaker']).not.toContain(body.trigger);
        expect(body.app).toEqual((original as Record<string, unknown>).app);
      }),
      { numRuns: 30, seed: 1 },
    );
  });

  it('follows ctx.triggerField, at the top level and in events[]', () => {
    const event = { type: 'object', required: ['event', 'id'], properties: { event: { type: 'string', enum: ['a.created'] }, id: { type: 'string' } } };
    const schema = { type: 'object', required: ['events'], properties: { events: { type: 'array', minItems: 1, items: event } } };
    const withField = { ...ctx, triggerField: 'event' };
    expect(unknownWebhookTrigger.applies({ events: [{ event: 'a.created', id: '1' }] }, schema, ctx)).toBe(false);
    const triggers: string[] = [];
    fc.assert(
      fc.property(evolvedPairs(unknownWebhookTrigger, schema, withField), ({ evolved }) => {
        const segments = parsePath(evolved.path);
        expect(segments[0]).toBe('events');
        expect(segments[2]).toBe('event');
        const next = getAt(evolved.value, segments) as string;
        expect(next).not.toBe('a.created');
        triggers.push(next);
      }),
      { numRuns: 30, seed: 2 },
    );
    // Most new triggers keep the namespace style of the known ones.
    expect(triggers.filter((t) => t.startsWith('a.')).length).toBeGreaterThan(triggers.length / 4);
    expect(unknownWebhookTrigger.applies({ event: 'a.created' }, {}, withField)).toBe(true);
  });
});
