#!/usr/bin/env node
// `npm test [-- <jest arguments>]`: jest on Node's VM modules (native ESM).
//
// With no arguments, the whole suite runs in shards, one jest process after another, each in band:
// jest keeps every test file's ES modules alive in its process (VM modules cannot be unloaded), so
// one process for all ~200 files ran out of heap. Every shard runs even when one fails; the exit
// code says whether all passed. With arguments (a path, -t, --selectProjects), jest runs once.
// `--forceExit`: some suite leaves a handle open (jest says so after the run, without naming it);
// a shard must end when its tests have, not wait for CI's time limit.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHARDS = 6;
const node = [
  '--experimental-vm-modules',
  '--max-old-space-size=6144',
  path.join(root, 'node_modules/jest/bin/jest.js'),
];

function jest(args) {
  const result = spawnSync(process.execPath, [...node, '--forceExit', ...args], { cwd: root, stdio: 'inherit' });
  return result.status ?? 1;
}

const args = process.argv.slice(2);
if (args.length > 0) process.exit(jest(args));

const failed = [];
for (let shard = 1; shard <= SHARDS; shard += 1) {
  process.stdout.write(`\n==> npm test: shard ${shard} of ${SHARDS}\n`);
  if (jest([`--shard=${shard}/${SHARDS}`]) !== 0) failed.push(shard);
}
if (failed.length > 0) {
  process.stderr.write(`npm test: shard ${failed.join(', ')} of ${SHARDS} failed\n`);
  process.exit(1);
}
process.stdout.write(`npm test: all ${SHARDS} shards passed\n`);
