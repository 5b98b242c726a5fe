/** Where an observation was gathered from. */
export type Source = 'html' | 'css' | 'js' | 'headers' | 'redirects' | 'manifest' | 'browser';

/** A 1-based position in a file of the scanned directory (`file` is relative, `/`-separated). */
export interface Location {
  file: string;
  line: number;
  column: number;
}

interface Base extends Location {
  source: Source;
  /** The element (lower case) or construct that produced the fact, e.g. `img`, `@import`, `fetch`. */
  element?: string;
  /** The attribute or property it sat in, e.g. `srcset`, `style`, `xlink:href`. */
  attribute?: string;
  /** A short excerpt of the markup or code, for the report. */
  evidence?: string;
  /** Found by the token scan of a script with a syntax error: browsers run none of it, so rules' errors are warnings. */
  unparsed?: true;
}

/** What a request fetches; rules and the CSP writer use it. */
export type RequestType =
  | 'script'
  | 'style'
  | 'image'
  | 'font'
  | 'media'
  | 'frame'
  | 'object'
  | 'manifest'
  | 'preconnect'
  | 'dns-prefetch'
  | 'prefetch'
  | 'fetch'
  | 'beacon'
  | 'import'
  | 'literal'
  | 'other';

/** Any way the page makes a browser contact a URL without the visitor choosing to. */
export interface RequestObservation extends Base {
  kind: 'request';
  type: RequestType;
  /** As written, before decoding or resolving. */
  raw: string;
  /** Resolved absolute URL. */
  url: string;
  /** Lower-case host of `url` ('' for non-network schemes such as data:). */
  host: string;
  /** What a script puts in the query from run-time values (`'?email=' + input.value`), by the parameter's name. */
  queryFields?: FieldKind[];
}

/**
 * A link the visitor may follow (`<a>`, `<area>`), a refresh (`<meta http-equiv=refresh>`, a `Refresh` header) or a
 * `_redirects` rule.
 */
export interface NavigationObservation extends Base {
  kind: 'navigation';
  via: 'link' | 'refresh' | 'redirect';
  raw: string;
  url: string;
  host: string;
  /** `data-leaving` present and `rel` holds both `noopener` and `noreferrer`. */
  marked: boolean;
  /** As on a request: what a script navigating there puts in the query from run-time values. */
  queryFields?: FieldKind[];
}

/** The kind of personal data a form field carries, as far as markup tells. */
export type FieldKind = 'email' | 'tel' | 'name' | 'password' | 'address' | 'payment' | 'text' | 'hidden' | 'other';

/** One way a form can be submitted: the form itself, or a submit button with `formaction`/`formmethod`. */
export interface FormObservation extends Base {
  kind: 'form';
  /** Lower-cased, trimmed; a missing or invalid method is `get`. */
  method: 'get' | 'post' | 'dialog';
  /** `form` for the form's own action, `formaction` for a submit button's override. */
  via: 'action' | 'formaction';
  raw: string;
  url: string;
  host: string;
  fields: FieldKind[];
}

/** An embedded document or player: iframe, frame, object, embed, video, audio. */
export interface EmbedObservation extends Base {
  kind: 'embed';
  raw: string;
  url: string;
  host: string;
  /** The element plays a media file itself (`<video>`, `<audio>`, their AMP forms) rather than a page or plug-in. */
  media: boolean;
  /** Attributes relevant to private embedding, lower-case names, values as decoded. */
  attributes: Record<string, string>;
}

/** A use of cookies or client storage (a service worker registration persists in the browser too). */
export interface StorageObservation extends Base {
  kind: 'storage';
  api:
    | 'document.cookie'
    | 'cookieStore'
    | 'localStorage'
    | 'sessionStorage'
    | 'indexedDB'
    | 'caches'
    | 'serviceWorker'
    | 'fileSystem'
    | 'set-cookie';
}

/** A call to a global that a known tracking snippet defines (gtag, fbq, _paq …), or an AMP tag naming its vendor. */
export interface SnippetObservation extends Base {
  kind: 'snippet';
  name: string;
}

/** A response header rule from a `_headers` file. */
export interface HeaderObservation extends Base {
  kind: 'header';
  /** The URL pattern the header applies to. */
  pattern: string;
  /** Lower-case header name. */
  name: string;
  value: string;
  /**
   * Where a reporting header (Report-To, Reporting-Endpoints, a CSP's report-uri) has browsers send visitors'
   * reports, resolved against the site; set when the gatherer knows the site's URL.
   */
  reportEndpoints?: { url: string; host: string }[];
}

/** What the browser refused, or objected to, while showing a page: only `nospy crawl` sees these. */
export interface RefusalObservation extends Base {
  kind: 'refusal';
  /** `csp`: the page's Content-Security-Policy blocked something; `console`: Chromium's own security message. */
  cause: 'csp' | 'console';
  /** The CSP directive that blocked, or the message as Chromium wrote it. */
  detail: string;
  /** What the CSP blocked: a URL, or `inline`, `eval`… as the `securitypolicyviolation` event names it. */
  blocked?: string;
}

/** A script (or string run as code) with a syntax error, at the error: browsers run none of it. */
export interface UnparsableObservation extends Base {
  kind: 'unparsable';
  /** The parser's message: `Unexpected token`. */
  reason: string;
}

export type Observation =
  | RefusalObservation
  | UnparsableObservation
  | RequestObservation
  | NavigationObservation
  | FormObservation
  | EmbedObservation
  | StorageObservation
  | SnippetObservation
  | HeaderObservation;

export type ObservationKind = Observation['kind'];
export type ObservationOf<K extends ObservationKind> = Extract<Observation, { kind: K }>;
