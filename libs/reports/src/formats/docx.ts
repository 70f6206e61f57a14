import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import type { ReportBlock, ReportDocument, ReportSection } from '../content/report-document.js';

const HEADINGS = { 2: HeadingLevel.HEADING_1, 3: HeadingLevel.HEADING_2 } as const;

function cell(text: string, header: boolean): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })] });
}

function block(content: ReportBlock): FileChild[] {
  switch (content.kind) {
    case 'paragraph':
      return [new Paragraph({ text: content.text })];
    case 'list':
      return content.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }));
    case 'table':
      return [
        // Word tables have no caption element: the caption is the paragraph Word's own "Insert Caption" makes.
        new Paragraph({ text: content.caption, style: 'Caption' }),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            // Repeated at the top of each page, and read as the header row by screen readers.
            new TableRow({ tableHeader: true, children: content.columns.map((column) => cell(column, true)) }),
            ...content.rows.map((row) => new TableRow({ children: row.map((text, index) => cell(text, index === 0)) })),
          ],
        }),
      ];
  }
}

function section(content: ReportSection, level: 2 | 3): FileChild[] {
  return [
    new Paragraph({ text: content.heading, heading: HEADINGS[level] }),
    ...content.blocks.flatMap(block),
    ...content.subsections.flatMap((subsection) => section(subsection, 3)),
  ];
}

/** Word: the title as the Title style, sections as Heading 1 and 2, real tables with a header row. */
export async function renderDocx(document: ReportDocument): Promise<Buffer> {
  const file = new Document({
    title: document.title,
    subject: document.subtitle,
    creator: 'Due Regard',
    styles: { default: { document: { run: { font: 'Arial', language: { value: document.language } } } } },
    sections: [
      {
        children: [
          new Paragraph({ text: document.title, heading: HeadingLevel.TITLE }),
          new Paragraph({ text: document.subtitle }),
          ...document.sections.flatMap((content) => section(content, 2)),
        ],
      },
    ],
  });
  return Packer.toBuffer(file);
}
