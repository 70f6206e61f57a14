import { withoutUnstorableCharacters } from '@due-regard/shared-kernel';

import { PlanImportError } from '../errors.js';
import { DEFAULT_LIMITS, type ImportLimits } from '../preview.js';
import { readCsv } from './csv.js';
import { readDocx } from './docx.js';
import { readOpenDocument } from './opendocument.js';
import { readPdf } from './pdf.js';
import type { SourceCell, SourceDocument } from './rows.js';
import { decodeText, readText } from './text.js';
import { readXlsx } from './xlsx.js';
import { looksLikeZip, SafeZip } from './zip.js';

const ZIP_FORMATS: Readonly<Record<string, string>> = {
  docx: 'Word',
  xlsx: 'Excel',
  ods: 'OpenDocument spreadsheet',
  odt: 'OpenDocument text',
};
const ZIP_MEDIA_TYPES: Readonly<Record<string, string>> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.text': 'odt',
};
const UNSUPPORTED_EXTENSIONS: Readonly<Record<string, string>> = {
  pdf: 'The file is named as a PDF but is not one.',
  doc: 'The old Word format (.doc) is not supported: save it as .docx.',
  xls: 'The old Excel format (.xls) is not supported: save it as .xlsx.',
  rtf: 'Rich Text Format is not supported: save it as .docx.',
  pptx: 'A presentation cannot be imported: copy the plan table into Word or a text file.',
  ppt: 'A presentation cannot be imported: copy the plan table into Word or a text file.',
  odp: 'A presentation cannot be imported: copy the plan table into Word or a text file.',
};
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46];
const MAGIC: readonly { bytes: readonly number[]; message: string }[] = [
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    message: 'Old Office formats (.doc, .xls) are not supported: save the file as .docx or .xlsx.',
  },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], message: UNSUPPORTED_EXTENSIONS['rtf'] ?? '' },
  {
    bytes: [0x89, 0x50, 0x4e, 0x47],
    message: 'An image cannot be imported: the plan must be text, Word or a spreadsheet.',
  },
  { bytes: [0xff, 0xd8, 0xff], message: 'An image cannot be imported: the plan must be text, Word or a spreadsheet.' },
];

function extensionOf(fileName: string): string {
  const match = /\.([a-z0-9]{1,8})$/i.exec(fileName.trim());
  return match?.[1]?.toLowerCase() ?? '';
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function zipFormat(zip: SafeZip): OfficeFormat | null {
  if (zip.has('word/document.xml')) return 'docx';
  if (zip.has('xl/workbook.xml')) return 'xlsx';
  if (zip.has('mimetype') && zip.has('content.xml')) {
    const mimetype = (zip.readText('mimetype') ?? '').trim();
    if (mimetype === 'application/vnd.oasis.opendocument.spreadsheet') return 'ods';
    if (mimetype === 'application/vnd.oasis.opendocument.text') return 'odt';
  }
  return null;
}

export type DetectedSource = { readonly document: SourceDocument; readonly mediaType: string };

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  text: 'text/plain',
  csv: 'text/csv',
  ...Object.fromEntries(Object.entries(ZIP_MEDIA_TYPES).map(([mediaType, format]) => [format, mediaType])),
};

type OfficeFormat = 'docx' | 'xlsx' | 'ods' | 'odt';

/** The office format a file is named or typed as (by its declared media type first), or null. */
function declaredOfficeFormat(fileName: string, declaredMediaType: string): string | null {
  const extension = extensionOf(fileName);
  return ZIP_MEDIA_TYPES[declaredMediaType] ?? (extension in ZIP_FORMATS ? extension : null);
}

/** A ZIP archive's central directory, checked against the limits (nothing inflated but ODF's `mimetype`). */
function openOfficeArchive(
  bytes: Uint8Array,
  declared: string | null,
  limits: ImportLimits,
): { zip: SafeZip; format: OfficeFormat } {
  const zip = new SafeZip(bytes, ZIP_FORMATS[declared ?? ''] ?? 'uploaded', limits);
  const format = zipFormat(zip);
  if (format === null) {
    throw new PlanImportError(
      'UNSUPPORTED_TYPE',
      'The file is a ZIP archive but not a Word (.docx), Excel (.xlsx) or OpenDocument (.ods, .odt) file.',
    );
  }
  return { zip, format };
}

function notAZip(declared: string): PlanImportError {
  return new PlanImportError(
    'NOT_A_ZIP',
    `The file is named or typed as ${ZIP_FORMATS[declared] ?? declared} but is not a ZIP archive, so it is not one.`,
  );
}

