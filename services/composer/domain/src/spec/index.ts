export {
  comparisonOps,
  defaultPriority,
  listFields,
  membershipOps,
  type AttributeSelector,
  type ComparisonOp,
  type CompositionSpec,
  type DeviceGroupShape,
  type DeviceGroupSpec,
  type GroupConstraints,
  type HostRequest,
  type HostSelector,
  type Labels,
  type ListField,
  type MembershipOp,
  type TemplateRef,
} from './composition-spec.js';
export {
  attributeNames,
  deviceKinds,
  type AttributeName,
  type DeviceKind,
} from './device-kinds.js';
export { CompositionSpecInvalidError, describeProblem, type SpecProblem } from './spec-problems.js';
export { validateCompositionSpec, type SpecValidation } from './validate-composition-spec.js';
export { validateDeviceGroup, type GroupValidation } from './validate-device-group.js';
