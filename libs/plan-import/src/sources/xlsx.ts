import ExcelJS from 'exceljs';
import type { Cell, CellValue } from 'exceljs';
import { longUkDateOf } from '@due-regard/shared-kernel';

import { PlanImportError } from '../errors.js';
import type { SourceCell, SourceDocument, SourceRow } from './rows.js';
import type { SafeZip } from './zip.js';

const MAX_COLUMNS = 256;

function formatNumber(value: number, numFmt: string | undefined): string {
  // A reference typed as a number ("1.10") keeps its written decimals when the cell format says so.
  const decimals = numFmt === undefined ? null : /^0\.(0+)$/.exec(numFmt);
  return decimals?.[1] === undefined ? String(value) : value.toFixed(decimals[1].length);
}

function valueText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // A real Excel date in a due column reads as a council would write it: "30 June 2024".
  if (value instanceof Date) return longUkDateOf(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('error' in value) return '';
  const result = value.result;
  if (result === undefined || result === null || (typeof result === 'object' && !(result instanceof Date))) return '';
  return valueText(result, numFmt);
}

function cellOf(cell: Cell): SourceCell {
  if (cell.isMerged && cell.master.address !== cell.address) {
    const vertical = cell.master.col === cell.col && cell.master.row !== cell.row;
    return { text: '', mergedWithAbove: vertical };
  }
  return { text: valueText(cell.value, cell.numFmt) };
}

/** Every visible worksheet of an Excel workbook, one row per sheet row. */
export async function readXlsx(zip: SafeZip, bytes: Uint8Array): Promise<SourceDocument> {
  zip.verifyAll();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PlanImportError('CORRUPT_DOCUMENT', `The Excel file cannot be read: ${reason}`);
  }
  const rows: SourceRow[] = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== 'visible') continue;
    const width = Math.min(sheet.columnCount, MAX_COLUMNS);
    for (let rowNumber = 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
      const row = sheet.getRow(rowNumber);
      const cells: SourceCell[] = [];
      for (let column = 1; column <= width; column += 1) cells.push(cellOf(row.getCell(column)));
      rows.push({ cells, at: `sheet '${sheet.name}' row ${rowNumber}` });
    }
  }
  return { format: 'xlsx', rows };
}
