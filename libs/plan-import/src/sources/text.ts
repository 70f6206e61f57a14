import { PlanImportError } from '../errors.js';
import { cellsOf, type SourceDocument, type SourceRow } from './rows.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const WINDOWS_1252 = new TextDecoder('windows-1252');

/** Text as a council's file holds it: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.includes(0)) {
    throw new PlanImportError('UNSUPPORTED_TYPE', 'The file holds binary data, not text or a supported document.');
  }
  try {
    return UTF8.decode(body);
  } catch {
    return WINDOWS_1252.decode(body);
  }
}

const PIPE_SEPARATOR_ROW = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;

/**
 * Pasted or plain text: a line is a row and a tab separates cells (what copying a table out of a
 * PDF or Word gives). A Markdown pipe table is read the same way.
 */
export function readText(text: string): SourceDocument {
  const rows: SourceRow[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    const at = `line ${index + 1}`;
    const trimmed = line.trim();
    if (trimmed.startsWith('|') && trimmed.endsWith('|') && trimmed.length > 1) {
      if (PIPE_SEPARATOR_ROW.test(trimmed)) return;
      rows.push({ cells: cellsOf(trimmed.slice(1, -1).split('|')), at });
      return;
    }
    rows.push({ cells: cellsOf(line.split('\t')), at });
  });
  return { format: 'text', rows };
}
