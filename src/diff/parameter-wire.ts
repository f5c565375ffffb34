/**
 * What a parameter looks like on the wire. `style` and `explode` (and Swagger 2's
 * `collectionFormat`, which the model reads as a style) only matter for the values they change:
 * a scalar is sent the same in every style but `label` and `matrix` (which prefix it), an array
 * does not care about `explode` in `simple` style, and a parameter described by `content` is sent
 * as that media type's text. Two parameters with the same wire form are the same contract,
 * however they are written.
 */
import type { SchemaView } from './schema-view.js';

export type ParameterShape = 'scalar' | 'array' | 'object' | 'unknown';

export interface WireInput {
  in: string;
  style: string;
  explode: boolean;
  /** The media type of a parameter described by `content` instead of `schema`. */
  content?: string;
  /** The JSON types of a scalar value (for `content`: a JSON number reads as its plain text, a string does not). */
  scalarTypes?: Set<string>;
}

const SCALARS = new Set(['string', 'integer', 'number', 'boolean']);
/** Scalars whose JSON text is their plain text. */
const JSON_AS_TEXT = new Set(['integer', 'number', 'boolean']);

/** The shape of a parameter's value, from its schema view. */
export function parameterShape(view: SchemaView | undefined): ParameterShape {
  if (!view) return 'unknown';
  const types = view.types;
  if (types && types.size === 1 && types.has('array')) return 'array';
  if (types && types.size === 1 && types.has('object')) return 'object';
  if (types && types.size > 0 && [...types].every((t) => SCALARS.has(t))) return 'scalar';
  if (!types && view.items) return 'array';
  if (!types && view.properties.size > 0) return 'object';
  return 'unknown';
}

/**
 * The serialisation of the value, as one comparable string. Equal strings mean the same bytes on
 * the wire for every value of the shape.
 */
export function wireForm(p: WireInput, shape: ParameterShape): string {
  if (p.content !== undefined) {
    const media = p.content.split(';')[0]!.trim().toLowerCase();
    const plain = media === 'text/plain' || ((media === 'application/json' || media.endsWith('+json')) && shape === 'scalar' && !!p.scalarTypes && [...p.scalarTypes].every((t) => JSON_AS_TEXT.has(t)));
    if (plain && shape === 'scalar') return styled('simple', false, 'scalar');
    return `content ${media}`;
  }
  return styled(p.style, p.explode, shape);
}

function styled(style: string, explode: boolean, shape: ParameterShape): string {
  // `label` and `matrix` prefix every value; the other styles send a scalar as it is.
  const prefix = style === 'label' || style === 'matrix' ? style : 'plain';
  if (shape === 'scalar') return `scalar ${prefix}`;
  if (shape === 'array') {
    if (style === 'simple') return 'array csv';
    if (style === 'form') return explode ? 'array multi' : 'array csv';
    return `array ${style} ${explode ? 'explode' : ''}`.trim();
  }
  if (shape === 'object' && style === 'deepObject') return 'object deepObject';
  return `${shape} ${style} ${explode ? 'explode' : ''}`.trim();
}

/** How a wire form reads in a message: the style and, where it matters, explode or the media type. */
export function describeWire(p: WireInput): string {
  return p.content !== undefined ? `content ${p.content}` : `${p.style}${p.explode ? ' exploded' : ''}`;
}
