/** Numbers for a flattened schema: bounds, exclusivity, multipleOf and numeric formats. */
import fc from 'fast-check';
import { guardedFilter } from './arbitrary-utils.js';
import type { Flat } from './schema-view.js';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** The check ajv applies for multipleOf (without a precision option). */
export function isMultipleOf(value: number, divisor: number): boolean {
  const ratio = value / divisor;
  return ratio === parseInt(String(ratio), 10);
}

function integerRange(min: number, max: number): fc.Arbitrary<number> {
  if (min >= INT32_MIN && max <= INT32_MAX) return fc.integer({ min, max });
  return fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number);
}

export function numberArbitrary(flat: Flat, integerOnly: boolean): fc.Arbitrary<number> | null {
  const format = flat.format;
  const integer = integerOnly || format === 'int32' || format === 'int64';
  const wideMin = format === 'int32' ? INT32_MIN : Number.MIN_SAFE_INTEGER;
  const wideMax = format === 'int32' ? INT32_MAX : Number.MAX_SAFE_INTEGER;
  const low = flat.minimum;
  const high = flat.maximum;
  const multipleOf = flat.multipleOf[0];

  if (integer || multipleOf !== undefined) {
    let min = low === undefined ? wideMin : low.exclusive ? Math.floor(low.value) + 1 : Math.ceil(low.value);
    let max = high === undefined ? wideMax : high.exclusive ? Math.ceil(high.value) - 1 : Math.floor(high.value);
    min = Math.max(min, integer ? wideMin : -1e9);
    max = Math.min(max, integer ? wideMax : 1e9);
    if (multipleOf !== undefined) {
      const kMin = Math.ceil(min / multipleOf);
      const kMax = Math.floor(max / multipleOf);
      if (kMin > kMax) return null;
      const arb = integerRange(Math.max(kMin, -1e9), Math.min(kMax, 1e9)).map((k) => k * multipleOf);
      const keep = (v: number): boolean =>
        v >= min && v <= max && (!integer || Number.isInteger(v)) && flat.multipleOf.every((m) => isMultipleOf(v, m));
      return guardedFilter(arb, keep);
    }
    if (min > max) return null;
    return integerRange(min, max);
  }

  const constraints: fc.DoubleConstraints = { noNaN: true, noDefaultInfinity: true };
  if (low !== undefined) Object.assign(constraints, { min: low.value, minExcluded: low.exclusive });
  if (high !== undefined) Object.assign(constraints, { max: high.value, maxExcluded: high.exclusive });
  if (low !== undefined && high !== undefined && (low.value > high.value || (low.value === high.value && (low.exclusive || high.exclusive)))) {
    return null;
  }
  const intMin = low === undefined ? -1e6 : low.exclusive ? Math.floor(low.value) + 1 : Math.ceil(low.value);
  const intMax = high === undefined ? 1e6 : high.exclusive ? Math.ceil(high.value) - 1 : Math.floor(high.value);
  const doubles = fc.double(constraints);
  if (intMin > intMax || !Number.isSafeInteger(intMin) || !Number.isSafeInteger(intMax)) return doubles;
  return fc.oneof(integerRange(Math.max(intMin, -1e9), Math.min(intMax, 1e9)), doubles);
}
