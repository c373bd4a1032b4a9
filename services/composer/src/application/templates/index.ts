/** Templates (issue point 7): define, read, list, and resolve a spec that names one. */
export type {
  DefinedTemplate,
  DefineTemplateCommand,
  RetireTemplateCommand,
} from './define-template.command.js';
export {
  defineTemplate,
  retireTemplate,
  type TemplateCommandDeps,
} from './define-template.handler.js';
export { getTemplate, listTemplates, type TemplateView } from './get-template.handler.js';
export { resolveSpec } from './resolve-spec.js';
export type {
  LoadedTemplate,
  TemplateDeps,
  TemplateRepository,
  TemplateSummary,
} from './template-repository.js';
