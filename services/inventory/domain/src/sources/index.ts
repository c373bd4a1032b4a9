export { decideSource, evolveSource } from './decide-source.js';
export {
  absentSource,
  SourceAlreadyExistsError,
  SourceNotFoundError,
  sourceEventOf,
  sourceEventPrefix,
  sourceFactOf,
  sourceStreamId,
  type RedfishSourceSpec,
  type SourceCommand,
  type SourceFact,
  type SourceState,
  type SyncCounts,
} from './source-model.js';
