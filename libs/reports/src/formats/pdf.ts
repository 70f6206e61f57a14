import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { ReportBlock, ReportDocument, ReportSection } from '../content/report-document.js';

/**
 * Liberation Sans (SIL Open Font License), which pdfjs-dist ships: embedded (subset) in every PDF,
 * as PDF/UA requires; PDF's standard 14 fonts are never embedded.
 */
const FONTS = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts');
const REGULAR = join(FONTS, 'LiberationSans-Regular.ttf');
const BOLD = join(FONTS, 'LiberationSans-Bold.ttf');

/** pdfkit writes PDF/UA's identification (pdfuaid:part 1) for this subset; its types list only PDF/A. */
const PDF_UA = 'PDF/UA' as unknown as PDFKit.Mixins.PDFSubsets;

type Struct = PDFKit.PDFStructureElement;

/**
 * A tagged PDF (PDF/UA-1): a structure tree (Document, Sect, H1-H3, P, L/LI/LBody, Table/TR/TH/TD)
 * in reading order, the language and title in the catalogue (the title shown instead of the file
 * name), bookmarks for every heading, and real, embedded text. A table is laid out row by row —
 * the row's header, then each cell under its column's name — because a report's action tables are
 * too wide for a page; the structure keeps them tables.
 */
export function renderPdf(document: ReportDocument, generatedFor: Date): Promise<Buffer> {
  const pdf = new PDFDocument({
    pdfVersion: '1.7',
    subset: PDF_UA,
    tagged: true,
    displayTitle: true,
    lang: document.language,
    size: 'A4',
    margin: 56,
    info: {
      Title: document.title,
      Subject: document.subtitle,
      Author: 'Due Regard',
      Creator: 'Due Regard',
      CreationDate: generatedFor,
      ModDate: generatedFor,
    },
  });
  pdf.registerFont('Body', REGULAR);
  pdf.registerFont('Bold', BOLD);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const text = (parent: Struct, tag: string, words: string, font: 'Body' | 'Bold', size: number, gap = 6): void => {
    parent.add(
      pdf.struct(tag, {}, () => {
        pdf.font(font).fontSize(size).text(words, { paragraphGap: gap });
      }),
    );
  };

  const block = (parent: Struct, content: ReportBlock): void => {
    switch (content.kind) {
      case 'paragraph':
        text(parent, 'P', content.text, 'Body', 10);
        return;
      case 'list': {
        const list = pdf.struct('L');
        parent.add(list);
        for (const item of content.items) {
          const entry = pdf.struct('LI');
          list.add(entry);
          entry.add(
            pdf.struct('LBody', {}, () => {
              pdf.font('Body').fontSize(10).text(`•  ${item}`, { indent: 8, paragraphGap: 3 });
            }),
          );
          entry.end();
        }
        list.end();
        return;
      }
      case 'table': {
        const table = pdf.struct('Table');
        parent.add(table);
        text(table, 'Caption', content.caption, 'Bold', 11);
        for (const row of content.rows) {
          const tableRow = pdf.struct('TR');
          table.add(tableRow);
          row.forEach((cell, index) => {
            if (index === 0) {
              text(tableRow, 'TH', cell === '' ? '—' : cell, 'Bold', 10, 2);
            } else {
              text(tableRow, 'TD', `${content.columns[index] ?? ''}: ${cell === '' ? '—' : cell}`, 'Body', 9, 1);
            }
          });
          tableRow.end();
          pdf.moveDown(0.5);
        }
        table.end();
        return;
      }
    }
  };

  const section = (parent: Struct, content: ReportSection, level: 2 | 3, outline: PDFKit.PDFOutline): void => {
    const sect = pdf.struct('Sect');
    parent.add(sect);
    pdf.moveDown(0.5);
    text(sect, `H${level}`, content.heading, 'Bold', level === 2 ? 15 : 12);
    const bookmark = outline.addItem(content.heading);
    for (const item of content.blocks) block(sect, item);
    for (const subsection of content.subsections) section(sect, subsection, 3, bookmark);
    sect.end();
  };

  const root = pdf.struct('Document');
  pdf.addStructure(root);
  text(root, 'H1', document.title, 'Bold', 20);
  pdf.outline.addItem(document.title);
  text(root, 'P', document.subtitle, 'Body', 12, 12);
  for (const content of document.sections) section(root, content, 2, pdf.outline);
  root.end();
  pdf.end();
  return ended;
}
