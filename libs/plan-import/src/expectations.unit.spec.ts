import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { finalDueDate, type DueKind } from '@due-regard/plans';

import { parsePlanDocument, type PlanPreview } from './index.js';
import { repoRoot } from './testing/documents.js';

/**
 * Every plan in the two fixture folders previews as its hand-counted `.expected.json` says:
 * the nine varied layouts (`testing/plans-varied/`, copied from the shared fixtures with their
 * README) and the three real plans (`infra/demo/plans/`, expectations counted by reading them).
 */
type ExpectedAction = {
  readonly ref: string | null;
  readonly objective: string | null;
  readonly due_text: string | null;
  readonly due_last_date: string | null;
  readonly due_kind: DueKind;
  readonly leads: readonly string[];
  readonly measures: number;
};
type Expected = {
  readonly groups: number;
  readonly objectives: number;
  readonly actions: number;
  readonly actions_detail: readonly ExpectedAction[];
  readonly objective_measures_total: number;
};

const FOLDERS = ['libs/plan-import/src/testing/plans-varied', 'infra/demo/plans'];

const plans = FOLDERS.flatMap((folder) => {
  const directory = path.join(repoRoot(), folder);
  return readdirSync(directory)
    .filter((name) => name.endsWith('.expected.json'))
    .map((expectedName) => {
      const stem = expectedName.replace(/\.expected\.json$/, '');
      const document = readdirSync(directory).find(
        (name) => name.startsWith(`${stem}.`) && !name.endsWith('.expected.json'),
      );
      if (document === undefined) throw new Error(`no document for ${expectedName}`);
      return { name: document, directory, expectedName };
    });
});

/** The last concrete date a due names: its final deadline, or the last date a schedule names. */
function lastDate(due: PlanPreview['actions'][number]['due']): string | null {
  return finalDueDate(due) ?? due.dates.at(-1) ?? null;
}

function actual(preview: PlanPreview): Expected {
  return {
    groups: preview.groups.length,
    objectives: preview.objectives.length,
    actions: preview.actions.length,
    actions_detail: preview.actions.map((action) => ({
      ref: action.ref,
      objective: action.objective,
      due_text: action.due.text,
      due_last_date: lastDate(action.due),
      due_kind: action.due.kind,
      leads: action.leads,
      measures: action.measures.length,
    })),
    objective_measures_total: preview.objectives.reduce((sum, objective) => sum + objective.measures.length, 0),
  };
}

function expected(raw: Expected): Expected {
  return {
    groups: raw.groups,
    objectives: raw.objectives,
    actions: raw.actions,
    actions_detail: raw.actions_detail.map((action) => ({
      ref: action.ref,
      objective: action.objective,
      due_text: action.due_text,
      due_last_date: action.due_last_date,
      due_kind: action.due_kind,
      leads: action.leads,
      measures: action.measures,
    })),
    objective_measures_total: raw.objective_measures_total,
  };
}

it('has the nine varied plans and the three real ones', () => {
  expect(plans).toHaveLength(12);
});

describe.each(plans)('$name', ({ name, directory, expectedName }) => {
  it('previews as its expectation file says', async () => {
    const want = expected(JSON.parse(readFileSync(path.join(directory, expectedName), 'utf8')) as Expected);
    const preview = await parsePlanDocument({ fileName: name, bytes: readFileSync(path.join(directory, name)) });
    expect(actual(preview)).toEqual(want);
  });
});
