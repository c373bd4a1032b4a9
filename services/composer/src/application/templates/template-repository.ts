import type { TemplateFact, TemplateState } from '@tessera/composer-domain';
import type { CommandContext } from '../ports/command-context.js';

/** A template as last stored, with the stream version to expect when appending (0: none). */
export interface LoadedTemplate {
  readonly state: TemplateState;
  readonly version: number;
}

/** One line of the template listing. */
export interface TemplateSummary {
  readonly name: string;
  readonly latestVersion: number;
  readonly description: string;
  readonly status: 'active' | 'retired';
}

/** Where templates' facts are kept (the composer's event store, stream `template-<name>`). */
export interface TemplateRepository {
  load(name: string): Promise<LoadedTemplate>;
  /**
   * Appends facts if the template is still at `expectedVersion`; otherwise throws
   * `VersionConflictError` and appends nothing.
   */
  append(
    name: string,
    facts: readonly TemplateFact[],
    expectedVersion: number,
    context: CommandContext,
  ): Promise<void>;
  /** Every template, by name. */
  list(): Promise<TemplateSummary[]>;
}

/** What the compose and capacity handlers need to resolve a spec naming a template. */
export interface TemplateDeps {
  /** Without it, a spec naming a template is refused with `TemplateNotFoundError`. */
  readonly templates?: TemplateRepository;
}
