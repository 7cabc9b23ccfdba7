/** A whole page's indicators with their sentences, for the --csv command line. */
import { extractIndicators, type Indicator } from '../extract';

export function pageIndicators(text: string): Array<{ indicator: Indicator; sentence: string }> {
  // Normalise line ends once so that offsets are those of the text the extractor sees.
  const page = text.replace(/\r\n?/g, '\n');
  return extractIndicators(page).map((indicator) => ({
    indicator,
    sentence: page.slice(indicator.sentence.start, indicator.sentence.end).trim(),
  }));
}
