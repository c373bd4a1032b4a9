import { describe, expect, it } from 'vitest';
import { describeProblem } from '../spec/index.js';
import { renderTemplate } from './render-template.js';
import { analyticsDefinition, versionOf } from './test-fixtures.js';

const analytics = versionOf(analyticsDefinition, 3);

function problemsOf(...args: Parameters<typeof renderTemplate>): string[] {
  const result = renderTemplate(...args);
  return result.ok ? [] : result.problems.map(describeProblem);
}

describe('renderTemplate', () => {
  it('replaces whole-value placeholders, keeps numbers numbers and records the template', () => {
    const result = renderTemplate(analytics, { gpus: 4, team: 'risk' }, { name: 'risk-1' });
    expect(result).toEqual({
      ok: true,
      spec: {
        name: 'risk-1',
        tenant: 'finance',
        labels: { team: 'risk', tier: 'gold' },
        host: { selector: { minCores: 32, site: 'par-1' } },
        groups: [
          { name: 'gpus', kind: 'gpu', count: 4, constraints: { sameSwitchAs: 'host' } },
          { name: 'scratch', kind: 'nvme', count: 2 },
        ],
        healing: { replaceFailed: true },
        priority: 100,
        template: {
          name: 'analytics',
          version: '3',
          parameters: { gpus: 4, team: 'risk', heal: true, site: 'par-1' },
        },
      },
    });
  });

  it('merges labels, replaces scalars and host, and overrides groups by name', () => {
    const result = renderTemplate(
      analytics,
      { team: 'risk' },
      {
        name: 'risk-2',
        tenant: 'risk',
        priority: 700,
        labels: { tier: 'silver', owner: 'bob' },
        host: { hostId: 'h7' },
        groups: [{ name: 'scratch', count: 4, labels: { media: 'tlc' } }],
      },
    );
    expect(result.ok && result.spec).toMatchObject({
      name: 'risk-2',
      tenant: 'risk',
      priority: 700,
      labels: { team: 'risk', tier: 'silver', owner: 'bob' },
      host: { hostId: 'h7' },
      groups: [
        { name: 'gpus', count: 2 },
        { name: 'scratch', kind: 'nvme', count: 4, labels: { media: 'tlc' } },
      ],
    });
  });

  it('renders a rendered spec submitted again as the same spec', () => {
    const first = renderTemplate(analytics, { team: 'risk' }, { name: 'risk-1' });
    if (!first.ok) throw new Error('expected a spec');
    const { template, ...overrides } = first.spec;
    expect(renderTemplate(analytics, template?.parameters, overrides)).toEqual(first);
  });

  it('names unknown, missing, mistyped and out-of-range parameters', () => {
    expect(
      problemsOf(analytics, { gpus: 9, heal: 'yes', site: 'nyc-1', colour: 'red' }, { name: 'a' }),
    ).toEqual([
      'template.parameters["colour"]: is not a parameter of template "analytics" version 3',
      'template.parameters["gpus"]: must be at most 8',
      'template.parameters["team"]: is required: the template gives it no default',
      'template.parameters["heal"]: must be a boolean',
      'template.parameters["site"]: must be one of "par-1", "fra-1"',
    ]);
    expect(problemsOf(analytics, { gpus: 0, team: 'x' }, { name: 'a' })).toEqual([
      'template.parameters["gpus"]: must be at least 1',
    ]);
    expect(problemsOf(analytics, { gpus: '2', team: 'x' }, { name: 'a' })).toEqual([
      'template.parameters["gpus"]: must be a number',
    ]);
  });

  it('refuses overrides of fields and groups the template does not let one set', () => {
    expect(
      problemsOf(
        analytics,
        { team: 'risk' },
        {
          name: 'a',
          colour: 'blue',
          groups: [
            { name: 'gpus', kind: 'fpga' },
            { name: 'tape', count: 1 },
          ],
        },
      ),
    ).toEqual([
      'colour: is not a field a template override may set',
      'groups[0].kind: is not a field a group override may set',
      'groups[1].name: "tape" is not a group of template "analytics"',
    ]);
    expect(problemsOf(analytics, { team: 'risk' }, { name: 'a', groups: 'all' })).toEqual([
      'groups: must be a list of group overrides, by name',
    ]);
  });

  it('reports what the rendered spec gets wrong, at the rendered spec paths', () => {
    expect(problemsOf(analytics, { team: 'Risk Team' }, {})).toEqual([
      'name: must be 1 to 63 lowercase letters, digits or "-", starting and ending alphanumeric',
      'labels["team"]: must be up to 63 letters, digits, ".", "_" or "-", starting and ending alphanumeric',
    ]);
    expect(
      problemsOf(analytics, { team: 'risk' }, { name: 'a', groups: [{ name: 'gpus', count: 65 }] }),
    ).toEqual(['groups[0].count: must be an integer from 1 to 64']);
  });
});
