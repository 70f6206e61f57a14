import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The repository root, found from this file's location (the folder holding package.json). */
export function repoRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('no package.json above the test file');
    dir = parent;
  }
  return dir;
}

export const DEMO_DOCUMENTS = {
  charnwood2024: 'charnwood-equality-action-plan-2024-2026.txt',
  charnwood2016: 'charnwood-equality-action-plan-2016-2018.txt',
  leicestershire: 'leicestershire-edi-strategy-2024-2028.txt',
} as const;

/** The demo plans as the app ships them (infra/demo/plans). */
export function demoDocumentPath(name: string): string {
  return path.join(repoRoot(), 'infra/demo/plans', name);
}

export function demoDocument(name: string): { fileName: string; bytes: Uint8Array } {
  return { fileName: name, bytes: new Uint8Array(readFileSync(demoDocumentPath(name))) };
}

export function demoDocumentLines(name: string): string[] {
  return readFileSync(demoDocumentPath(name), 'utf8')
    .split(/\r?\n/)
    .map((line) => line.replace(/\t/g, ' '));
}
