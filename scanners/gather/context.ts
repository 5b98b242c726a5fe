/** The page an HTML gatherer reads. */
export interface PageContext {
  /** Relative to the scanned directory, `/` separators. */
  file: string;
  /** The page's public URL: the config's `site` joined with `file`. */
  url: string;
}

/** Code embedded in (or loaded by) a page: where its first character sits and what URLs resolve against. */
export interface EmbeddedContext {
  file: string;
  /** What relative URLs resolve against: the page (after `<base href>`) or the stylesheet/script's own URL. */
  baseUrl: string;
  /** 1-based position of the text's first character in `file`. */
  line: number;
  column: number;
  /** The element and attribute the text came from, for the report (`style`/`style`, `script`). */
  element?: string;
  attribute?: string;
}
