import { BULLET, flat } from './cell-text.js';

/**
 * Leads are teams, written as councils write them: separated by "/", ";" or lines, or (in a copy
 * out of a PDF) run together ("Policy Team People Services DEGs"). Run-together names are split
 * where a name the same document uses alone begins or ends, and after a word that ends a team's
 * name ("… Team", "… Services") when a capitalised word follows.
 */
const EXPLICIT_SEPARATOR = /\s*(?:\/|;|\n|\|)\s*/;
const NAME_ENDINGS = new Set(
  (
    'team teams group groups services service department departments directorate directorates officer officers ' +
    'manager managers board boards unit units forum forums network networks committee committees partnership ' +
    'partnerships advisor adviser advisors advisers coordinator co-ordinator coordinators co-ordinators panel panels'
  ).split(' '),
);
const QUALIFIERS = new Set([
  'chair',
  'chairs',
  'lead',
  'leads',
  'champion',
  'champions',
  'representative',
  'representatives',
  'reps',
]);
const CONNECTORS = new Set(['and', '&', 'of', 'for', 'the', 'in', 'to', 'with', 'at', 'on']);

function words(text: string): string[] {
  return text.split(' ').filter((word) => word !== '');
}

function parts(cell: string): string[] {
  return cell
    .split('\n')
    .map((line) => (line.startsWith(BULLET) ? line.slice(BULLET.length) : line))
    .flatMap((item) => item.split(EXPLICIT_SEPARATOR))
    .map((part) =>
      part
        .replace(/\s+/g, ' ')
        .replace(/^[-–,.\s]+|[-–,\s]+$/g, '')
        .trim(),
    )
    .filter((part) => part !== '');
}

/** Names a document writes alone in a lead cell, that are not themselves two such names run together. */
export function knownLeads(cells: readonly string[]): string[] {
  const alone = new Set<string>();
  for (const cell of cells) {
    const cellParts = parts(cell);
    if (cellParts.length === 1 && cellParts[0] !== undefined && words(cellParts[0]).length <= 5)
      alone.add(cellParts[0]);
  }
  const sorted = [...alone].sort((a, b) => words(a).length - words(b).length);
  const atomic: string[] = [];
  for (const name of sorted) {
    const pieces = segmentByKnown(words(name), atomic);
    if (pieces.length > 1 && pieces.some((piece) => piece.known)) continue;
    atomic.push(name);
  }
  return atomic;
}

type Segment = { words: string[]; known: boolean };

function segmentByKnown(tokens: readonly string[], known: readonly string[]): Segment[] {
  const names = known.map((name) => words(name.toLowerCase())).sort((a, b) => b.length - a.length);
  const segments: Segment[] = [];
  let gap: string[] = [];
  let index = 0;
  while (index < tokens.length) {
    const match = names.find(
      (name) =>
        name.length > 0 &&
        index + name.length <= tokens.length &&
        name.every((word, offset) => tokens[index + offset]?.toLowerCase() === word),
    );
    if (match === undefined) {
      gap.push(tokens[index] ?? '');
      index += 1;
      continue;
    }
    if (gap.length > 0) segments.push({ words: gap, known: false });
    gap = [];
    let end = index + match.length;
    // "DEGs Chairs", "Human Resources Manager": a qualifier or a name's last word stays with the name.
    while (end < tokens.length) {
      const next = (tokens[end] ?? '').toLowerCase();
      if (!QUALIFIERS.has(next) && !NAME_ENDINGS.has(next)) break;
      end += 1;
    }
    segments.push({ words: tokens.slice(index, end), known: true });
    index = end;
  }
  if (gap.length > 0) segments.push({ words: gap, known: false });
  return segments;
}

function splitAfterNameEndings(tokens: readonly string[]): string[][] {
  const pieces: string[][] = [];
  let current: string[] = [];
  tokens.forEach((token, index) => {
    current.push(token);
    const next = tokens[index + 1];
    if (
      next !== undefined &&
      NAME_ENDINGS.has(token.toLowerCase()) &&
      /^[A-Z]/.test(next) &&
      !CONNECTORS.has(next.toLowerCase()) &&
      !NAME_ENDINGS.has(next.toLowerCase())
    ) {
      pieces.push(current);
      current = [];
    }
  });
  if (current.length > 0) pieces.push(current);
  return pieces;
}

export function splitLeads(cell: string, known: readonly string[]): string[] {
  const leads: string[] = [];
  const explicit = parts(cell);
  for (const part of explicit) {
    if (explicit.length > 1) {
      leads.push(part);
      continue;
    }
    for (const segment of segmentByKnown(words(part), known)) {
      if (segment.known) leads.push(segment.words.join(' '));
      else for (const piece of splitAfterNameEndings(segment.words)) leads.push(piece.join(' '));
    }
  }
  const seen = new Set<string>();
  return leads
    .map((lead) => flat(lead))
    .filter((lead) => {
      const key = lead.toLowerCase();
      if (lead === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
