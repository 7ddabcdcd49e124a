// The generated custom-elements.json, imported by preview.ts and the smoke story (tsconfig has no resolveJsonModule).
declare module '*custom-elements.json' {
  interface ManifestExport {
    kind: string;
    name: string;
  }
  const manifest: { schemaVersion: string; modules: { path: string; exports?: ManifestExport[] }[] };
  export default manifest;
}
