import type { GlobalPosition } from './event.js';

export const START: GlobalPosition = Object.freeze({ commit: 0n, prepare: 0n });

export function comparePositions(a: GlobalPosition, b: GlobalPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** `commit/prepare`, as kept in checkpoints and shown to operators. */
export function formatPosition(position: GlobalPosition): string {
  return `${position.commit}/${position.prepare}`;
}

export function parsePosition(text: string): GlobalPosition {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match?.[1] || !match[2]) {
    throw new Error(`"${text}" is not a global position (expected "commit/prepare", e.g. "0/0")`);
  }
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}
