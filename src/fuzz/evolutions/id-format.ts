/**
 * Identifiers and keys change format: a string property named `id`, `_id`, `*Id`, `*_id`,
 * or a key/secret field, gets a value in another format (uuid, ulid, hex, numeric, prefixed,
 * long opaque token), never longer than the policy's `maxIdLength` (default 255).
 */
import fc from 'fast-check';
import { atCandidate, type BodyEvolution, type EvolutionContext } from '../evolution.js';
import { formatPath, setAt } from '../json-path.js';
import { locations, type Location } from '../value-walker.js';

export const DEFAULT_MAX_ID_LENGTH = 255;

/** `id`, `_id`, camelCase `userId` / `appID`, snake_case `user_id`. */
const ID_NAME = /^(id|_id|ID)$|[a-z0-9](Id|ID)$|_id$/;
/** `key`, `secret`, `apiKey`, `clientSecret`, `api_key`, `webhook_secret`. */
const KEY_NAME = /^(key|secret)$|[a-z0-9](Key|Secret)$|_(key|secret)$/;

export function isIdLikeName(name: string): boolean {
  return ID_NAME.test(name) || KEY_NAME.test(name) || /_(ID|KEY|SECRET)$/.test(name);
}

type IdFormat = 'uuid' | 'ulid' | 'hex24' | 'numeric' | 'prefixed' | 'opaque';

export function idFormatOf(value: string): IdFormat {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return 'uuid';
  if (/^[0-9A-HJKMNP-TV-Z]{26}$/.test(value)) return 'ulid';
  if (/^[0-9a-f]{24}$/i.test(value)) return 'hex24';
  if (/^\d+$/.test(value)) return 'numeric';
  if (/^[a-z]{2,8}_[A-Za-z0-9]+$/.test(value)) return 'prefixed';
  return 'opaque';
}

const hex24 = fc.stringMatching(/^[0-9a-f]{24}$/);
const TOKEN_CHARS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'];
const BASE62 = TOKEN_CHARS.slice(0, 62);

function formatArbitrary(format: IdFormat, maxLength: number, name: string): fc.Arbitrary<string> | undefined {
  switch (format) {
    case 'uuid':
      return maxLength >= 36 ? fc.uuid() : undefined;
    case 'ulid':
      return maxLength >= 26 ? fc.ulid() : undefined;
    case 'hex24':
      return maxLength >= 24 ? hex24 : undefined;
    case 'numeric':
      return fc.bigInt({ min: 1n, max: 10n ** BigInt(Math.min(18, maxLength)) - 1n }).map(String);
    case 'prefixed': {
      const prefix = (name.replace(/[^a-z]/gi, '').slice(0, 4).toLowerCase() || 'obj') + '_';
      if (maxLength < prefix.length + 8) return undefined;
      return fc.string({ unit: fc.constantFrom(...BASE62), minLength: 8, maxLength: Math.min(28, maxLength - prefix.length) }).map((s) => prefix + s);
    }
    case 'opaque': {
      const min = Math.min(64, maxLength);
      const long = fc.string({ unit: fc.constantFrom(...TOKEN_CHARS), minLength: min, maxLength });
      const longest = fc.string({ unit: fc.constantFrom(...TOKEN_CHARS), minLength: maxLength, maxLength });
      return fc.oneof(long, longest);
    }
  }
}

const FORMATS: IdFormat[] = ['uuid', 'ulid', 'hex24', 'numeric', 'prefixed', 'opaque'];

function candidates(value: unknown, schema: unknown, ctx: EvolutionContext): Location[] {
  return locations(value, schema, ctx).filter((loc) => typeof loc.value === 'string' && typeof loc.key === 'string' && isIdLikeName(loc.key));
}

export const idFormat: BodyEvolution = {
  id: 'id-format',
  target: 'body',
  summary: 'An id, key or secret arrives in another format or length (up to the policy maximum).',
  applies: (value, schema, ctx) => candidates(value, schema, ctx).length > 0,
  arbitrary: (value, schema, ctx) => {
    const maxLength = Math.max(1, ctx.maxIdLength ?? DEFAULT_MAX_ID_LENGTH);
    return atCandidate('id-format', candidates(value, schema, ctx), (loc) => {
      const original = loc.value as string;
      const current = idFormatOf(original);
      const options = FORMATS.filter((f) => f !== current)
        .map((f) => formatArbitrary(f, maxLength, loc.key as string)?.map((v) => [f, v] as const))
        .filter((a): a is fc.Arbitrary<readonly [IdFormat, string]> => a !== undefined);
      const fallback = formatArbitrary('opaque', maxLength, '')!.map((v) => ['opaque', v] as const);
      const arb = options.length > 0 ? fc.oneof(...options) : fallback;
      return arb
        .filter(([, v]) => v !== original && v.length <= maxLength)
        .map(([format, next]) => ({
          value: setAt(value, loc.path, next),
          path: formatPath(loc.path),
          description: `${current} id replaced by a ${format} id of length ${next.length}`,
        }));
    });
  },
};
