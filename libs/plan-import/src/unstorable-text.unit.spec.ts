import fc from 'fast-check';
import { findUnstorableCharacter } from '@due-regard/shared-kernel';

import { parsePlanDocument, type PlanPreview } from './index.js';
import { csvFromRows, xlsxFromRows } from './testing/documents.js';

// Uploaded documents carry what their authors never see: NUL in a UTF-16 text file, control
// characters a spreadsheet kept, character references typed into a cell. The importer drops them
// where it reads the document, so that a preview (and so a commit) never holds text that cannot be
// stored; nothing of what the council wrote is lost.

/** Every string anywhere in the preview: what the import page shows and a commit records. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(textsOf);
  return [];
}

function unstorableIn(preview: PlanPreview): string[] {
  return textsOf(preview).filter((text) => findUnstorableCharacter(text) !== undefined);
}

const utf16 = (text: string): Uint8Array =>
  new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));

const actionsOf = (preview: PlanPreview) =>
  preview.actions.map((action) => [action.title, action.due.text, action.leads]);

describe('text that cannot be stored, in an uploaded document', () => {
  it('drops NUL and other controls from a UTF-16 text file, and keeps every word', async () => {
    const text = [
      'Ref\tAction\tDue date\tLead',
      '1.1\tPublish\u0000 the pay\u0007 gap report\tMarch\u001b 2025\tHuman\u0000 Resources',
    ].join('\r\n');
    const preview = await parsePlanDocument({ fileName: 'plan.txt', bytes: utf16(text) });
    expect(actionsOf(preview)).toEqual([['Publish the pay gap report', 'March 2025', ['Human Resources']]]);
    expect(unstorableIn(preview)).toEqual([]);
  });

  it('drops character references to half a surrogate pair, a control or a noncharacter that a cell holds as text', async () => {
    const rows = [
      ['Ref', 'Action', 'Due date', 'Lead'],
      ['1.1', 'Publish the pay gap&#xD800; report&#1;', 'March 2025', 'Human&#xFFFF; Resources'],
    ];
    const preview = await parsePlanDocument({ fileName: 'plan.csv', bytes: csvFromRows(rows) });
    expect(actionsOf(preview)).toEqual([['Publish the pay gap report', 'March 2025', ['Human Resources']]]);
    expect(unstorableIn(preview)).toEqual([]);
  });

  it('drops control characters an Excel workbook kept in its cells', async () => {
    const rows = [
      ['Ref', 'Action', 'Due date', 'Lead'],
      ['1.1', 'Publish the pay gap\u0001 report', 'March 2025', 'Human Resources\u0002'],
    ];
    const preview = await parsePlanDocument({ fileName: 'plan.xlsx', bytes: await xlsxFromRows(rows) });
    expect(actionsOf(preview)).toEqual([['Publish the pay gap report', 'March 2025', ['Human Resources']]]);
    expect(unstorableIn(preview)).toEqual([]);
  });

  it("drops them from the file's name too", async () => {
    const text = 'Ref\tAction\tDue date\tLead\n1.1\tPublish the pay gap report\tMarch 2025\tHuman Resources';
    const preview = await parsePlanDocument({ fileName: 'pay\u0000-gap\u0007.txt', bytes: utf16(text) });
    expect(preview.source.fileName).toBe('pay-gap.txt');
  });

  it('never previews text that cannot be stored, wherever a CSV holds it', async () => {
    // Not NUL: a zero byte makes a UTF-8 file binary, refused as such.
    const unstorable = fc
      .oneof(
        fc.integer({ min: 0x01, max: 0x1f }).filter((code) => ![0x09, 0x0a, 0x0d].includes(code)),
        fc.integer({ min: 0x7f, max: 0x9f }),
        fc.constantFrom(0xfffe, 0xffff, 0xfdd0),
      )
      .map((code) => String.fromCodePoint(code));
    const cell = fc
      .tuple(
        fc.constantFrom('Publish the pay gap report', 'March 2025', 'Human Resources', '1.1'),
        unstorable,
        fc.nat(),
      )
      .map(([text, character, at]) => {
        const index = at % (text.length + 1);
        return `${text.slice(0, index)}${character}${text.slice(index)}`;
      });
    await fc.assert(
      fc.asyncProperty(fc.array(cell, { minLength: 4, maxLength: 4 }), async ([ref, action, due, lead]) => {
        const rows = [
          ['Ref', 'Action', 'Due date', 'Lead'],
          [ref ?? '', action ?? '', due ?? '', lead ?? ''],
          ['1.2', 'Review the guidance', 'June 2025', 'Policy Team'],
        ];
        const preview = await parsePlanDocument({ fileName: 'plan.csv', bytes: csvFromRows(rows) });
        expect(unstorableIn(preview)).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});
