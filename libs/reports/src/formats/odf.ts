import JSZip from 'jszip';
import type { ReportBlock, ReportData, ReportDocument, ReportSection } from '../content/report-document.js';
import { neutralisedCell } from './spreadsheet-cells.js';

// A small OpenDocument (ODF 1.3) writer over JSZip: text documents (ODT) with heading styles, lists
// and real tables, and spreadsheets (ODS) of one sheet. What UK government's open standards ask
// for, without shipping LibreOffice.

const NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
].join(' ');

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function xml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => XML_ESCAPES[character] ?? character);
}

const TEXT_MEDIA_TYPE = 'application/vnd.oasis.opendocument.text';
const SPREADSHEET_MEDIA_TYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/** The language every paragraph is in, from a BCP 47 tag such as en-GB. */
function languageProperties(language: string): string {
  const [lang = 'en', country = 'GB'] = language.split('-');
  return `fo:language="${xml(lang)}" fo:country="${xml(country)}"`;
}

function headingStyle(level: number, size: string): string {
  return (
    `<style:style style:name="Heading_20_${level}" style:display-name="Heading ${level}" style:family="paragraph" ` +
    `style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:default-outline-level="${level}" style:class="text">` +
    `<style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>` +
    `<style:text-properties fo:font-size="${size}" fo:font-weight="bold"/></style:style>`
  );
}

function stylesXml(language: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${NAMESPACES} office:version="1.3"><office:styles>` +
    `<style:default-style style:family="paragraph"><style:text-properties style:font-name="Arial" fo:font-family="Arial" fo:font-size="11pt" ${languageProperties(language)}/></style:default-style>` +
    `<style:style style:name="Standard" style:family="paragraph" style:class="text"/>` +
    `<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-bottom="0.2cm"/></style:style>` +
    `<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter"><style:text-properties fo:font-size="24pt" fo:font-weight="bold"/></style:style>` +
    headingStyle(1, '18pt') +
    headingStyle(2, '14pt') +
    `<style:style style:name="Table" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:text-properties fo:font-weight="bold"/></style:style>` +
    `<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:text-properties fo:font-weight="bold"/></style:style>` +
    `</office:styles></office:document-styles>`
  );
}

function metaXml(document: ReportDocument, generatedFor: Date): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><office:document-meta ${NAMESPACES} office:version="1.3"><office:meta>` +
    `<meta:generator>Due Regard</meta:generator><dc:title>${xml(document.title)}</dc:title>` +
    `<dc:description>${xml(document.subtitle)}</dc:description><dc:language>${xml(document.language)}</dc:language>` +
    `<meta:creation-date>${generatedFor.toISOString()}</meta:creation-date>` +
    `</office:meta></office:document-meta>`
  );
}

function manifestXml(mediaType: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">` +
    `<manifest:file-entry manifest:full-path="/" manifest:media-type="${mediaType}"/>` +
    ['content.xml', 'styles.xml', 'meta.xml']
      .map((file) => `<manifest:file-entry manifest:full-path="${file}" manifest:media-type="text/xml"/>`)
      .join('') +
    `</manifest:manifest>`
  );
}

/** The mimetype entry first and stored (not compressed), as ODF requires; every entry dated `generatedFor`. */
async function odfPackage(
  mediaType: string,
  files: Readonly<Record<string, string>>,
  generatedFor: Date,
): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('mimetype', mediaType, { compression: 'STORE', date: generatedFor });
  for (const [name, content] of Object.entries(files)) zip.file(name, content, { date: generatedFor });
  zip.file('META-INF/manifest.xml', manifestXml(mediaType), { date: generatedFor });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', mimeType: mediaType });
}

function stringCell(text: string | number, style?: string): string {
  const styled = style === undefined ? '' : ` text:style-name="${style}"`;
  return typeof text === 'number'
    ? `<table:table-cell office:value-type="float" office:value="${text}"><text:p>${text}</text:p></table:table-cell>`
    : `<table:table-cell office:value-type="string"><text:p${styled}>${xml(text)}</text:p></table:table-cell>`;
}

function textBlock(content: ReportBlock, tableName: () => string): string {
  switch (content.kind) {
    case 'paragraph':
      return `<text:p text:style-name="Text_20_body">${xml(content.text)}</text:p>`;
    case 'list':
      return `<text:list>${content.items.map((item) => `<text:list-item><text:p>${xml(item)}</text:p></text:list-item>`).join('')}</text:list>`;
    case 'table': {
      const header = content.columns.map((column) => stringCell(column, 'Table_20_Heading')).join('');
      const rows = content.rows
        .map(
          ([first = '', ...rest]) =>
            `<table:table-row>${stringCell(first, 'Table_20_Heading')}${rest.map((cell) => stringCell(cell)).join('')}</table:table-row>`,
        )
        .join('');
      return (
        `<text:p text:style-name="Table">${xml(content.caption)}</text:p>` +
        `<table:table table:name="${tableName()}"><table:table-column table:number-columns-repeated="${content.columns.length}"/>` +
        `<table:table-header-rows><table:table-row>${header}</table:table-row></table:table-header-rows>${rows}</table:table>`
      );
    }
  }
}

function textSection(content: ReportSection, level: 1 | 2, tableName: () => string): string {
  return (
    `<text:h text:style-name="Heading_20_${level}" text:outline-level="${level}">${xml(content.heading)}</text:h>` +
    content.blocks.map((block) => textBlock(block, tableName)).join('') +
    content.subsections.map((subsection) => textSection(subsection, 2, tableName)).join('')
  );
}

/** OpenDocument text: the title, sections as Heading 1 and 2, lists, tables with captions and header rows. */
export function renderOdt(document: ReportDocument, generatedFor: Date): Promise<Buffer> {
  let tables = 0;
  // Every table of a document needs a name of its own.
  const tableName = (): string => `Table${(tables += 1)}`;
  const body =
    `<text:p text:style-name="Title">${xml(document.title)}</text:p>` +
    `<text:p text:style-name="Text_20_body">${xml(document.subtitle)}</text:p>` +
    document.sections.map((content) => textSection(content, 1, tableName)).join('');
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NAMESPACES} office:version="1.3"><office:body><office:text>${body}</office:text></office:body></office:document-content>`;
  return odfPackage(
    TEXT_MEDIA_TYPE,
    { 'content.xml': content, 'styles.xml': stylesXml(document.language), 'meta.xml': metaXml(document, generatedFor) },
    generatedFor,
  );
}

function sheet(data: ReportData): string {
  const row = (cells: readonly (string | number)[]) =>
    `<table:table-row>${cells.map((cell) => stringCell(neutralisedCell(cell))).join('')}</table:table-row>`;
  return (
    `<table:table table:name="${xml(data.sheetName)}"><table:table-column table:number-columns-repeated="${data.columns.length}"/>` +
    `<table:table-header-rows>${row(data.columns)}</table:table-header-rows>${data.rows.map(row).join('')}</table:table>`
  );
}

/** OpenDocument spreadsheet: one sheet, one row per action, every cell neutralised. */
export function renderOds(document: ReportDocument, generatedFor: Date): Promise<Buffer> {
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NAMESPACES} office:version="1.3"><office:body><office:spreadsheet>${sheet(document.data)}</office:spreadsheet></office:body></office:document-content>`;
  return odfPackage(
    SPREADSHEET_MEDIA_TYPE,
    { 'content.xml': content, 'styles.xml': stylesXml(document.language), 'meta.xml': metaXml(document, generatedFor) },
    generatedFor,
  );
}
