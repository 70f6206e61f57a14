import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

import { PlanImportError } from '../errors.js';
import type { ImportLimits } from '../preview.js';
import { readText } from './text.js';
import type { SourceDocument } from './rows.js';

/** A run of text pdf.js placed on a page: where it starts, how wide it is, its baseline. */
type Placed = {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
};

/** Text items are dictionaries with `str` and `transform`; marked-content items have neither. */
function placedItems(items: readonly unknown[]): Placed[] {
  const placed: Placed[] = [];
  for (const item of items) {
    if (typeof item !== 'object' || item === null || !('str' in item) || !('transform' in item)) continue;
    const { str, transform, width } = item as { str: unknown; transform: unknown; width: unknown };
    if (typeof str !== 'string' || !Array.isArray(transform) || str.trim() === '') continue;
    const [a, b, , d, x, y] = transform as number[];
    placed.push({
      text: str,
      x: x ?? 0,
      y: y ?? 0,
      width: typeof width === 'number' ? width : 0,
      size: Math.max(Math.hypot(a ?? 0, b ?? 0), Math.abs(d ?? 0), 1),
    });
  }
  return placed;
}

/**
 * A page's text as `pdftotext -layout` lays it out: items on one baseline make a line, and each
 * starts at the column its position gives (a character is the width of an average glyph), with
 * at least two spaces between items a gap separates, so that columns read as they do there.
 */
function layoutPage(items: readonly Placed[], charWidth: number, left: number): string {
  const lines: Placed[][] = [];
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  for (const item of sorted) {
    const line = lines.at(-1);
    const first = line?.[0];
    if (
      line !== undefined &&
      first !== undefined &&
      Math.abs(first.y - item.y) <= Math.min(first.size, item.size) * 0.5
    ) {
      line.push(item);
    } else {
      lines.push([item]);
    }
  }
  const texts: string[] = [];
  let previousY: number | null = null;
  for (const line of lines) {
    line.sort((p, q) => p.x - q.x);
    const y = line[0]?.y ?? 0;
    const size = line[0]?.size ?? 10;
    // A gap of more than a line and a half is a blank line, as pdftotext keeps paragraph breaks.
    if (previousY !== null && previousY - y > size * 1.8) texts.push('');
    previousY = y;
    let text = '';
    let end: number | null = null;
    for (const item of line) {
      const column = Math.max(0, Math.round((item.x - left) / charWidth));
      const gap = end === null ? 0 : item.x - end;
      if (text === '') text = ' '.repeat(column);
      else if (gap > charWidth * 1.2) text = text.padEnd(Math.max(column, text.length + 2), ' ');
      else if (gap > charWidth * 0.15 && !text.endsWith(' ')) text += ' ';
      text += item.text;
      end = item.x + item.width;
    }
    texts.push(text.trimEnd());
  }
  return texts.join('\n');
}

/**
 * A PDF's text layer, read with pdf.js (no external program), laid out as `pdftotext -layout` does
 * and read as that text is: columns aligned with spaces, pages separated by form feeds. A PDF
 * without a text layer (a scan) is refused with what to do instead.
 */
export async function readPdf(bytes: Uint8Array, limits: ImportLimits): Promise<SourceDocument> {
  let pages: Placed[][];
  try {
    // pdf.js takes the buffer over: it reads a copy so the caller's bytes stay whole.
    const loading = getDocument({
      data: new Uint8Array(bytes),
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: VerbosityLevel.ERRORS,
    });
    const pdf = await loading.promise;
    pages = [];
    try {
      for (let number = 1; number <= pdf.numPages; number += 1) {
        const page = await pdf.getPage(number);
        const content = await page.getTextContent();
        pages.push(placedItems(content.items));
        page.cleanup();
        if (pages.reduce((sum, items) => sum + items.length, 0) > limits.maxRows * 20) break;
      }
    } finally {
      await loading.destroy();
    }
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException')
      throw new PlanImportError(
        'ENCRYPTED',
        'The PDF is protected by a password: remove the password and upload it again.',
      );
    const reason = error instanceof Error ? error.message : String(error);
    throw new PlanImportError('CORRUPT_DOCUMENT', `The PDF cannot be read: ${reason}`);
  }
  const all = pages.flat();
  if (all.length === 0) {
    throw new PlanImportError(
      'UNSUPPORTED_TYPE',
      'This PDF is a scan: it has no text layer, only pictures of pages, so its words cannot be read. Run it through text recognition (OCR), or upload the Word or Excel file it was made from.',
    );
  }
  const glyphWidths = all
    .filter((item) => item.text.length >= 3 && item.width > 0)
    .map((item) => item.width / item.text.length)
    .sort((p, q) => p - q);
  const charWidth = glyphWidths[Math.floor(glyphWidths.length / 2)] ?? 5;
  const left = Math.min(...all.map((item) => item.x));
  const text = pages.map((items) => layoutPage(items, charWidth, left)).join('\n\f');
  return { ...readText(text), format: 'pdf' };
}