/**
 * What readSource checks of a file's container, alone and at once (an upload form answers with it
 * before any job): a file named or typed as Word, Excel or OpenDocument must be a ZIP archive of
 * one, within the ZIP bomb limits read from its central directory. Nothing is inflated but an
 * OpenDocument's one-line `mimetype`; readSource still checks everything when it reads the file.
 */
export function checkArchive(
  input: { fileName: string; bytes: Uint8Array; mediaType?: string },
  limits: ImportLimits = DEFAULT_LIMITS,
): void {
  const declared = declaredOfficeFormat(
    input.fileName,
    (input.mediaType ?? '').split(';')[0]?.trim().toLowerCase() ?? '',
  );
  if (looksLikeZip(input.bytes)) {
    openOfficeArchive(input.bytes, declared, limits);
    return;
  }
  // Those are read or refused as what they are (a PDF, an image), not as a broken archive.
  if (startsWith(input.bytes, PDF_MAGIC) || MAGIC.some((magic) => startsWith(input.bytes, magic.bytes))) return;
  if (declared !== null && input.bytes.length > 0) throw notAZip(declared);
}

/**
 * The document with what its author never saw dropped from its text: NUL, other control
 * characters, half a surrogate pair, noncharacters. They cannot be stored, and the importer
 * previews (and a commit records) only what can.
 */
function storableDocument(document: SourceDocument): SourceDocument {
  const storableCell = (cell: SourceCell): SourceCell => {
    const text = withoutUnstorableCharacters(cell.text);
    return text === cell.text ? cell : { ...cell, text };
  };
  return {
    format: document.format,
    rows: document.rows.map((row) => ({
      at: withoutUnstorableCharacters(row.at),
      cells: row.cells.map(storableCell),
    })),
  };
}

/**
 * Decides what the bytes are (by content first, then name and media type) and reads them into rows
 * of text that can be stored.
 */
export async function readSource(
  input: { fileName: string; bytes: Uint8Array; mediaType?: string },
  limits: ImportLimits,
): Promise<DetectedSource> {
  const { document, mediaType } = await readDocument(input, limits);
  return { document: storableDocument(document), mediaType };
}

async function readDocument(
  input: { fileName: string; bytes: Uint8Array; mediaType?: string },
  limits: ImportLimits,
): Promise<DetectedSource> {
  const { bytes, fileName } = input;
  if (bytes.length === 0) throw new PlanImportError('EMPTY_FILE', `${fileName || 'The file'} is empty.`);
  if (bytes.length > limits.maxBytes) {
    throw new PlanImportError(
      'FILE_TOO_LARGE',
      `The file is ${bytes.length} bytes, over the ${limits.maxBytes}-byte limit for an import.`,
    );
  }
  const extension = extensionOf(fileName);
  const declaredMediaType = (input.mediaType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const declared = declaredOfficeFormat(fileName, declaredMediaType);

  if (looksLikeZip(bytes)) {
    const { zip, format } = openOfficeArchive(bytes, declared, limits);
    const document =
      format === 'docx'
        ? readDocx(zip)
        : format === 'xlsx'
          ? await readXlsx(zip, bytes)
          : readOpenDocument(zip, format);
    return { document, mediaType: MEDIA_TYPES[format] ?? 'application/zip' };
  }
  if (startsWith(bytes, PDF_MAGIC)) return { document: await readPdf(bytes, limits), mediaType: 'application/pdf' };
  for (const magic of MAGIC) {
    if (startsWith(bytes, magic.bytes)) throw new PlanImportError('UNSUPPORTED_TYPE', magic.message);
  }
  if (declared !== null) throw notAZip(declared);
  const unsupported = UNSUPPORTED_EXTENSIONS[extension];
  if (unsupported !== undefined) throw new PlanImportError('UNSUPPORTED_TYPE', unsupported);

  const text = decodeText(bytes);
  if (text.trim() === '') throw new PlanImportError('EMPTY_FILE', `${fileName || 'The file'} holds no text.`);
  const isCsv = extension === 'csv' || declaredMediaType === 'text/csv' || declaredMediaType === 'application/csv';
  return isCsv
    ? { document: readCsv(text), mediaType: MEDIA_TYPES['csv'] ?? 'text/csv' }
    : { document: readText(text), mediaType: MEDIA_TYPES['text'] ?? 'text/plain' };
}
