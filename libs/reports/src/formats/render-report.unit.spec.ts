import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { progressReport } from '../content/progress-report.js';
import { REPORT_FORMATS, type ReportFormat } from '../domain/report.js';
import { HOSTILE_TITLES, samplePlan } from '../testing/sample-plan.js';
import { renderReport } from './render-report.js';

const { plan, details } = samplePlan(12);
const document = progressReport({
  councilName: 'Charnwood Borough Council',
  asOf: '2025-03-31',
  plan,
  actions: details,
  since: null,
});
const generatedFor = new Date('2025-03-31T22:59:59.999Z');
const refs = details.map((detail) => detail.ref ?? '');
const planTitle = plan.plan.title;

/** Text of XML, tags dropped and entities read back. */
function xmlText(xml: string): string {
  return xml
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');
}

function csvRows(bytes: Buffer): string[][] {
  const rows: unknown = parse(bytes, { bom: true });
  return rows as string[][];
}

async function zipEntry(bytes: Buffer, name: string): Promise<string> {
  const file = (await JSZip.loadAsync(bytes)).file(name);
  if (file === null) throw new Error(`The package has no ${name}`);
  return file.async('string');
}

async function pdfText(bytes: Buffer): Promise<string> {
  const loading = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false });
  const pdf = await loading.promise;
  let text = '';
  for (let page = 1; page <= pdf.numPages; page += 1) {
    const content = await (await pdf.getPage(page)).getTextContent();
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? ' ' : '');
  }
  await loading.destroy();
  return text;
}

/** Each document read back as what a person would read in it: one text. */
const readBack: Readonly<Record<ReportFormat, (bytes: Buffer) => Promise<string>>> = {
  html: (bytes) => Promise.resolve(xmlText(bytes.toString('utf8'))),
  csv: (bytes) => Promise.resolve(csvRows(bytes).flat().join('\n')),
  pdf: pdfText,
  docx: async (bytes) => xmlText(await zipEntry(bytes, 'word/document.xml')),
  odt: async (bytes) => xmlText(await zipEntry(bytes, 'content.xml')),
  xlsx: async (bytes) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    const cells: string[] = [];
    workbook.getWorksheet('Actions')?.eachRow((row) => row.eachCell((cell) => cells.push(cell.text)));
    return cells.join('\n');
  },
  ods: async (bytes) => xmlText(await zipEntry(bytes, 'content.xml')),
};

const squeezed = (text: string): string => text.replace(/\s+/g, ' ');

describe('every format of a report opens and says what the content says', () => {
  it.each(REPORT_FORMATS)('%s: read back, it has the plan title and every action ref', async (format) => {
    const rendered = await renderReport(document, format, generatedFor);
    expect(rendered.fileName).toBe(`equality-strategy-action-plan-2024-2026-progress-2025-03-31.${format}`);
    const text = squeezed(await readBack[format](rendered.bytes));
    expect(text).toContain(planTitle);
    for (const ref of refs) expect(text).toMatch(new RegExp(`(^|[^0-9.])${ref.replace('.', '\\.')}([^0-9.]|$)`));
  });
});

describe('spreadsheet cells that a spreadsheet would take for formulas are neutralised', () => {
  const hostile = HOSTILE_TITLES.map((title) => `'${title}`);

  it('csv', async () => {
    const rows = csvRows((await renderReport(document, 'csv', generatedFor)).bytes);
    const titles = rows.map((row) => row[4]);
    for (const title of hostile) expect(titles).toContain(title);
    expect(titles).not.toContain(HOSTILE_TITLES[0]);
  });

  it('xlsx', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array((await renderReport(document, 'xlsx', generatedFor)).bytes).buffer);
    const sheet = workbook.getWorksheet('Actions');
    // XML reads a carriage return back as a line feed.
    const lineFeeds = (text: unknown) => String(text).replaceAll('\r', '\n');
    const titles: string[] = [];
    sheet?.eachRow((row) => titles.push(lineFeeds(row.getCell(5).value)));
    for (const title of hostile) expect(titles).toContain(lineFeeds(title));
    // Stored as text, never as a formula.
    sheet?.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('ods', async () => {
    const content = await zipEntry((await renderReport(document, 'ods', generatedFor)).bytes, 'content.xml');
    const cells = [...content.matchAll(/<text:p>([^<]*)<\/text:p>/g)].map((match) => xmlText(match[1] ?? ''));
    for (const title of hostile) expect(cells).toContain(title);
    expect(content).not.toContain('table:formula');
  });

  it('leaves the documents as written', async () => {
    const html = (await renderReport(document, 'html', generatedFor)).bytes.toString('utf8');
    expect(html).toContain('=HYPERLINK(&quot;http://example.invalid&quot;,&quot;Click&quot;)');
  });
});

