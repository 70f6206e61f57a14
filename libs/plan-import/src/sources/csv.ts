import { parse } from 'csv-parse/sync';

import { PlanImportError } from '../errors.js';
import { cellsOf, type SourceDocument } from './rows.js';

const CANDIDATE_DELIMITERS = [',', ';', '\t'] as const;

/** Counts a delimiter per line outside quotes; the one used most and most evenly wins. */
function sniffDelimiter(text: string): string {
  const lines = text
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '')
    .slice(0, 50);
  let best: string = ',';
  let bestScore = -1;
  for (const delimiter of CANDIDATE_DELIMITERS) {
    const counts = lines.map((line) => {
      let count = 0;
      let quoted = false;
      for (const char of line) {
        if (char === '"') quoted = !quoted;
        else if (char === delimiter && !quoted) count += 1;
      }
      return count;
    });
    const used = counts.filter((count) => count > 0).length;
    const total = counts.reduce((sum, count) => sum + count, 0);
    const score = used * 1000 + total;
    if (used > 0 && score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

export function readCsv(text: string): SourceDocument {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: sniffDelimiter(text),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PlanImportError('CORRUPT_DOCUMENT', `The CSV file cannot be read: ${reason}`);
  }
  return {
    format: 'csv',
    rows: records.map((record, index) => ({ cells: cellsOf(record), at: `row ${index + 1}` })),
  };
}
