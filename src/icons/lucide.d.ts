// Lucide ships one module per icon with no types of its own: each is its shapes as [tag, attributes].
declare module 'lucide/dist/esm/icons/*.mjs' {
  const node: [tag: string, attributes: Record<string, string | number>][];
  export default node;
}
