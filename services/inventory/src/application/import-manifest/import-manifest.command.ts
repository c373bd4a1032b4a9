/** An operator's manifest, as text. */
export interface ImportManifestCommand {
  /** Names the manifest: items it declares belong to source `manifest:<name>`. */
  readonly name: string;
  readonly text: string;
  readonly format: 'yaml' | 'json';
}
