import fc from 'fast-check';
import JSZip from 'jszip';

import { parsePlanDocument, PlanImportError, type PlanImportErrorCode } from './index.js';
import {
  FIXTURES,
  docxFromRows,
  pdfFromText,
  docxWithManyEntries,
  fixtureBytes,
  textBytes,
  xlsxFromRows,
  xlsxWithDenseEntry,
} from './testing/documents.js';

async function failure(promise: Promise<unknown>): Promise<PlanImportError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PlanImportError) return error;
    throw error;
  }
  throw new Error('expected a PlanImportError, but the import succeeded');
}

async function expectCode(promise: Promise<unknown>, code: PlanImportErrorCode): Promise<PlanImportError> {
  const error = await failure(promise);
  expect(error.code).toBe(code);
  expect(error.message).not.toMatch(/\n/);
  expect(error.message.length).toBeGreaterThan(10);
  return error;
}

/** Rewrites a field of one entry of a ZIP's central directory (sizes, flags) to make a hostile archive. */
function patchCentralDirectory(
  bytes: Uint8Array,
  entryName: string,
  offset: number,
  value: number,
  width: 2 | 4,
): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  for (let index = 0; index + 46 < copy.length; index += 1) {
    if (view.getUint32(index, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(index + 28, true);
    const name = new TextDecoder().decode(copy.subarray(index + 46, index + 46 + nameLength));
    if (name !== entryName) continue;
    if (width === 2) view.setUint16(index + offset, value, true);
    else view.setUint32(index + offset, value, true);
    return copy;
  }
  throw new Error(`no entry ${entryName}`);
}

const smallPlan = [
  ['Ref', 'Action', 'Due date', 'Lead'],
  ['1.1', 'Publish the pay gap report', 'March 2025', 'Human Resources'],
];

describe('bad input', () => {
  it('refuses an empty file, and a text file of only whitespace', async () => {
    await expectCode(parsePlanDocument({ fileName: 'plan.txt', bytes: new Uint8Array() }), 'EMPTY_FILE');
    await expectCode(parsePlanDocument({ fileName: 'plan.txt', bytes: textBytes(' \n\t\n') }), 'EMPTY_FILE');
  });

  it('refuses a file over the size limit (10 MB by default, or the option)', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41);
    const error = await expectCode(parsePlanDocument({ fileName: 'plan.txt', bytes: big }), 'FILE_TOO_LARGE');
    expect(error.message).toBe('The file is 10485761 bytes, over the 10485760-byte limit for an import.');
    await expectCode(
      parsePlanDocument(
        { fileName: 'plan.txt', bytes: fixtureBytes(FIXTURES.charnwood2024) },
        { limits: { maxBytes: 1000 } },
      ),
      'FILE_TOO_LARGE',
    );
  });

  it('refuses a document with more rows than any plan has (50,000 by default)', async () => {
    const rows = Array.from({ length: 50_001 }, (_, index) => `${index}\trow`).join('\n');
    const error = await expectCode(
      parsePlanDocument({ fileName: 'plan.txt', bytes: textBytes(rows) }),
      'FILE_TOO_LARGE',
    );
    expect(error.message).toBe('The document has 50001 rows with text, more than the 50000 an import reads.');
  });

  it('refuses types it cannot read: a broken PDF, old Office, images, binary data, a ZIP that is no office document', async () => {
    await expectCode(
      parsePlanDocument({ fileName: 'plan.pdf', bytes: textBytes('%PDF-1.7\n...') }),
      'CORRUPT_DOCUMENT',
    );
    await expectCode(
      parsePlanDocument({
        fileName: 'plan.doc',
        bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      }),
      'UNSUPPORTED_TYPE',
    );
    await expectCode(parsePlanDocument({ fileName: 'plan.xls', bytes: textBytes('a,b') }), 'UNSUPPORTED_TYPE');
    await expectCode(
      parsePlanDocument({ fileName: 'scan.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d]) }),
      'UNSUPPORTED_TYPE',
    );
    await expectCode(
      parsePlanDocument({ fileName: 'plan', bytes: new Uint8Array([0x41, 0x00, 0x42, 0x00, 0x43]) }),
      'UNSUPPORTED_TYPE',
    );
    const zip = new JSZip();
    zip.file('notes.txt', 'Action\tLead');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expectCode(parsePlanDocument({ fileName: 'plan.zip', bytes }), 'UNSUPPORTED_TYPE');
  });

  it('refuses a DOCX, XLSX or ODS that is not a ZIP archive', async () => {
    await expectCode(
      parsePlanDocument({ fileName: 'plan.docx', bytes: textBytes('Action\tLead\n1.1\tDo it') }),
      'NOT_A_ZIP',
    );
    await expectCode(parsePlanDocument({ fileName: 'plan.xlsx', bytes: textBytes('just text') }), 'NOT_A_ZIP');
    await expectCode(
      parsePlanDocument({
        fileName: 'upload',
        bytes: textBytes('x'),
        mediaType: 'application/vnd.oasis.opendocument.spreadsheet',
      }),
      'NOT_A_ZIP',
    );
    const truncated = (await docxFromRows(smallPlan)).slice(0, 200);
    await expectCode(parsePlanDocument({ fileName: 'plan.docx', bytes: truncated }), 'NOT_A_ZIP');
  });

  it('refuses a ZIP bomb by its entry count, before inflating anything', async () => {
    const bytes = await docxWithManyEntries(2100);
    const error = await expectCode(parsePlanDocument({ fileName: 'plan.docx', bytes }), 'ZIP_BOMB');
    expect(error.message).toMatch(/^The Word file lists 210\d entries, more than the 2000 allowed\.$/);
  });

  it('refuses a ZIP bomb by its compression ratio and by its total inflated size', async () => {
    const bytes = await xlsxWithDenseEntry();
    const ratio = await expectCode(parsePlanDocument({ fileName: 'plan.xlsx', bytes }), 'ZIP_BOMB');
    expect(ratio.message).toMatch(/inflates more than 200 times/);
    await expectCode(
      parsePlanDocument(
        { fileName: 'plan.xlsx', bytes },
        { limits: { maxCompressionRatio: 100_000, maxUncompressedBytes: 1024 * 1024 } },
      ),
      'ZIP_BOMB',
    );
  });

  it('refuses an entry that inflates past the size its header declares', async () => {
    const docx = await docxFromRows(smallPlan);
    const lying = patchCentralDirectory(docx, 'word/document.xml', 24, 100, 4);
    await expectCode(parsePlanDocument({ fileName: 'plan.docx', bytes: lying }), 'ZIP_BOMB');
    const xlsx = await xlsxFromRows(smallPlan);
    const lyingSheet = patchCentralDirectory(xlsx, 'xl/worksheets/sheet1.xml', 24, 10, 4);
    await expectCode(parsePlanDocument({ fileName: 'plan.xlsx', bytes: lyingSheet }), 'ZIP_BOMB');
  });

  it('refuses a password-protected entry', async () => {
    const docx = await docxFromRows(smallPlan);
    const encrypted = patchCentralDirectory(docx, 'word/document.xml', 8, 1, 2);
    await expectCode(parsePlanDocument({ fileName: 'plan.docx', bytes: encrypted }), 'ENCRYPTED');
  });

  it('refuses a Word file whose XML is broken', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document><w:body><w:tbl></w:body>');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expectCode(parsePlanDocument({ fileName: 'plan.docx', bytes }), 'CORRUPT_DOCUMENT');
  });

  it('refuses text with no recognisable table, and a table with headings but no actions', async () => {
    const prose = 'Our equality strategy\n\nWe will treat everyone fairly.\nAction plan\t19';
    const error = await expectCode(parsePlanDocument({ fileName: 'plan.txt', bytes: textBytes(prose) }), 'NO_TABLE');
    expect(error.message).toBe(
      'No action plan table found: no row of headings such as "Action", "Due date", "Lead" or "Success measure".',
    );
    await expectCode(
      parsePlanDocument({ fileName: 'plan.txt', bytes: textBytes('Action\tLead\tDue date\n\n29\n') }),
      'NO_TABLE',
    );
  });
});

