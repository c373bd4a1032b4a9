export {
  hostFactsProblems,
  hostFactsReportedType,
  snapshotOfHostFacts,
  type HostFactsReported,
  type ReportedLocalDevice,
} from './host-facts-reported.js';
