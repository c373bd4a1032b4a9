/** What a template parameter holds: numbers stay numbers when substituted into the body. */
export type ParameterValue = string | number | boolean;

export const parameterTypes = ['number', 'string', 'boolean'] as const;
export type ParameterType = (typeof parameterTypes)[number];

/**
 * One parameter of a template. Without a `default` it is required. `min` / `max` apply to
 * numbers only; `allowed` lists the only values a number or string may take.
 */
export interface TemplateParameter {
  readonly name: string;
  readonly type: ParameterType;
  readonly description?: string;
  readonly default?: ParameterValue;
  readonly min?: number;
  readonly max?: number;
  readonly allowed?: readonly (string | number)[];
}

/**
 * A CompositionSpec-shaped JSON document: any string value that is exactly `${param}` is
 * replaced by that parameter's value when the template is rendered.
 */
export type TemplateBody = Readonly<Record<string, unknown>>;

/** What a user defines; each definition of a name becomes its next version. */
export interface TemplateDefinition {
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly TemplateParameter[];
  readonly body: TemplateBody;
}

/** One stored version of a template (1, 2, ... per name). */
export interface TemplateVersion extends TemplateDefinition {
  readonly version: number;
  readonly definedBy: string;
  readonly definedAt: string;
}
