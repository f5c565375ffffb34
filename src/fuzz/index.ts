/** Public API of the fuzz layer: schema arbitraries, the validation oracle and the evolutions. */
export {
  documentContext,
  dialectOf,
  localResolver,
  type DataContext,
  type Dialect,
  type Schema,
  type SchemaContext,
  type SchemaObject,
} from './schema-context.js';
export {
  DEFAULT_MAX_DEPTH,
  SchemaGenerator,
  UnsatisfiableSchemaError,
  generatorFor,
  schemaArbitrary,
  type SchemaArbitraryOptions,
} from './schema-arbitrary.js';
export { oracleFor, validateValue, type Oracle, type ValidationResult, type ValueCheck } from './validate.js';
export { SchemaView, viewFor, type Flat } from './schema-view.js';
export { formatPath, parsePath, getAt, hasPath, setAt, updateAt, type PathSegment } from './json-path.js';
export { locations, type Location } from './value-walker.js';
export {
  EvolutionNotApplicableError,
  appliesToExchange,
  evolveExchange,
  type BodyEvolution,
  type Evolution,
  type EvolutionContext,
  type EvolutionId,
  type EvolutionOptions,
  type Evolved,
  type Exchange,
  type ExchangeEvolution,
} from './evolution.js';
export { evolutions, evolutionById } from './evolutions/index.js';
export { DEFAULT_MAX_ID_LENGTH } from './evolutions/id-format.js';
export { DEFAULT_ERROR_STATUSES } from './evolutions/changed-error-status.js';
