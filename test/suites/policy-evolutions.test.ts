import { describe, expect, it } from 'vitest';
import { loadPolicyEvolutions } from '../../src/suites/policy-evolutions.js';
import { evolutions } from '../../src/fuzz/evolutions/index.js';

const ids = async (policy: string) => (await loadPolicyEvolutions(policy)).evolutions.map((e) => e.evolution.id);

describe('evolutions a policy allows', () => {
  it('tolerant-reader allows every evolution', async () => {
    expect(await ids('tolerant-reader')).toEqual(evolutions.map((e) => e.id));
  });

  it('strict allows only what a generated client already ignores', async () => {
    const allowed = await ids('strict');
    expect(allowed).toContain('unknown-property');
    expect(allowed).toContain('reordered-keys');
    expect(allowed).not.toContain('unknown-enum-value');
    expect(allowed).not.toContain('id-format');
    expect(allowed).not.toContain('unknown-webhook-trigger');
  });

  it('names the compatible rules that allow each evolution', async () => {
    const { evolutions: list } = await loadPolicyEvolutions('tolerant-reader');
    const enumValue = list.find((e) => e.evolution.id === 'unknown-enum-value');
    expect(enumValue?.allowedBy).toEqual(['response-enum-value-added']);
    expect(list.find((e) => e.evolution.id === 'reordered-keys')?.allowedBy).toEqual([]);
  });

  it('follows a provider policy file', async () => {
    const sunshine = await ids('specs/sunshine-conversations/policy.yaml');
    expect(sunshine).toContain('unknown-webhook-trigger');
    const eightByEight = await ids('specs/8x8-chat/policy.yaml');
    expect(eightByEight).not.toContain('unknown-enum-value');
  });
});
