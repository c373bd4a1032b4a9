/** The shared hardware vocabulary (libs/hardware), under the names the spec uses. */
export {
  deviceAttributeNames as attributeNames,
  deviceKinds,
  type DeviceAttributeName as AttributeName,
  type DeviceKind,
} from '@tessera/hardware';
