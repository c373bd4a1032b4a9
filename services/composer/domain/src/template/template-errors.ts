import { TesseraError } from '@tessera/errors';
import { describeProblem, type SpecProblem } from '../spec/index.js';

/** A template definition that cannot be stored; `problems` lists every reason with its path. */
export class TemplateDefinitionInvalidError extends TesseraError<'INVALID_ARGUMENT'> {
  readonly code = 'INVALID_ARGUMENT';

  constructor(readonly problems: readonly SpecProblem[]) {
    super(`the template definition is invalid: ${problems.map(describeProblem).join('; ')}`);
  }
}

/** No template of that name, or no such version of it. Nothing was stored. */
export class TemplateNotFoundError extends TesseraError<'TEMPLATE_NOT_FOUND'> {
  readonly code = 'TEMPLATE_NOT_FOUND';

  constructor(
    readonly templateName: string,
    readonly version?: number,
  ) {
    super(
      version === undefined
        ? `there is no template "${templateName}"`
        : `template "${templateName}" has no version ${version}`,
    );
  }
}

/** The template was retired: no new composition may name it. Nothing was stored. */
export class TemplateRetiredError extends TesseraError<'TEMPLATE_RETIRED'> {
  readonly code = 'TEMPLATE_RETIRED';

  constructor(readonly templateName: string) {
    super(`template "${templateName}" is retired`);
  }
}
