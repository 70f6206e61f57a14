import { BULLET, flat } from '../interpret/cell-text.js';
import { readLabel } from './labels.js';
import { isNoise, type RoledRow } from './roles.js';
import type { GridRow } from './rows.js';

/**
 * A document with no table: headings, bullet lists and paragraphs. A labelled heading ("Equality
 * Objective One: …", "Priority 2") starts an objective or group; a short line is a heading that
 * says what the bullets under it are ("What we will do": actions; "How we will know…": measures);
 * a bullet with inline fields ("Lead: …  Timescale: …") is an action wherever it is; a line that
 * starts with a field or is indented goes on with the bullet above; other text is not the plan.
 */
const ACTIONS_CUE =
  /\b(?:what we will do|what we are going to do|actions?|we will|our commitments?|how we will (?:do|deliver|achieve)|activities|steps)\b/i;
const MEASURES_CUE =
  /\b(?:how we will (?:know|measure|tell)|how will we know|measures?|measuring|indicators?|success (?:looks|will look|criteria)|kpis?|targets?|evidence)\b/i;
export const FIELD =
  /(?:^|\s)(Lead(?:\s+officers?)?s?|Owners?|Responsible(?:\s+officer)?|Timescales?|By when|Due(?:\s+date)?|Deadline|Target date|Completion date|When|Success measures?|Measures?|Progress|Status)\s*:\s*/gi;
const BULLET_LINE = /^\s*(?:[•·◦▪■●○‣⁃∙➢➤►✓✔*]|[-–—](?=\s)|\d{1,2}[.)](?=\s)|\(?[a-z][.)](?=\s))\s*/u;

export function hasFields(text: string): boolean {
  FIELD.lastIndex = 0;
  return FIELD.test(text);
}

export function narrativeRoles(rows: readonly GridRow[]): RoledRow[] {
  const roled: RoledRow[] = [];
  let list: 'actions' | 'measures' | null = null;
  let inObjective = false;
  let previous: 'action' | 'measure' | null = null;
  const push = (row: GridRow, role: RoledRow['role'], why: string): void => {
    roled.push({ row, role, why, by: 'features' });
  };
  for (const row of rows) {
    const raw = row.cells.join(' ');
    const text = flat(raw);
    if (isNoise(row.cells)) {
      push(row, 'ignore', 'page furniture or debris');
      continue;
    }
    const bulleted = raw.startsWith(BULLET) || BULLET_LINE.test(raw);
    const label = bulleted ? null : readLabel(text);
    if (label !== null && label.level !== 'action' && text.length <= 200) {
      push(row, label.level, `labelled "${label.label}"`);
      inObjective = true;
      list = null;
      previous = null;
      continue;
    }
    const fields = hasFields(text);
    if (bulleted || label?.level === 'action') {
      if (fields || (inObjective && list === 'actions')) {
        push(row, 'action', fields ? 'a bullet with a lead or timescale' : 'a bullet under a list of actions');
        previous = 'action';
      } else if (inObjective && list === 'measures') {
        push(row, 'measure', 'a bullet under a list of measures');
        previous = 'measure';
      } else {
        push(row, 'ignore', 'a bullet outside any objective');
        previous = null;
      }
      continue;
    }
    if (previous !== null && (row.indented || /^(?:[A-Z][a-z]+(?:\s[a-z]+)?)\s*:/.test(text) || /^[a-z]/.test(text))) {
      if (previous === 'action' || !fields) {
        push(row, 'continuation', 'goes on with the bullet above');
        continue;
      }
    }
    previous = null;
    if (text.split(' ').length <= 12 && !/[.;]$/.test(text)) {
      list = MEASURES_CUE.test(text) ? 'measures' : ACTIONS_CUE.test(text) ? 'actions' : null;
      if (list === null) inObjective = false;
      push(row, 'ignore', list === null ? 'a heading' : `a heading over a list of ${list}`);
      continue;
    }
    push(row, 'ignore', 'a paragraph');
  }
  return roled;
}

/** "Do this. Lead: X / Y. Timescale: Spring 2026." → the title and its fields by role. */
export function splitFields(text: string): { title: string; fields: Map<string, string> } {
  const fields = new Map<string, string>();
  FIELD.lastIndex = 0;
  const matches = [...text.matchAll(FIELD)];
  const first = matches[0];
  const title = (first === undefined ? text : text.slice(0, first.index)).trim();
  matches.forEach((match, index) => {
    const start = (match.index ?? 0) + match[0].length;
    const end = matches[index + 1]?.index ?? text.length;
    const value = text
      .slice(start, end)
      .trim()
      .replace(/[.;,]+$/, '')
      .trim();
    const name = (match[1] ?? '').toLowerCase();
    const role = /^(?:lead|owner|responsible)/.test(name)
      ? 'lead'
      : /^(?:timescale|by when|due|deadline|target date|completion date|when)/.test(name)
        ? 'due'
        : /measure/.test(name)
          ? 'measure'
          : /^(?:progress|status)/.test(name)
            ? 'progress'
            : 'lead';
    fields.set(role, fields.has(role) ? `${fields.get(role) ?? ''} / ${value}` : value);
  });
  return { title: title.replace(/^\s*(?:[-–—•*]\s*)/, '').trim(), fields };
}
