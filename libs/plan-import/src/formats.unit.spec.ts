import JSZip from 'jszip';

import { parsePlanDocument, toPreviewJson, type PlanPreview } from './index.js';
import {
  FIXTURES,
  csvFromRows,
  docxFromRows,
  fixtureBytes,
  odsFromRows,
  textBytes,
  textRows,
  xlsxFromRows,
  type DocCell,
} from './testing/documents.js';

/** The preview without where things are (line numbers, table rows), which differ between formats. */
function comparable(preview: PlanPreview): unknown {
  const { warnings: _warnings, ...json } = toPreviewJson(preview);
  return { ...json, warnings: preview.warningDetails.map((warning) => warning.message), columns: preview.columns };
}

describe.each(Object.values(FIXTURES))('%s as DOCX, XLSX, ODS and CSV', (name) => {
  const text = new TextDecoder().decode(fixtureBytes(name));
  const rows = textRows(text);
  let fromText: PlanPreview;
  beforeAll(async () => {
    fromText = await parsePlanDocument({ fileName: name, bytes: textBytes(text) });
  });

  it('imports a Word document of the same rows to the same result', async () => {
    const preview = await parsePlanDocument({ fileName: 'plan.docx', bytes: await docxFromRows(rows) });
    expect(preview.source.format).toBe('docx');
    expect(comparable(preview)).toEqual(comparable(fromText));
  });

  it('imports an Excel workbook of the same rows to the same result', async () => {
    const preview = await parsePlanDocument({ fileName: 'plan.xlsx', bytes: await xlsxFromRows(rows) });
    expect(preview.source.format).toBe('xlsx');
    expect(comparable(preview)).toEqual(comparable(fromText));
  });

  it('imports an OpenDocument spreadsheet of the same rows to the same result', async () => {
    const preview = await parsePlanDocument({ fileName: 'plan.ods', bytes: await odsFromRows(rows) });
    expect(preview.source.format).toBe('ods');
    expect(comparable(preview)).toEqual(comparable(fromText));
  });

  it('imports a CSV file of the same rows to the same result', async () => {
    const preview = await parsePlanDocument({ fileName: 'plan.csv', bytes: csvFromRows(rows) });
    expect(preview.source.format).toBe('csv');
    expect(comparable(preview)).toEqual(comparable(fromText));
  });
});

