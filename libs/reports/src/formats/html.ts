import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ReportBlock, ReportDocument, ReportSection } from '../content/report-document.js';

/** GOV.UK Frontend's stylesheet, inlined so that the downloaded file stands alone. */
const GOVUK_CSS = readFileSync(
  createRequire(import.meta.url).resolve('govuk-frontend/dist/govuk/govuk-frontend.min.css'),
  'utf8',
);

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escaped(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

function block(content: ReportBlock): string {
  switch (content.kind) {
    case 'paragraph':
      return `<p class="govuk-body">${escaped(content.text)}</p>`;
    case 'list':
      return `<ul class="govuk-list govuk-list--bullet">${content.items.map((item) => `<li>${escaped(item)}</li>`).join('')}</ul>`;
    case 'table': {
      const head = content.columns
        .map((column) => `<th scope="col" class="govuk-table__header">${escaped(column)}</th>`)
        .join('');
      const rows = content.rows
        .map(
          ([first = '', ...rest]) =>
            `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${escaped(first)}</th>` +
            rest.map((cell) => `<td class="govuk-table__cell">${escaped(cell)}</td>`).join('') +
            '</tr>',
        )
        .join('');
      return (
        `<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">${escaped(content.caption)}</caption>` +
        `<thead class="govuk-table__head"><tr class="govuk-table__row">${head}</tr></thead>` +
        `<tbody class="govuk-table__body">${rows}</tbody></table>`
      );
    }
  }
}

function section(content: ReportSection, level: 2 | 3): string {
  const size = level === 2 ? 'l' : 'm';
  return (
    `<section><h${level} class="govuk-heading-${size}">${escaped(content.heading)}</h${level}>` +
    content.blocks.map(block).join('\n') +
    content.subsections.map((subsection) => section(subsection, 3)).join('\n') +
    '</section>'
  );
}

/** A whole, accessible HTML page: GOV.UK styles, one h1, h2 and h3 sections, tables with captions and scoped headers. */
export function renderHtml(document: ReportDocument): Buffer {
  const html = `<!DOCTYPE html>
<html lang="${document.language}" class="govuk-template">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escaped(document.title)}</title>
<style>${GOVUK_CSS}</style>
</head>
<body class="govuk-template__body">
<div class="govuk-width-container">
<main class="govuk-main-wrapper" id="main-content">
<h1 class="govuk-heading-xl">${escaped(document.title)}</h1>
<p class="govuk-body-l">${escaped(document.subtitle)}</p>
${document.sections.map((content) => section(content, 2)).join('\n')}
</main>
</div>
</body>
</html>
`;
  return Buffer.from(html, 'utf8');
}
