import { describe, expect, it } from 'vitest';
import { describeProblem } from '../spec/index.js';
import { decideTemplate } from './decide-template.js';
import { evolveTemplate } from './evolve-template.js';
import type { TemplateCommand } from './template-commands.js';
import { TemplateDefinitionInvalidError, TemplateNotFoundError } from './template-errors.js';
import { templateEventOf, templateFactOf, templateStreamId } from './template-events.js';
import type { TemplateFact } from './template-facts.js';
import { absentTemplate, type TemplateState, templateVersion } from './template-state.js';
import { analyticsDefinition } from './test-fixtures.js';

const now = new Date('2025-12-01T00:00:00.000Z');
const define = (definition: unknown = analyticsDefinition): TemplateCommand => ({
  command: 'Define',
  definition,
  definedBy: 'alice',
});
const retire: TemplateCommand = { command: 'Retire', reason: 'superseded', retiredBy: 'bob' };

const stateAfter = (facts: readonly TemplateFact[]): TemplateState =>
  facts.reduce(evolveTemplate, absentTemplate);
const given = (facts: readonly TemplateFact[]) => ({
  when: (command: TemplateCommand) => decideTemplate('analytics', command, stateAfter(facts), now),
});
const v1 = given([]).when(define());
const wider = { ...analyticsDefinition, description: 'Wider scratch' };
const v2 = given(v1).when(define(wider));

function definitionProblems(definition: unknown): string[] {
  try {
    given([]).when(define(definition));
    return [];
  } catch (error) {
    if (!(error instanceof TemplateDefinitionInvalidError)) throw error;
    return error.problems.map(describeProblem);
  }
}

describe('defining a template', () => {
  it('stores the first definition as version 1, with who and when', () => {
    expect(v1).toEqual([
      {
        fact: 'Defined',
        ...analyticsDefinition,
        version: 1,
        definedBy: 'alice',
        definedAt: now.toISOString(),
      },
    ]);
    expect(stateAfter(v1)).toMatchObject({ status: 'active', name: 'analytics' });
  });

  it('makes each new definition the next version and keeps the older ones readable', () => {
    expect(v2).toEqual([expect.objectContaining({ fact: 'Defined', version: 2 })]);
    const template = stateAfter([...v1, ...v2]);
    if (template.status === 'absent') throw new Error('expected a template');
    expect(templateVersion(template)?.description).toBe('Wider scratch');
    expect(templateVersion(template, 1)?.description).toBe(analyticsDefinition.description);
    expect(templateVersion(template, 3)).toBeUndefined();
  });

  it('adds nothing when the latest version is defined again (a retry)', () => {
    expect(given([...v1, ...v2]).when(define(wider))).toEqual([]);
  });

  it('revives a retired template with a new version', () => {
    const retired = given(v1).when(retire);
    expect(given([...v1, ...retired]).when(define())).toEqual([
      expect.objectContaining({ fact: 'Defined', version: 2 }),
    ]);
  });

  it('refuses a definition for another name', () => {
    expect(definitionProblems({ ...analyticsDefinition, name: 'other' })).toEqual([
      'name: must be "analytics", the template being defined',
    ]);
  });

  it('lists every problem of a bad definition', () => {
    expect(
      definitionProblems({
        name: 'Analytics',
        description: 7,
        parameters: [
          { name: 'gpus', type: 'number', default: 12, min: 1, max: 8 },
          { name: 'gpus', type: 'string', min: 1 },
          { name: '9lives', type: 'boolean', allowed: [true] },
          { name: 'size', type: 'integer' },
          { name: 'lo', type: 'number', min: 5, max: 1 },
          { name: 'site', type: 'string', allowed: ['a', 2] },
        ],
        body: {
          name: 'node-${gpus}',
          groups: [{ kind: 'gpu', count: '${cpus}' }],
          template: { name: 'x' },
        },
        extra: true,
      }),
    ).toEqual([
      'extra: is not a known field',
      'name: must be 1 to 63 lowercase letters, digits or "-", starting and ending alphanumeric',
      'description: must be a string of at most 1000 characters',
      'parameters[0].default: must be at most 8',
      'parameters[1].name: "gpus" is declared twice',
      'parameters[1].min: applies to number parameters only',
      'parameters[2].name: must be a letter or "_", then letters, digits or "_"',
      'parameters[2].allowed: applies to number and string parameters only',
      'parameters[3].type: "integer" is not a parameter type (expected number, string, boolean)',
      'parameters[4].max: must not be below min (5)',
      'parameters[5].allowed[1]: must be a string',
      'body.template: is set when the template is rendered',
      'body.name: a placeholder must be the whole value, as "${name}"',
      'body.groups[0].count: names "cpus", which is not a declared parameter',
    ]);
    expect(definitionProblems({ ...analyticsDefinition, body: [] })).toEqual([
      'body: must be an object shaped like a composition spec',
    ]);
  });
});

describe('retiring a template', () => {
  it('retires an active template once', () => {
    const retired = given(v1).when(retire);
    expect(retired).toEqual([
      { fact: 'Retired', reason: 'superseded', retiredBy: 'bob', retiredAt: now.toISOString() },
    ]);
    expect(stateAfter([...v1, ...retired]).status).toBe('retired');
    expect(given([...v1, ...retired]).when(retire)).toEqual([]);
  });

  it('cannot retire what was never defined', () => {
    expect(() => given([]).when(retire)).toThrow(TemplateNotFoundError);
  });
});

describe('template events', () => {
  it('are tessera.composer.v1.Template<Fact> on stream template-<name> and read back', () => {
    const [fact] = v1;
    if (!fact) throw new Error('expected a fact');
    const event = templateEventOf('analytics', fact);
    expect(event.type).toBe('tessera.composer.v1.TemplateDefined');
    expect(event.data.templateName).toBe('analytics');
    expect(templateStreamId('analytics')).toBe('template-analytics');
    expect(templateFactOf(event)).toEqual(fact);
    expect(
      templateFactOf({ type: 'tessera.composer.v1.Requested', data: { templateName: 'x' } }),
    ).toBeUndefined();
  });
});
