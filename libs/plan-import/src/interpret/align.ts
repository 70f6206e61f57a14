/**
 * Places a row's non-empty cells under the header's columns. A PDF copy shifts cells (an empty
 * heading cell, a lost reference cell, debris in the first cell), so the placement is the best
 * monotone alignment: each cell scores how well it fits a column, moving it away from where it is
 * expected costs something, and a cell may be left out (it is then reported).
 */
export type AlignedCell<F> = { readonly fragment: F; readonly column: number };

export function alignRow<F extends { readonly index: number }, C extends { readonly index: number }>(
  fragments: readonly F[],
  columns: readonly C[],
  score: (fragment: F, column: C) => number,
  dropScore: (fragment: F) => number,
  shiftCost: (fragment: F, column: C) => number,
): { placed: AlignedCell<F>[]; dropped: F[] } {
  const n = fragments.length;
  const m = columns.length;
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(-Infinity));
  const move: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  best[0]![0] = 0;
  for (let i = 0; i <= n; i += 1) {
    for (let j = 0; j <= m; j += 1) {
      const here = best[i]![j]!;
      if (here === -Infinity) continue;
      if (j < m && here > best[i]![j + 1]!) {
        best[i]![j + 1] = here;
        move[i]![j + 1] = 1;
      }
      if (i < n) {
        const fragment = fragments[i]!;
        const dropped = here + dropScore(fragment);
        if (dropped > best[i + 1]![j]!) {
          best[i + 1]![j] = dropped;
          move[i + 1]![j] = 2;
        }
        if (j < m) {
          const column = columns[j]!;
          const matched = here + score(fragment, column) - shiftCost(fragment, column);
          if (matched > best[i + 1]![j + 1]!) {
            best[i + 1]![j + 1] = matched;
            move[i + 1]![j + 1] = 3;
          }
        }
      }
    }
  }
  const placed: AlignedCell<F>[] = [];
  const dropped: F[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const step = move[i]![j]!;
    if (step === 1) j -= 1;
    else if (step === 2) {
      dropped.unshift(fragments[i - 1]!);
      i -= 1;
    } else if (step === 3) {
      placed.unshift({ fragment: fragments[i - 1]!, column: j - 1 });
      i -= 1;
      j -= 1;
    } else break;
  }
  return { placed, dropped };
}
