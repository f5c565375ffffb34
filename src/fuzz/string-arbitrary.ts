/** Strings for a flattened schema: formats, patterns and length bounds. */
import fc from 'fast-check';
import { guardedFilter } from './arbitrary-utils.js';
import type { Flat } from './schema-view.js';

const MIN_DATE = new Date('1970-01-01T00:00:00.000Z');
const MAX_DATE = new Date('2099-12-31T23:59:59.999Z');
const dateArbitrary = fc.date({ min: MIN_DATE, max: MAX_DATE, noInvalidDate: true });
const pad = (n: number): string => String(n).padStart(2, '0');

const urlSegment = fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/);
const urlQuery = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/), fc.stringMatching(/^[A-Za-z0-9._~-]{0,10}$/)).map(([k, v]) => `${k}=${v}`);

/** http(s) URLs over generated domains (cheaper to build than fc.webUrl, and accepted by both uri and url). */
function webUrl(withExtras: boolean): fc.Arbitrary<string> {
  const extras = withExtras
    ? fc.tuple(fc.option(fc.array(urlQuery, { minLength: 1, maxLength: 3 }), { nil: undefined }), fc.option(urlSegment, { nil: undefined }))
    : fc.constant([undefined, undefined] as const);
  return fc
    .tuple(fc.constantFrom('https', 'http'), fc.domain(), fc.array(urlSegment, { maxLength: 3 }), extras)
    .map(([scheme, host, segments, [query, fragment]]) => {
      let url = `${scheme}://${host}/${segments.join('/')}`;
      if (query) url += `?${query.join('&')}`;
      if (fragment) url += `#${fragment}`;
      return url;
    });
}

const FORMAT_ARBITRARIES: Record<string, () => fc.Arbitrary<string>> = {
  'date-time': () => dateArbitrary.map((d) => d.toISOString()),
  date: () => dateArbitrary.map((d) => d.toISOString().slice(0, 10)),
  time: () =>
    fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m, s]) => `${pad(h)}:${pad(m)}:${pad(s)}Z`),
  uri: () => webUrl(true),
  url: () => webUrl(false),
  email: () => fc.emailAddress(),
  uuid: () => fc.uuid(),
  ipv4: () => fc.ipV4(),
  ipv6: () => fc.ipV6(),
  hostname: () => fc.domain(),
  byte: () => fc.base64String({ maxLength: 64 }),
};

const formatCache = new Map<string, fc.Arbitrary<string>>();

/** Format arbitraries are costly to build (fast-check precomputes their shrink tables): build each once. */
function formatArbitrary(format: string): fc.Arbitrary<string> | undefined {
  const make = FORMAT_ARBITRARIES[format];
  if (!make) return undefined;
  let arb = formatCache.get(format);
  if (!arb) formatCache.set(format, (arb = make()));
  return arb;
}

/** One code point anywhere in Unicode except surrogates and controls (one unit = one code point). */
const unicodeUnit: fc.Arbitrary<string> = fc
  .oneof(fc.integer({ min: 0x20, max: 0xd7ff }), fc.integer({ min: 0xe000, max: 0xfffd }), fc.integer({ min: 0x10000, max: 0x10ffff }))
  .map((cp) => String.fromCodePoint(cp));

/** Length as JSON Schema counts it: in code points. */
export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function compilePattern(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern);
  } catch {
    return null;
  }
}

export function stringArbitrary(flat: Flat): fc.Arbitrary<string> | null {
  const minLength = flat.minLength ?? 0;
  const maxLength = flat.maxLength;
  if (maxLength !== undefined && maxLength < minLength) return null;
  const lengthOk = (s: string): boolean => {
    const n = codePointLength(s);
    return n >= minLength && (maxLength === undefined || n <= maxLength);
  };
  const regexes = flat.patterns.map(compilePattern);
  if (regexes.some((r) => r === null)) return null;
  const matches = (s: string): boolean => regexes.every((r) => r!.test(s));

  if (regexes.length > 0) {
    let base: fc.Arbitrary<string>;
    try {
      base = fc.stringMatching(regexes[0]!, maxLength !== undefined ? { maxLength } : {});
    } catch {
      base = fc.string({ minLength, ...(maxLength !== undefined ? { maxLength } : {}) });
    }
    return guardedFilter(base, (s) => lengthOk(s) && matches(s));
  }
  const arb = flat.format !== undefined ? formatArbitrary(flat.format) : undefined;
  if (arb) {
    return minLength === 0 && maxLength === undefined ? arb : guardedFilter(arb, lengthOk);
  }
  const upper = maxLength ?? minLength + 24;
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength, maxLength: upper }) },
    { weight: 1, arbitrary: fc.string({ minLength, maxLength: upper, unit: unicodeUnit }) },
  );
}
