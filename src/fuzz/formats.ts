/** The `format` values the generator produces and the oracle checks; any other is a plain string. */
export const STRING_FORMATS = [
  'date-time',
  'date',
  'time',
  'uri',
  'url',
  'email',
  'uuid',
  'ipv4',
  'ipv6',
  'hostname',
  'byte',
] as const;

export const NUMBER_FORMATS = ['int32', 'int64', 'float', 'double'] as const;

export type KnownFormat = (typeof STRING_FORMATS)[number] | (typeof NUMBER_FORMATS)[number];

const KNOWN = new Set<string>([...STRING_FORMATS, ...NUMBER_FORMATS]);

export function isKnownFormat(format: unknown): format is KnownFormat {
  return typeof format === 'string' && KNOWN.has(format);
}
