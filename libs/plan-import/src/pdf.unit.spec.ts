import { readFileSync } from 'node:fs';
import path from 'node:path';

import { parsePlanDocument, PlanImportError, type PlanPreview } from './index.js';
import { pdfFromText, repoRoot, scannedPdf } from './testing/documents.js';

const VARIED = path.join(repoRoot(), 'libs/plan-import/src/testing/plans-varied');

type Expected = {
  readonly actions: number;
  readonly objectives: number;
  readonly actions_detail: readonly {
    readonly ref: string | null;
    readonly objective: string | null;
    readonly leads: readonly string[];
  }[];
};

function summary(
  preview: PlanPreview,
): Pick<Expected, 'actions' | 'objectives'> & { detail: Expected['actions_detail'] } {
  return {
    actions: preview.actions.length,
    objectives: preview.objectives.length,
    detail: preview.actions.map((action) => ({ ref: action.ref, objective: action.objective, leads: action.leads })),
  };
}

describe('a PDF, read from its text layer', () => {
  it.each([
    'northmoor-dc-equality-action-plan-2025-27',
    'ashby-fen-dc-edi-delivery-plan-2025-26-q2-update',
    'redwater-dc-workforce-equality-plan-project-extract',
    'harrowfield-bc-equality-action-plan-2025-26',
    'eastwold-dc-equality-objectives-2025-29-narrative',
  ])(
    'reads %s drawn as a PDF table (wrapped cells, page breaks, the header again on each page) as its text reads',
    async (stem) => {
      const text = readFileSync(path.join(VARIED, `${stem}.txt`), 'utf8');
      const expected = JSON.parse(readFileSync(path.join(VARIED, `${stem}.expected.json`), 'utf8')) as Expected;
      // A short page, so that every table breaks over pages.
      const bytes = await pdfFromText(text, { pageHeight: 420 });
      const preview = await parsePlanDocument({ fileName: `${stem}.pdf`, bytes });
      expect(preview.source).toMatchObject({ format: 'pdf', mediaType: 'application/pdf' });
      if (text.includes('\t')) expect(preview.rows.filter((row) => row.role === 'header').length).toBeGreaterThan(1);
      expect(summary(preview)).toEqual({
        actions: expected.actions,
        objectives: expected.objectives,
        detail: expected.actions_detail.map(({ ref, objective, leads }) => ({ ref, objective, leads })),
      });
    },
  );

  it('answers a PDF without a text layer: it is a scan', async () => {
    const error = await parsePlanDocument({ fileName: 'scan.pdf', bytes: await scannedPdf() }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PlanImportError);
    expect(error).toMatchObject({ code: 'UNSUPPORTED_TYPE' });
    expect((error as PlanImportError).message).toMatch(/^This PDF is a scan: it has no text layer/);
  });
});
