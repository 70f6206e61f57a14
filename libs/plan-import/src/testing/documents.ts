import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import JSZip from 'jszip';

/** The repository root, found from this file's location (the folder holding package.json). */
export function repoRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('no package.json above the test file');
    dir = parent;
  }
  return dir;
}

export const FIXTURES = {
  charnwood2024: 'charnwood-equality-action-plan-2024-2026.txt',
  charnwood2016: 'charnwood-equality-action-plan-2016-2018.txt',
  leicestershire: 'leicestershire-edi-strategy-2024-2028.txt',
} as const;

/** A real council plan, as the demo ships it (infra/demo/plans). */
export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(path.join(repoRoot(), 'infra/demo/plans', name));
}

/** A text's rows of cells, as the text source splits them (a line per row, tab-separated). */
export function textRows(text: string): string[][] {
  return text.split(/\r\n|\r|\n/).map((line) => line.split('\t'));
}

export function textBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A cell of a test document: text, or paragraphs (a bullet list when `bullets`), optionally merged. */
export type DocCell =
  string | { readonly paragraphs: readonly string[]; readonly bullets?: boolean; readonly rowSpan?: number };

/**
 * A Word document: runs of rows with two or more cells become tables; a row of one cell is a
 * paragraph between them (as a text line without tabs is).
 */
export async function docxFromRows(rows: readonly (readonly DocCell[])[]): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let tableRows: TableRow[] = [];
  const flush = (): void => {
    if (tableRows.length > 0) children.push(new Table({ rows: tableRows }));
    tableRows = [];
  };
  for (const row of rows) {
    if (row.length < 2) {
      flush();
      const only = row[0];
      children.push(new Paragraph(typeof only === 'string' ? only : (only?.paragraphs.join(' ') ?? '')));
      continue;
    }
    tableRows.push(
      new TableRow({
        children: row.map((cell) => {
          if (typeof cell === 'string') return new TableCell({ children: [new Paragraph(cell)] });
          return new TableCell({
            rowSpan: cell.rowSpan,
            children: cell.paragraphs.map((text) =>
              cell.bullets === true ? new Paragraph({ text, bullet: { level: 0 } }) : new Paragraph(text),
            ),
          });
        }),
      }),
    );
  }
  flush();
  const document = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

export async function xlsxFromRows(
  rows: readonly (readonly string[])[],
  merges: readonly string[] = [],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Action plan');
  rows.forEach((row, index) => {
    row.forEach((text, column) => {
      if (text !== '') sheet.getRow(index + 1).getCell(column + 1).value = text;
    });
  });
  for (const range of merges) sheet.mergeCells(range);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An OpenDocument spreadsheet written by hand: mimetype first and stored, content.xml with one table. */
export async function odsFromRows(
  rows: readonly (readonly string[])[],
  trailingEmptyColumns = 1000,
): Promise<Uint8Array> {
  const body = rows
    .map((row) => {
      const cells = row
        .map((text) =>
          text === ''
            ? '<table:table-cell/>'
            : `<table:table-cell office:value-type="string"><text:p>${xmlEscape(text)}</text:p></table:table-cell>`,
        )
        .join('');
      return `<table:table-row>${cells}<table:table-cell table:number-columns-repeated="${trailingEmptyColumns}"/></table:table-row>`;
    })
    .join('');
  const content =
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">' +
    '<office:body><office:spreadsheet><table:table table:name="Action plan">' +
    body +
    '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>' +
    '</table:table></office:spreadsheet></office:body></office:document-content>';
  const manifest =
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">' +
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>' +
    '</manifest:manifest>';
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
  zip.file('META-INF/manifest.xml', manifest);
  zip.file('content.xml', content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export function csvFromRows(rows: readonly (readonly string[])[]): Uint8Array {
  const quoteCell = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return textBytes(rows.map((row) => row.map(quoteCell).join(',')).join('\r\n'));
}

/** A Word file whose central directory lists `entryCount` empty media files besides the document. */
export async function docxWithManyEntries(entryCount: number): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', '<w:document/>');
  for (let index = 0; index < entryCount; index += 1) zip.file(`word/media/${index}.bin`, '');
  return zip.generateAsync({ type: 'uint8array' });
}

/**
 * A spreadsheet whose shared strings are 2 MiB of zeros, deflated about a thousand times: past the
 * 200-times ratio and the one-MiB floor below which the ratio is not checked.
 */
export async function xlsxWithDenseEntry(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('xl/workbook.xml', '<workbook/>');
  zip.file('xl/sharedStrings.xml', new Uint8Array(2 * 1024 * 1024));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * A PDF as a council publishes one: the lines of a pasted plan, where a line with tabs is a row of a
 * real table (cells wrapped in their column, ruled, the header row drawn again on each new page)
 * and a line without is a paragraph. Pages break where the content runs out of room.
 */
export async function pdfFromText(text: string, options: { pageHeight?: number } = {}): Promise<Uint8Array> {
  const margin = 36;
  const doc = new PDFDocument({ size: [842, options.pageHeight ?? 595], margin, autoFirstPage: true });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.font('Helvetica').fontSize(8);
  const lines = text.split(/\r?\n/);
  const tableLines = lines.filter((line) => line.includes('\t')).map((line) => line.split('\t'));
  const columns = Math.max(0, ...tableLines.map((cells) => cells.length));
  const longest = Array.from({ length: columns }, (_, index) =>
    // At least its heading's longest word wide, as a designer would make it.
    Math.max(
      8,
      ...(tableLines[0]?.[index] ?? '').split(' ').map((word) => word.length + 4),
      ...tableLines.map((cells) => Math.min(60, (cells[index] ?? '').length)),
    ),
  );
  const usable = doc.page.width - margin * 2;
  const widths = longest.map((length) => (usable * length) / longest.reduce((sum, value) => sum + value, 0));
  const bottom = (): number => doc.page.height - margin;
  let header: string[] | null = null;
  let y = margin;
  const drawRow = (cells: readonly string[]): void => {
    const heights = cells.map((cell, index) => doc.heightOfString(cell, { width: (widths[index] ?? 40) - 6 }));
    const height = Math.max(10, ...heights) + 6;
    if (y + height > bottom()) {
      doc.addPage();
      y = margin;
      if (header !== null && cells !== header) drawRow(header);
    }
    let x = margin;
    cells.forEach((cell, index) => {
      const width = widths[index] ?? 40;
      doc.rect(x, y, width, height).stroke();
      doc.text(cell, x + 3, y + 3, { width: width - 6, lineBreak: true });
      x += width;
    });
    y += height;
  };
  for (const line of lines) {
    if (line.includes('\t')) {
      const cells = line.split('\t');
      if (header === null) header = cells;
      drawRow(cells);
      continue;
    }
    if (line.includes('\f')) {
      doc.addPage();
      y = margin;
      continue;
    }
    const height = line.trim() === '' ? 8 : doc.heightOfString(line, { width: usable }) + 2;
    if (y + height > bottom()) {
      doc.addPage();
      y = margin;
    }
    if (line.trim() !== '') doc.text(line.trim(), margin, y, { width: usable });
    y += height;
  }
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

/** A PDF with pictures of pages and no text layer, as a scanner makes one (drawn shapes only). */
export async function scannedPdf(): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  for (let row = 0; row < 20; row += 1) doc.rect(40, 60 + row * 30, 500, 18).fill('#333333');
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}
