import type { ReportData } from '../content/report-document.js';
import { neutralisedCell } from './spreadsheet-cells.js';

/** RFC 4180: every field quoted (quotes doubled), CRLF between records, a BOM so spreadsheets read UTF-8. */
function field(value: string | number): string {
  return `"${String(neutralisedCell(value)).replaceAll('"', '""')}"`;
}

export function renderCsv(data: ReportData): Buffer {
  const lines = [data.columns, ...data.rows].map((row) => row.map(field).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
