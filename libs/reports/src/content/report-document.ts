/**
 * What a report says, once, whatever its format: headings, paragraphs, lists and tables for the
 * documents (HTML, PDF, DOCX, ODT), and one row per action for the data (CSV, XLSX, ODS). Every
 * renderer reads only this, so the formats cannot say different things.
 */
export interface ReportDocument {
  /** The document's title: its first heading, the PDF's and the HTML page's title. */
  readonly title: string;
  /** Who and when: "Charnwood Borough Council · as of 31 March 2025". */
  readonly subtitle: string;
  /** BCP 47: what a screen reader speaks it in. */
  readonly language: 'en-GB';
  /** Level-2 sections; their subsections are level 3. */
  readonly sections: readonly ReportSection[];
  readonly data: ReportData;
  /** A file name without its extension: lower case, hyphens. */
  readonly fileStem: string;
}

export interface ReportSection {
  readonly heading: string;
  readonly blocks: readonly ReportBlock[];
  readonly subsections: readonly ReportSection[];
}

export type ReportBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | ReportTable;

/** A table with a caption and column headers; the first cell of each row heads its row. */
export interface ReportTable {
  readonly kind: 'table';
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** The data: one row per action, every cell text or a number (a spreadsheet's cells). */
export interface ReportData {
  readonly sheetName: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

export const paragraph = (text: string): ReportBlock => ({ kind: 'paragraph', text });
