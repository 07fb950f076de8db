/** Setting keys of the outline. */
export const SECTION = 'statcite.outline';
/** How files are grouped: 'auto' | 'folder' | 'date' | 'none' (GroupBy in src/core/outline/group.ts). */
export const GROUP_BY = 'groupBy';
/** Context key: the outline's own filter is on (its clear button shows). */
export const FILTERED_CONTEXT = 'statcite.outlineFiltered';
