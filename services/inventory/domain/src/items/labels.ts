import type { Labels } from '@tessera/hardware';
import { InvalidItemCommandError } from './item-errors.js';

/** Kubernetes-like label syntax: a key of up to 63 characters, an optional `prefix/`. */
const labelKey =
  /^([a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;
const labelValue = /^([A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?)?$/;
const maxLabels = 64;

/** Throws naming the first bad label; labels are small maps of short, plain strings. */
export function validateLabels(labels: Labels): void {
  const entries = Object.entries(labels);
  if (entries.length > maxLabels) {
    throw new InvalidItemCommandError('labels', `at most ${maxLabels} labels`);
  }
  for (const [key, value] of entries) {
    if (!labelKey.test(key)) {
      throw new InvalidItemCommandError(
        `labels["${key}"]`,
        'a key is up to 63 letters, digits, ".", "_" or "-", optionally after a "domain/" prefix',
      );
    }
    if (typeof value !== 'string' || !labelValue.test(value)) {
      throw new InvalidItemCommandError(
        `labels["${key}"]`,
        'a value is up to 63 letters, digits, ".", "_" or "-", starting and ending alphanumeric',
      );
    }
  }
}
