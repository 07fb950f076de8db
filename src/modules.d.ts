/** CSL locale files, bundled as text (esbuild and vitest load *.xml as a string). */
declare module '*.xml' {
  const text: string;
  export default text;
}

/** citeproc-js: the parts StatCite uses. */
declare module 'citeproc' {
  interface Sys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): unknown;
  }
  class Engine {
    constructor(sys: Sys, style: string, lang?: string, forceLang?: boolean);
    setOutputFormat(format: string): void;
    updateItems(ids: string[]): void;
    makeBibliography(): false | [{ entry_ids: string[][]; bibstart: string; bibend: string }, string[]];
    makeCitationCluster(items: Array<{ id: string; locator?: string }>): string;
  }
  const CSL: {
    Engine: typeof Engine;
    Output: { Formats: Record<string, Record<string, unknown>> };
  };
  export default CSL;
}
