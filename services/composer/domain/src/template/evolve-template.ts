import type { TemplateFact } from './template-facts.js';
import type { TemplateState } from './template-state.js';

/** The template after a fact. Facts come from `decideTemplate`, so they are applied as they are. */
export function evolveTemplate(state: TemplateState, fact: TemplateFact): TemplateState {
  switch (fact.fact) {
    case 'Defined': {
      const { fact: _name, ...version } = fact;
      const versions = state.status === 'absent' ? [] : state.versions;
      return { status: 'active', name: fact.name, versions: [...versions, version] };
    }
    case 'Retired':
      return state.status === 'absent' ? state : { ...state, status: 'retired' };
    default:
      return exhaustive(fact);
  }
}

function exhaustive(value: never): never {
  throw new Error(`unhandled template fact ${JSON.stringify(value)}`);
}
