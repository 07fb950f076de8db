/** Command ids of the text-view feature. */
export const OPEN_ORIGINAL_COMMAND = 'statcite.openOriginal';
/**
 * Internal, not in the command palette: the page markers last shown in the text view with this
 * URI string, as [offset, page]. The integration suite reads them (decorations cannot be read back).
 */
export const PAGE_MARKERS_COMMAND = 'statcite.textView.pageMarkers';
