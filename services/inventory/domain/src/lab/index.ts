export { generateLab, type LabManifest } from './generate-lab.js';
export { LabOptionsInvalidError, type LabOptions } from './lab-options.js';
