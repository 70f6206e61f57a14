import ExcelJS from 'exceljs';
import type { ReportData, ReportDocument } from '../content/report-document.js';
import { neutralisedCell } from './spreadsheet-cells.js';

function sheetRows(data: ReportData): (string | number)[][] {
  return data.rows.map((row) => row.map(neutralisedCell));
}

/** One sheet, one row per action: a bold, frozen header row with a filter; every cell neutralised. */
export async function renderXlsx(document: ReportDocument, generatedFor: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = document.title;
  workbook.subject = document.subtitle;
  workbook.creator = 'Due Regard';
  workbook.created = generatedFor;
  workbook.modified = generatedFor;
  const sheet = workbook.addWorksheet(document.data.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = document.data.columns.map((header) => ({ header: String(neutralisedCell(header)), width: 24 }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(sheetRows(document.data));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: document.data.columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
