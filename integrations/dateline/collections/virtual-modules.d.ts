// The dev server's archive, handed to the compiled theme by the integration (index.ts, a Vite virtual
// module): null in a renderer bundle, where the publisher attaches its own library.
declare module 'virtual:dateline/dev-archive' {
  import type { ResolvedDatelineConfig } from '../options.ts';
  const devArchive: { path: string; config: ResolvedDatelineConfig } | null;
  export default devArchive;
}
