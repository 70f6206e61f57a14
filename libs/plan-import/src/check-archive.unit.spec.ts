import JSZip from 'jszip';

import { checkArchive, PlanImportError, type PlanImportErrorCode } from './index.js';
import { docxFromRows, docxWithManyEntries, textBytes, xlsxFromRows, xlsxWithDenseEntry } from './testing/documents.js';

function codeOf(check: () => void): PlanImportErrorCode | 'accepted' {
  try {
    check();
    return 'accepted';
  } catch (error) {
    if (error instanceof PlanImportError) return error.code;
    throw error;
  }
}

const smallPlan = [
  ['Ref', 'Action', 'Due date', 'Lead'],
  ['1.1', 'Publish the pay gap report', 'March 2025', 'Human Resources'],
];

describe('checking an upload’s container at once', () => {
  it('accepts real Word and Excel files, and text, CSV and files it refuses for other reasons', async () => {
    const docx = await docxFromRows(smallPlan);
    expect(codeOf(() => checkArchive({ fileName: 'plan.docx', bytes: docx }))).toBe('accepted');
    const xlsx = await xlsxFromRows(smallPlan);
    expect(codeOf(() => checkArchive({ fileName: 'plan.xlsx', bytes: xlsx }))).toBe('accepted');
    expect(codeOf(() => checkArchive({ fileName: 'plan.txt', bytes: textBytes('Action\tLead') }))).toBe('accepted');
    expect(codeOf(() => checkArchive({ fileName: 'plan.csv', bytes: textBytes('Action,Lead') }))).toBe('accepted');
    // A PDF named .docx is refused as a PDF by the upload's other check, not as a broken archive.
    expect(codeOf(() => checkArchive({ fileName: 'plan.docx', bytes: textBytes('%PDF-1.7') }))).toBe('accepted');
  });

  it('refuses a file named or typed as an office document that is not a ZIP archive, or a broken one', async () => {
    expect(codeOf(() => checkArchive({ fileName: 'plan.docx', bytes: textBytes('Action\tLead') }))).toBe('NOT_A_ZIP');
    expect(
      codeOf(() =>
        checkArchive({
          fileName: 'upload',
          bytes: textBytes('x'),
          mediaType: 'application/vnd.oasis.opendocument.spreadsheet',
        }),
      ),
    ).toBe('NOT_A_ZIP');
    const truncated = (await docxFromRows(smallPlan)).slice(0, 200);
    expect(codeOf(() => checkArchive({ fileName: 'plan.docx', bytes: truncated }))).toBe('NOT_A_ZIP');
  });

  it('refuses a ZIP bomb and a ZIP that is no office document, from the central directory', async () => {
    const bomb = await docxWithManyEntries(2100);
    expect(codeOf(() => checkArchive({ fileName: 'plan.docx', bytes: bomb }))).toBe('ZIP_BOMB');

    const ratio = await xlsxWithDenseEntry();
    expect(codeOf(() => checkArchive({ fileName: 'plan.xlsx', bytes: ratio }))).toBe('ZIP_BOMB');

    const notes = new JSZip();
    notes.file('notes.txt', 'Action\tLead');
    const archive = await notes.generateAsync({ type: 'uint8array' });
    expect(codeOf(() => checkArchive({ fileName: 'plan.zip', bytes: archive }))).toBe('UNSUPPORTED_TYPE');
  });
});
