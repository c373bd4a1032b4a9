/** Templates: named, versioned composition specs with parameters (issue point 7). Pure. */
export type { TemplateCommand, TemplateCommandName } from './template-commands.js';
export {
  TemplateDefinitionInvalidError,
  TemplateNotFoundError,
  TemplateRetiredError,
} from './template-errors.js';
export {
  templateEventOf,
  templateEventPrefix,
  templateEventSchemaVersion,
  templateFactOf,
  templateStreamId,
  type TemplateEvent,
} from './template-events.js';
export { templateFactNames, type TemplateFact, type TemplateFactName } from './template-facts.js';
export {
  absentTemplate,
  templateVersion,
  type Template,
  type TemplateState,
} from './template-state.js';
export {
  parameterTypes,
  type ParameterType,
  type ParameterValue,
  type TemplateBody,
  type TemplateDefinition,
  type TemplateParameter,
  type TemplateVersion,
} from './template-types.js';
export { decideTemplate } from './decide-template.js';
export { evolveTemplate } from './evolve-template.js';
export { renderTemplate } from './render-template.js';
export { overridableFields, overridableGroupFields } from './template-overrides.js';
export {
  validateTemplateDefinition,
  type TemplateDefinitionValidation,
} from './validate-template-definition.js';