describe('fuzzing: nothing but PlanImportError is ever thrown', () => {
  const lines = new TextDecoder()
    .decode(fixtureBytes(FIXTURES.charnwood2016))
    .split('\n')
    .concat(new TextDecoder().decode(fixtureBytes(FIXTURES.leicestershire)).split('\n').slice(320));

  async function settles(promise: Promise<unknown>): Promise<boolean> {
    try {
      await promise;
      return true;
    } catch (error) {
      return error instanceof PlanImportError;
    }
  }

  it('random text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 400 }), async (text) =>
        settles(parsePlanDocument({ fileName: 'plan.txt', bytes: textBytes(text) })),
      ),
      { numRuns: 300 },
    );
  });

  it('random text made of table-like pieces: plan lines, tabs, refs, headings, markup', async () => {
    const piece = fc.oneof(
      fc.constantFrom(...lines),
      fc.constantFrom(
        '\t',
        '\n',
        'Action',
        'Lead',
        'Due',
        'PEO 1:',
        '1.1',
        '2.3',
        '•',
        '<li>',
        '</b>',
        'Q1 2024 - Q2 2024',
        'by March 2026',
        // The new readers' features: labels, outline refs, narrative fields, space-aligned columns.
        'Priority A:',
        'Objective 2 –',
        'Equality Objective Two',
        'Action 7',
        'EQ3',
        '1.1.1',
        'What we will do',
        'How we will know',
        'Lead:',
        'Timescale:',
        '      ',
        'Ref   Action   Lead   Timescale',
        'Page 2 of 4',
        '\f',
        'Year 2 (2026/27)',
        'End of Q3',
        'Mar-26',
      ),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 60 }), fc.constantFrom('\t', '\n', ' ', ''), async (pieces, glue) =>
        settles(parsePlanDocument({ fileName: 'plan.txt', bytes: textBytes(pieces.join(glue)) })),
      ),
      { numRuns: 300 },
    );
  });

  it('random and corrupted PDFs', async () => {
    const pdf = await pdfFromText(['Ref\tAction\tLead\tDue', '1.1\tPublish the pay gap\tHR\tMarch 2026'].join('\n'));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        async (flips) => {
          const bytes = pdf.slice();
          for (const [position, value] of flips) bytes[position % bytes.length] = value;
          return settles(parsePlanDocument({ fileName: 'plan.pdf', bytes }));
        },
      ),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (text) =>
        settles(parsePlanDocument({ fileName: 'plan.pdf', bytes: textBytes(`%PDF-1.7\n${text}`) })),
      ),
      { numRuns: 60 },
    );
  });

  it('random CSV and corrupted office documents', async () => {
    const docx = await docxFromRows(smallPlan);
    const xlsx = await xlsxFromRows(smallPlan);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom({ name: 'plan.docx', bytes: docx }, { name: 'plan.xlsx', bytes: xlsx }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        async (file, flips) => {
          const bytes = file.bytes.slice();
          for (const [position, value] of flips) bytes[position % bytes.length] = value;
          return settles(parsePlanDocument({ fileName: file.name, bytes }));
        },
      ),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (text) =>
        settles(parsePlanDocument({ fileName: 'plan.csv', bytes: textBytes(text) })),
      ),
      { numRuns: 150 },
    );
  });
});
