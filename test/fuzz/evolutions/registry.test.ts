import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evolutionById, evolutions } from '../../../src/fuzz/index.js';

const EXPECTED = [
  'unknown-property',
  'unknown-enum-value',
  'unknown-discriminator-value',
  'unknown-webhook-trigger',
  'more-array-items',
  'id-format',
  'reordered-keys',
  'unknown-error-code',
  'changed-error-status',
  'extra-header',
];

describe('evolution registry', () => {
  it('lists every evolution once, each indexed by id', () => {
    expect(evolutions.map((e) => e.id).sort()).toEqual([...EXPECTED].sort());
    for (const e of evolutions) expect(evolutionById[e.id]).toBe(e);
  });

  it('keeps one file per evolution, named by its id, with a summary', () => {
    for (const e of evolutions) {
      expect(e.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(existsSync(fileURLToPath(new URL(`../../../src/fuzz/evolutions/${e.id}.ts`, import.meta.url)))).toBe(true);
      expect(e.summary.length).toBeGreaterThan(10);
    }
  });

  it('marks status and header evolutions as envelope evolutions, the rest as body ones', () => {
    const envelope = evolutions.filter((e) => e.target === 'exchange').map((e) => e.id).sort();
    expect(envelope).toEqual(['changed-error-status', 'extra-header']);
  });
});
