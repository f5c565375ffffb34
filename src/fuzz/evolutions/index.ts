/** The registry of evolutions, one per file in this folder. */
import type { Evolution, EvolutionId } from '../evolution.js';
import { changedErrorStatus } from './changed-error-status.js';
import { extraHeader } from './extra-header.js';
import { idFormat } from './id-format.js';
import { moreArrayItems } from './more-array-items.js';
import { reorderedKeys } from './reordered-keys.js';
import { unknownDiscriminatorValue } from './unknown-discriminator-value.js';
import { unknownEnumValue } from './unknown-enum-value.js';
import { unknownErrorCode } from './unknown-error-code.js';
import { unknownProperty } from './unknown-property.js';
import { unknownWebhookTrigger } from './unknown-webhook-trigger.js';

export const evolutions: readonly Evolution[] = [
  unknownProperty,
  unknownEnumValue,
  unknownDiscriminatorValue,
  unknownWebhookTrigger,
  moreArrayItems,
  idFormat,
  reorderedKeys,
  unknownErrorCode,
  changedErrorStatus,
  extraHeader,
];

export const evolutionById: Readonly<Record<EvolutionId, Evolution>> = Object.freeze(
  Object.fromEntries(evolutions.map((e) => [e.id, e])) as Record<EvolutionId, Evolution>,
);

export {
  changedErrorStatus,
  extraHeader,
  idFormat,
  moreArrayItems,
  reorderedKeys,
  unknownDiscriminatorValue,
  unknownEnumValue,
  unknownErrorCode,
  unknownProperty,
  unknownWebhookTrigger,
};