describe('the documents are accessible by structure', () => {
  it('pdf: tagged PDF/UA with language, title shown, bookmarks, a structure tree and embedded fonts', async () => {
    const bytes = (await renderReport(document, 'pdf', generatedFor)).bytes;
    const raw = bytes.toString('latin1');
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toContain('/Marked true');
    expect(raw).toContain('/Lang (en-GB)');
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toContain('/StructTreeRoot');
    const loading = getDocument({ data: new Uint8Array(bytes) });
    const pdf = await loading.promise;
    const { info, metadata } = (await pdf.getMetadata()) as {
      info: Record<string, unknown>;
      metadata: { get(name: string): unknown } | null;
    };
    expect(info).toMatchObject({ Title: document.title, Language: 'en-GB', PDFFormatVersion: '1.7' });
    expect(metadata?.get('pdfuaid:part')).toBe('1');
    const outline = (await pdf.getOutline()) ?? [];
    expect(outline.map((item) => item.title)).toEqual(
      expect.arrayContaining([document.title, 'Summary', 'PEO 1 Objective 1: fair services for everyone']),
    );
    const tree = JSON.stringify(await (await pdf.getPage(1)).getStructTree());
    for (const role of ['Document', 'H1', 'Sect', 'H2', 'P', 'Table', 'TR', 'TH', 'TD']) {
      expect(tree).toContain(`"role":"${role}"`);
    }
    await loading.destroy();
    // TrueType programs embedded, not the unembedded standard 14 fonts.
    expect(bytes.toString('latin1')).toContain('/FontFile2');
    expect(bytes.toString('latin1')).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it('docx: heading styles, a header row repeated and real tables, in British English', async () => {
    const bytes = (await renderReport(document, 'docx', generatedFor)).bytes;
    const body = await zipEntry(bytes, 'word/document.xml');
    expect(body).toContain('<w:pStyle w:val="Title"/>');
    expect(body).toContain('<w:pStyle w:val="Heading1"/>');
    expect(body).toContain('<w:tbl>');
    expect(body).toContain('<w:tblHeader/>');
    expect(await zipEntry(bytes, 'word/styles.xml')).toContain('w:val="en-GB"');
    expect(await zipEntry(bytes, 'docProps/core.xml')).toContain(`<dc:title>${document.title}</dc:title>`);
  });

  it('odt: a valid package with heading styles, header rows, captions and its language', async () => {
    const bytes = (await renderReport(document, 'odt', generatedFor)).bytes;
    // The mimetype comes first and uncompressed: how an ODF reader knows the package.
    expect(bytes.subarray(30, 38).toString('latin1')).toBe('mimetype');
    expect(bytes.subarray(38, 77).toString('latin1')).toBe('application/vnd.oasis.opendocument.text');
    const content = await zipEntry(bytes, 'content.xml');
    expect(content).toContain('<text:h text:style-name="Heading_20_1" text:outline-level="1">Summary</text:h>');
    expect(content).toContain('<table:table-header-rows>');
    expect(content).toContain('<text:p text:style-name="Table">Actions by status</text:p>');
    expect(await zipEntry(bytes, 'styles.xml')).toContain('fo:language="en" fo:country="GB"');
    expect(await zipEntry(bytes, 'meta.xml')).toContain(`<dc:title>${document.title}</dc:title>`);
  });

  it('html: one h1, tables with captions and scoped column and row headers', async () => {
    const html = (await renderReport(document, 'html', generatedFor)).bytes.toString('utf8');
    expect(html.match(/<h1 /g)).toHaveLength(1);
    expect(html).toContain('<html lang="en-GB"');
    expect(html).toContain('<caption class="govuk-table__caption govuk-table__caption--s">Actions by status</caption>');
    expect(html).toContain('<th scope="col" class="govuk-table__header">Ref</th>');
    expect(html).toContain('<th scope="row" class="govuk-table__header">1.1</th>');
  });

  it('is the same bytes when rendered again, for the formats that allow it', async () => {
    for (const format of ['html', 'csv', 'odt', 'ods'] as const) {
      const first = await renderReport(document, format, generatedFor);
      const again = await renderReport(document, format, generatedFor);
      expect(again.bytes.equals(first.bytes)).toBe(true);
    }
  });
});