describe('what the document formats themselves say', () => {
  const header = ['Ref', 'What we will do', 'By when', 'Owner', 'Outcome'];

  it('reads a Word bullet list in an action cell as several actions, and the lead-in as their description', async () => {
    const rows: DocCell[][] = [
      header,
      ['Objective 1: Accessible services', '', '', '', ''],
      [
        '1.1',
        {
          paragraphs: ['Improve the website, including:', 'Audit every page', 'Add captions to videos'],
          bullets: false,
        },
        'March 2026',
        'Digital Team',
        'Pages meet WCAG 2.2 AA',
      ],
    ];
    const first = rows[2];
    if (first === undefined) throw new Error('row');
    first[1] = { paragraphs: ['Audit every page', 'Add captions to videos'], bullets: true };
    const preview = await parsePlanDocument({ fileName: 'plan.docx', bytes: await docxFromRows(rows) });
    expect(preview.actions.map((action) => [action.ref, action.title, action.leads])).toEqual([
      ['1.1a', 'Audit every page', ['Digital Team']],
      ['1.1b', 'Add captions to videos', ['Digital Team']],
    ]);
    expect(preview.actions[0]?.due.dates).toEqual(['2026-03-31']);
    expect(preview.objectives).toEqual([expect.objectContaining({ ref: 'Objective 1', title: 'Accessible services' })]);
    expect(preview.warningDetails.map((warning) => warning.message)).toContain(
      'action 1.1 lists 2 action points in one cell: imported as 2 actions',
    );
  });

  it("gives a measure merged down all of an objective's actions to the objective", async () => {
    const rows: DocCell[][] = [
      header,
      ['PEO 1: Inclusive workforce', '', '', '', ''],
      ['1.1', 'Publish the pay gap report', 'March 2025', 'HR', { paragraphs: ['Pay gap reduced'], rowSpan: 2 }],
      ['1.2', 'Run reverse mentoring', 'June 2025', 'L&D'],
      ['PEO 2: Communities', '', '', '', ''],
      ['2.1', 'Hold a residents forum', 'May 2025', 'Communities Team', 'Forum held twice a year'],
    ];
    const preview = await parsePlanDocument({ fileName: 'plan.docx', bytes: await docxFromRows(rows) });
    expect(preview.objectives.map((objective) => [objective.ref, objective.measures])).toEqual([
      ['PEO 1', ['Pay gap reduced']],
      ['PEO 2', []],
    ]);
    expect(preview.actions.map((action) => [action.ref, action.measures])).toEqual([
      ['1.1', []],
      ['1.2', []],
      ['2.1', ['Forum held twice a year']],
    ]);
  });

  it('reads an objective written as a paragraph above each table of a Word document', async () => {
    const rows: DocCell[][] = [
      ['Equality objectives 2024-2028'],
      ['PEO 1: Fair and accessible services'],
      header,
      ['1.1', 'Review the complaints process', 'June 2025', 'Customer Services', 'Process published'],
      ['PEO 2: A workforce that reflects our communities'],
      header,
      ['2.1', 'Anonymous shortlisting', 'Ongoing', 'Human Resources', 'Diverse shortlists'],
    ];
    const preview = await parsePlanDocument({ fileName: 'plan.docx', bytes: await docxFromRows(rows) });
    expect(preview.objectives.map((objective) => [objective.ref, objective.title])).toEqual([
      ['PEO 1', 'Fair and accessible services'],
      ['PEO 2', 'A workforce that reflects our communities'],
    ]);
    expect(preview.actions.map((action) => [action.ref, action.objective])).toEqual([
      ['1.1', 'PEO 1'],
      ['2.1', 'PEO 2'],
    ]);
    expect(preview.warnings).toEqual([]);
  });

  it('reads an Excel sheet with both an Objective and a Ref column: objective names stay objectives', async () => {
    const rows = [
      ['Objective', 'Ref', 'Action', 'Lead', 'Due date'],
      ['Fair services for everyone', '1.1', 'Review the complaints process', 'Customer Services', 'June 2025'],
      ['Fair services for everyone', '1.2', 'Translate key leaflets', 'Communications', 'July 2025'],
      ['An inclusive workforce', '2.1', 'Publish the pay gap report', 'Human Resources', 'March 2026'],
    ];
    const preview = await parsePlanDocument({ fileName: 'plan.xlsx', bytes: await xlsxFromRows(rows) });
    expect(preview.objectives.map((objective) => objective.title)).toEqual([
      'Fair services for everyone',
      'An inclusive workforce',
    ]);
    expect(preview.actions.map((action) => [action.ref, action.objective])).toEqual([
      ['1.1', 'Fair services for everyone'],
      ['1.2', 'Fair services for everyone'],
      ['2.1', 'An inclusive workforce'],
    ]);
    expect(preview.warnings.filter((warning) => warning.includes('stray text'))).toEqual([]);
  });

  it('copies an Excel cell merged over two rows to both actions', async () => {
    const rows = [
      header,
      ['1.1', 'Publish the pay gap report', 'March 2025', 'Human Resources', 'Pay gap reduced'],
      ['1.2', 'Run reverse mentoring', 'June 2025', '', 'Ten mentoring pairs'],
      ['1.3', 'Survey staff', 'July 2025', 'Policy Team', 'Survey published'],
    ];
    const bytes = await xlsxFromRows(rows, ['D2:D3']);
    const preview = await parsePlanDocument({ fileName: 'plan.xlsx', bytes });
    expect(preview.actions.map((action) => action.leads)).toEqual([
      ['Human Resources'],
      ['Human Resources'],
      ['Policy Team'],
    ]);
  });

  it('reads an ODS whose cells use repeats, spaces and line breaks', async () => {
    const content =
      '<?xml version="1.0" encoding="UTF-8"?>' +
      '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">' +
      '<office:body><office:spreadsheet><table:table table:name="Plan">' +
      '<table:table-row><table:table-cell office:value-type="string"><text:p>Ref</text:p></table:table-cell>' +
      '<table:table-cell office:value-type="string"><text:p>Action</text:p></table:table-cell>' +
      '<table:table-cell office:value-type="string"><text:p>Deadline</text:p></table:table-cell>' +
      '<table:table-cell office:value-type="string"><text:p>Responsible officer</text:p></table:table-cell></table:table-row>' +
      '<table:table-row><table:table-cell office:value-type="float" office:value="1.1"><text:p>1.1</text:p></table:table-cell>' +
      '<table:table-cell office:value-type="string"><text:p>Train<text:s text:c="2"/>all managers</text:p><text:list><text:list-item><text:p>Reach 200 managers</text:p></text:list-item></text:list></table:table-cell>' +
      '<table:table-cell table:number-columns-repeated="2"/></table:table-row>' +
      '<table:table-row><table:table-cell office:value-type="float" office:value="1.2"><text:p>1.2</text:p></table:table-cell>' +
      '<table:table-cell office:value-type="string"><text:p>Publish data</text:p></table:table-cell>' +
      '<table:table-cell office:value-type="string"><text:p>Q3 2025</text:p></table:table-cell>' +
      '<table:table-cell office:value-type="string"><text:p>BI Team</text:p><text:p>People Services</text:p></table:table-cell></table:table-row>' +
      '</table:table></office:spreadsheet></office:body></office:document-content>';
    const zip = new JSZip();
    zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
    zip.file('content.xml', content);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const preview = await parsePlanDocument({ fileName: 'plan.ods', bytes });
    expect(preview.actions.map((action) => [action.ref, action.title, action.leads])).toEqual([
      ['1.1', 'Train all managers Reach 200 managers', []],
      ['1.2', 'Publish data', ['BI Team', 'People Services']],
    ]);
  });

  it('reads a semicolon CSV with quoted multi-line cells', async () => {
    const csv =
      'Ref;Action;Due date;Lead\r\n1.1;"Review policies\n- HR policies\n- Procurement policies";"March 2026";"HR; Procurement"\r\n';
    const preview = await parsePlanDocument({ fileName: 'plan.csv', bytes: textBytes(csv), mediaType: 'text/csv' });
    expect(preview.actions.map((action) => [action.ref, action.title, action.description, action.leads])).toEqual([
      ['1.1a', 'HR policies', 'Review policies', ['HR', 'Procurement']],
      ['1.1b', 'Procurement policies', 'Review policies', ['HR', 'Procurement']],
    ]);
  });
});
