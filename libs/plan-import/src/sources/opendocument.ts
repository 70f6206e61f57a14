import { PlanImportError } from '../errors.js';
import type { SourceFormat } from '../preview.js';
import type { SourceCell, SourceDocument, SourceRow } from './rows.js';
import { walkXml } from './xml.js';
import type { SafeZip } from './zip.js';

const SKIPPED = new Set(['office:annotation', 'text:note', 'draw:frame', 'text:tracked-changes', 'office:forms']);
/** Repeats are how ODF writes empty space ("1020 empty columns", "a million empty rows"): never expanded. */
const MAX_REPEATED_CONTENT = 256;

type CellDraft = {
  lines: string[];
  repeat: number;
  rowSpan: number;
  covered: boolean;
};

function count(value: string | undefined): number {
  const parsed = Number(value ?? '1');
  return Number.isInteger(parsed) && parsed > 0 ? parsed : 1;
}

/**
 * An OpenDocument spreadsheet (ODS) or text document (ODT) read from content.xml: every table row
 * is a row; in an ODT every paragraph outside tables is a row of its tab-separated parts.
 */
export function readOpenDocument(zip: SafeZip, format: Extract<SourceFormat, 'ods' | 'odt'>): SourceDocument {
  const kind = format === 'ods' ? 'OpenDocument spreadsheet' : 'OpenDocument text';
  const xml = zip.readText('content.xml');
  if (xml === null) throw new PlanImportError('CORRUPT_DOCUMENT', `The ${kind} file has no content.xml.`);

  const rows: SourceRow[] = [];
  let skipDepth = 0;
  let tableDepth = 0;
  let tableName = '';
  let tableCount = 0;
  let rowNumber = 0;
  let rowRepeat = 1;
  let row: SourceCell[] | null = null;
  let pendingEmpty = 0;
  let column = 0;
  /** Per column: rows still covered by a cell above that spans rows. */
  let spanning: number[] = [];
  let cell: CellDraft | null = null;
  let paragraph: { text: string } | null = null;
  let paragraphDepth = 0;
  let listDepth = 0;
  let bodyParagraphs = 0;

  const place = (text: string, mergedWithAbove: boolean, repeat: number): void => {
    if (row === null) return;
    if (text === '' && !mergedWithAbove) {
      pendingEmpty += repeat;
      column += repeat;
      return;
    }
    for (let index = 0; index < pendingEmpty; index += 1) row.push({ text: '' });
    pendingEmpty = 0;
    const times = Math.min(repeat, MAX_REPEATED_CONTENT);
    for (let index = 0; index < times; index += 1) row.push({ text, mergedWithAbove });
    column += repeat;
  };

  walkXml(xml, kind, {
    open(name, attributes, selfClosing) {
      if (skipDepth > 0 || SKIPPED.has(name)) {
        if (!selfClosing) skipDepth += 1;
        return;
      }
      switch (name) {
        case 'table:table':
          tableDepth += 1;
          if (tableDepth === 1) {
            tableCount += 1;
            tableName = attributes['table:name'] ?? `table ${tableCount}`;
            rowNumber = 0;
            spanning = [];
          }
          if (selfClosing) tableDepth -= 1;
          break;
        case 'table:table-row':
          if (tableDepth === 1) {
            row = [];
            pendingEmpty = 0;
            column = 0;
            rowRepeat = count(attributes['table:number-rows-repeated']);
            rowNumber += 1;
          }
          break;
        case 'table:table-cell':
        case 'table:covered-table-cell':
          if (tableDepth === 1) {
            cell = {
              lines: [],
              repeat: count(attributes['table:number-columns-repeated']),
              rowSpan: count(attributes['table:number-rows-spanned']),
              covered: name === 'table:covered-table-cell',
            };
            if (selfClosing) closeCell();
          }
          break;
        case 'text:list':
          listDepth += 1;
          break;
        case 'text:p':
        case 'text:h':
          paragraphDepth += 1;
          if (paragraphDepth === 1) paragraph = { text: '' };
          if (selfClosing) closeParagraph();
          break;
        case 'text:s':
          if (paragraph !== null) paragraph.text += ' '.repeat(Math.min(count(attributes['text:c']), 64));
          break;
        case 'text:tab':
          if (paragraph !== null) paragraph.text += '\t';
          break;
        case 'text:line-break':
          if (paragraph !== null) paragraph.text += '\n';
          break;
        default:
          break;
      }
    },
    close(name) {
      if (skipDepth > 0) {
        skipDepth -= 1;
        return;
      }
      switch (name) {
        case 'table:table':
          tableDepth -= 1;
          break;
        case 'table:table-row':
          if (tableDepth === 1 && row !== null) {
            const done: SourceRow = {
              cells: row,
              at: `${format === 'ods' ? 'sheet' : 'table'} '${tableName}' row ${rowNumber}`,
            };
            const hasContent = row.some((entry) => entry.text.trim() !== '');
            const times = hasContent ? Math.min(rowRepeat, MAX_REPEATED_CONTENT) : 1;
            for (let index = 0; index < times; index += 1) rows.push(done);
            rowNumber += rowRepeat - 1;
            spanning = spanning.map((remaining) => Math.max(remaining - rowRepeat, 0));
            row = null;
          }
          break;
        case 'table:table-cell':
        case 'table:covered-table-cell':
          if (tableDepth === 1) closeCell();
          break;
        case 'text:list':
          listDepth -= 1;
          break;
        case 'text:p':
        case 'text:h':
          closeParagraph();
          break;
        default:
          break;
      }
    },
    text(text) {
      if (skipDepth === 0 && paragraph !== null) paragraph.text += text;
    },
  });

  function closeCell(): void {
    const done = cell;
    cell = null;
    if (done === null) return;
    const startColumn = column;
    // A covered cell in a column that a cell above spans is the lower part of a vertical merge;
    // a covered cell anywhere else is the right-hand part of a horizontal one.
    const mergedWithAbove = done.covered && (spanning[startColumn] ?? 0) > 0;
    place(done.covered ? '' : done.lines.join('\n'), mergedWithAbove, done.repeat);
    if (!done.covered && done.rowSpan > 1) spanning[startColumn] = done.rowSpan;
  }

  function closeParagraph(): void {
    paragraphDepth -= 1;
    if (paragraphDepth > 0 || paragraph === null) return;
    const text = paragraph.text;
    paragraph = null;
    if (tableDepth >= 1) {
      if (cell !== null) {
        const flat = text.replace(/\t/g, ' ');
        cell.lines.push(listDepth > 0 && flat.trim() !== '' ? `• ${flat}` : flat);
      }
    } else if (format === 'odt') {
      bodyParagraphs += 1;
      rows.push({ cells: text.split('\t').map((part) => ({ text: part })), at: `paragraph ${bodyParagraphs}` });
    }
  }

  return { format, rows };
}
