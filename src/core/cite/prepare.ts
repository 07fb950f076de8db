import type { CiteRequest } from './draft/edit';
import type { DraftFormat } from './draft/syntax';
import { escaperFor } from './escape';
import { referenceFor, type PassageLocation, type Reference, type StatisticLocation } from './reference';
import { statisticSentence } from './sentence';
import type { CitationStyle, Formatted } from './styles';

export interface CiteOptions {
  style: CitationStyle;
  format: DraftFormat;
  /** Template of the sentence put before the marker, e.g. "{subject}{period}{metric}{change}{figure}". */
  template: string;
}

/** Everything an insertion needs, computed from the corpus before touching any document. */
export interface PreparedCitation {
  request: CiteRequest;
  reference: Reference;
  entry: Formatted;
  /** The in-text form of the style, e.g. "[1]" or "(湖北省委政法委, n.d.)". */
  inText: string;
}

/** `text` is already written for the format; corpus text in the entry and the locator is escaped here. */
function prepare(reference: Reference, id: string, text: string, options: CiteOptions, locator?: string): PreparedCitation {
  const { style } = options;
  const escape = escaperFor(options.format);
  const entry = style.entry(reference, 'plain');
  return {
    request: { key: reference.key, id, text, entry: escape.text(entry.text), heading: style.heading, locator: locator && escape.locator(locator) },
    reference,
    entry,
    inText: style.inText(reference, 1),
  };
}

/** A statistic stated by the template and cited to its report. */
export function prepareStatistic(location: StatisticLocation, options: CiteOptions): PreparedCitation {
  const sentence = statisticSentence(location.statistic, options.template, escaperFor(options.format).text);
  return prepare(referenceFor(location), location.statistic.id, sentence, options);
}

/** A statistic the draft already states (a figure the writer typed): its marker alone, no sentence. */
export function prepareMarker(location: StatisticLocation, options: CiteOptions): PreparedCitation {
  return prepare(referenceFor(location), location.statistic.id, '', options);
}

/** A quotation of a passage of the corpus, located by its section heading. */
export function prepareQuotation(location: PassageLocation, quote: string, options: CiteOptions): PreparedCitation {
  const locator = location.section.title || undefined;
  return prepare(referenceFor(location), location.passage.id, `“${escaperFor(options.format).text(quote)}”`, options, locator);
}
