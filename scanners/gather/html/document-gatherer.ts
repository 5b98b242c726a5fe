import type {
  EmbedObservation,
  Location,
  NavigationObservation,
  Observation,
  RequestType,
} from '../../observations.ts';
import type { Position } from '../../syntax/line-index.ts';
import type { LinkPredicate } from '../../syntax/script-json.ts';
import type { ResolvedUrl } from '../../syntax/url.ts';
import type { PageContext } from '../context.ts';
import type { FormTracker } from './forms.ts';

/** A tag's attributes as htmlparser2 gives them: names lower-cased, entities decoded. */
export type Attributes = Record<string, string>;

/** Where an observation of the current tag stands, and what it quotes. */
export interface TagLocation extends Location {
  source: 'html';
  element: string;
  attribute: string | undefined;
  evidence: string;
}

/** The document being gathered: the page itself, or markup nested in it (srcdoc, data: frames, templates). */
export interface Scope {
  page: PageContext;
  baseUrl: string;
  depth: number;
  /** A document shown in a frame of the page (srcdoc, a data: frame): its links load in that frame. */
  frame?: boolean;
  /** Maps an offset of this document's text to its position in `page.file`. */
  locate: (offset: number) => Position;
}

/** A `<script>` or `<style>` whose text is being collected until its end tag. */
export interface RawTextElement {
  element: 'script' | 'style';
  attributes: Attributes;
  tagStart: number;
  tagEnd: number;
  textStart: number;
  text: string;
}

/**
 * The state of one streaming pass over a document and the observations it yields, as the element handlers
 * (elements.ts) and the embedded CSS, scripts and documents (embedded.ts) see it; index.ts implements it.
 */
export interface DocumentGatherer {
  readonly observations: Observation[];
  /** The text the reader's offsets index. */
  readonly markup: string;
  readonly scope: Scope;
  readonly forms: FormTracker;
  /** What URLs resolve against now: the page (or parent document) until the winning `<base href>`. */
  readonly baseUrl: string;
  /** Whether that base has been seen: links met before it are resolved again when it comes. */
  readonly baseSeen: boolean;
  readonly linksBeforeBase: (NavigationObservation | EmbedObservation)[];
  /** The first live `<base target>`: where links without a target of their own open. */
  baseTarget: string | undefined;
  /** The `<script>` or `<style>` whose text is being collected until its end tag. */
  rawText: RawTextElement | undefined;
  /** The eager document rules of the page's speculation rules: each tells whether it may prefetch a link unasked. */
  readonly speculativeLinks: LinkPredicate[];
  /** The open `<video>` or `<audio>`, which its `<source>` children embed through. */
  media: { element: string; attributes: Attributes } | undefined;
  /** The open AMP component whose config a JSON script in it is. */
  ampComponent: 'amp-analytics' | 'amp-consent' | undefined;
  /** How many player facades (`<lite-youtube>`) are open: their links start the player. */
  readonly facades: number;
  readonly tagStart: number;
  readonly tagEnd: number;
  /** Makes the tag between `start` and `end` the one observations are reported at. */
  moveToTag(start: number, end: number): void;
  position(offset: number): Position;
  /** The current tag's position, computed once however many observations it yields. */
  where(): Position;
  /** The location fields of an observation at the current tag. */
  at(element: string, attribute: string | undefined): TagLocation;
  evidence(): string;
  /** Where the value of an attribute of the current tag starts, for code and CSS inside it. */
  valuePosition(attribute: string): Position;
  /** A URL the browser fetches; `javascript:` URLs run their code instead. Returns the resolved URL. */
  urlAttribute(
    type: RequestType,
    element: string,
    attribute: string,
    value: string | undefined,
    at?: Position,
  ): ResolvedUrl | undefined;
  /** Whether an attribute holds a `javascript:` URL; its code is gathered as a script at the value. */
  runsJavaScript(element: string, attribute: string, value: string): boolean;
  collect(observations: Observation[]): void;
  /** Observations of decoded text (a data: URL, srcdoc), which has no place of its own in the file: all at the tag. */
  collectAtTag(observations: Observation[]): void;
  /** Gathers a document nested in this one (srcdoc, a data: URL) with the same pass. */
  gatherNested(
    markup: string,
    page: PageContext,
    baseUrl: string,
    locate: (offset: number) => Position,
    frame: boolean,
  ): Observation[];
}
