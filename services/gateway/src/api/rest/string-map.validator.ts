import { ValidateBy, type ValidationOptions } from 'class-validator';

/** An object whose values are all strings (labels): at most 64 entries. */
export function IsStringMap(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isStringMap',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length <= 64 &&
          Object.values(value).every((entry) => typeof entry === 'string'),
        defaultMessage: () => 'must be an object of at most 64 string values',
      },
    },
    options,
  );
}
