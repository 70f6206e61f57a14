import { PlanImportError } from '../errors.js';
import type { SourceCell, SourceDocument, SourceRow } from './rows.js';
import { walkXml } from './xml.js';
import type { SafeZip } from './zip.js';

/** Subtrees whose text is not the document's visible body text. */
const SKIPPED = new Set(['w:del', 'w:delText', 'w:instrText', 'mc:Fallback', 'w:txbxContent', 'w:footnoteReference']);

type CellDraft = { lines: string[]; span: number; mergedWithAbove: boolean };

/**
 * A Word document read from its XML: each table row a row (a cell spanning grid columns is
 * followed by empty cells so that columns stay aligned), each paragraph outside tables a row of
 * its tab-separated parts. Word's list numbering inside a cell becomes "• " items.
 */
export function readDocx(zip: SafeZip): SourceDocument {
  const xml = zip.readText('word/document.xml');
  if (xml === null) {
    throw new PlanImportError('CORRUPT_DOCUMENT', 'The Word file has no document body (word/document.xml).');
  }
  const rows: SourceRow[] = [];
  let skipDepth = 0;
  let tableDepth = 0;
  let tableCount = 0;
  let rowIndex = 0;
  let paragraphCount = 0;
  let row: SourceCell[] | null = null;
  let cell: CellDraft | null = null;
  let paragraph: { text: string; list: boolean } | null = null;
  let inText = false;
  let inProperties = false;

  walkXml(xml, 'Word', {
    open(name, attributes, selfClosing) {
      if (skipDepth > 0 || SKIPPED.has(name)) {
        if (!selfClosing) skipDepth += 1;
        return;
      }
      switch (name) {
        case 'w:tbl':
          tableDepth += 1;
          if (tableDepth === 1) {
            tableCount += 1;
            rowIndex = 0;
          }
          break;
        case 'w:tr':
          if (tableDepth === 1) {
            row = [];
            rowIndex += 1;
          }
          break;
        case 'w:gridBefore':
          if (tableDepth === 1 && row !== null) {
            const before = Math.min(Number(attributes['w:val'] ?? '0') || 0, 64);
            for (let index = 0; index < before; index += 1) row.push({ text: '' });
          }
          break;
        case 'w:tc':
          if (tableDepth === 1) cell = { lines: [], span: 1, mergedWithAbove: false };
          break;
        case 'w:gridSpan':
          if (tableDepth === 1 && cell !== null)
            cell.span = Math.min(Math.max(Number(attributes['w:val']) || 1, 1), 64);
          break;
        case 'w:vMerge':
          if (tableDepth === 1 && cell !== null)
            cell.mergedWithAbove = (attributes['w:val'] ?? 'continue') !== 'restart';
          break;
        case 'w:p':
          paragraph = { text: '', list: false };
          break;
        case 'w:numPr':
          if (paragraph !== null) paragraph.list = true;
          break;
        case 'w:pStyle':
          if (paragraph !== null && /list|bullet/i.test(attributes['w:val'] ?? '')) paragraph.list = true;
          break;
        case 'w:t':
          inText = !selfClosing;
          break;
        case 'w:pPr':
          inProperties = !selfClosing;
          break;
        case 'w:numId':
          if (paragraph !== null && attributes['w:val'] === '0') paragraph.list = false;
          break;
        case 'w:tab':
          // Inside w:pPr a w:tab is a tab stop, not a tab character.
          if (paragraph !== null && !inProperties) paragraph.text += '\t';
          break;
        case 'w:br':
        case 'w:cr':
          if (paragraph !== null) paragraph.text += '\n';
          break;
        case 'w:noBreakHyphen':
          if (paragraph !== null) paragraph.text += '-';
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
        case 'w:t':
          inText = false;
          break;
        case 'w:pPr':
          inProperties = false;
          break;
        case 'w:p': {
          const done = paragraph;
          paragraph = null;
          if (done === null) break;
          if (tableDepth >= 1) {
            if (cell !== null) {
              const text = done.text.replace(/\t/g, ' ');
              cell.lines.push(done.list && text.trim() !== '' ? `• ${text}` : text);
            }
          } else {
            paragraphCount += 1;
            rows.push({
              cells: done.text.split('\t').map((text) => ({ text })),
              at: `paragraph ${paragraphCount}`,
            });
          }
          break;
        }
        case 'w:tc':
          if (tableDepth === 1 && row !== null && cell !== null) {
            row.push({ text: cell.lines.join('\n'), mergedWithAbove: cell.mergedWithAbove });
            for (let index = 1; index < cell.span; index += 1) row.push({ text: '' });
            cell = null;
          }
          break;
        case 'w:tr':
          if (tableDepth === 1 && row !== null) {
            rows.push({ cells: row, at: `table ${tableCount} row ${rowIndex}` });
            row = null;
          }
          break;
        case 'w:tbl':
          tableDepth -= 1;
          break;
        default:
          break;
      }
    },
    text(text) {
      if (skipDepth === 0 && inText && paragraph !== null) paragraph.text += text;
    },
  });
  return { format: 'docx', rows };
}
