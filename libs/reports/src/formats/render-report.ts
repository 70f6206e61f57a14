import type { ReportFormat } from '../domain/report.js';
import type { ReportDocument } from '../content/report-document.js';
import { renderCsv } from './csv.js';
import { renderDocx } from './docx.js';
import { renderHtml } from './html.js';
import { renderOds, renderOdt } from './odf.js';
import { renderPdf } from './pdf.js';
import { renderXlsx } from './xlsx.js';

export const MEDIA_TYPES: Readonly<Record<ReportFormat, string>> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};

export interface RenderedReport {
  readonly bytes: Buffer;
  readonly fileName: string;
  readonly mediaType: string;
}

/**
 * One content model, every format. `generatedFor` (the report's as-of instant) is the documents'
 * creation date, so that the same report rendered again is the same bytes where a format allows.
 */
export async function renderReport(
  document: ReportDocument,
  format: ReportFormat,
  generatedFor: Date,
): Promise<RenderedReport> {
  const bytes = await renderBytes(document, format, generatedFor);
  return { bytes, fileName: `${document.fileStem}.${format}`, mediaType: MEDIA_TYPES[format] };
}

function renderBytes(document: ReportDocument, format: ReportFormat, generatedFor: Date): Promise<Buffer> {
  switch (format) {
    case 'html':
      return Promise.resolve(renderHtml(document));
    case 'csv':
      return Promise.resolve(renderCsv(document.data));
    case 'pdf':
      return renderPdf(document, generatedFor);
    case 'docx':
      return renderDocx(document);
    case 'odt':
      return renderOdt(document, generatedFor);
    case 'xlsx':
      return renderXlsx(document, generatedFor);
    case 'ods':
      return renderOds(document, generatedFor);
  }
}
