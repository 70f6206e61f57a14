#!/usr/bin/env node
// `npm run bench -- <name> [options]`: compiles test/bench/<name>/ (and whatever it imports) with
// SWC into dist/bench/ and runs it. One folder per benchmark: a folder under test/bench/ with a
// main.ts is a benchmark; its other top-level .ts files are entry points too (child processes).
// Everything the entries import through relative paths or `@due-regard/*` is compiled, nothing
// else, so work in progress elsewhere in the tree does not break a benchmark that does not use it.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import swc from '@swc/core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const benchRoot = join(root, 'test/bench');
const outRoot = join(root, 'dist/bench');

function benchmarkNames() {
  if (!existsSync(benchRoot)) return [];
  return readdirSync(benchRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(benchRoot, entry.name, 'main.ts')))
    .map((entry) => entry.name)
    .sort();
}

const [name, ...benchArgs] = process.argv.slice(2);
const names = benchmarkNames();
if (!name || !names.includes(name)) {
  const what = name ? `unknown benchmark "${name}"` : 'no benchmark named';
  process.stderr.write(
    `bench: ${what}; available: ${names.join(', ') || '(none)'} (usage: npm run bench -- <name> [options])\n`,
  );
  process.exit(2);
}

const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;
const swcOptions = {
  ...swcrc,
  swcrc: false,
  configFile: false,
  sourceMaps: true,
  jsc: { ...swcrc.jsc, baseUrl: root },
};

/** Relative import specifiers of compiled ESM (static, re-exports and dynamic with a literal). */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\1/g;

function sourceFor(importer, specifier) {
  const target = resolve(dirname(importer), specifier);
  const candidates = target.endsWith('.js')
    ? [target.slice(0, -3) + '.ts', target.slice(0, -3) + '.tsx', target]
    : [target + '.ts', join(target, 'index.ts'), target];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

async function compile(entries) {
  rmSync(outRoot, { recursive: true, force: true });
  const seen = new Set();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const rel = relative(root, file);
    const outFile = join(outRoot, rel.replace(/\.tsx?$/, '.js'));
    mkdirSync(dirname(outFile), { recursive: true });
    if (!/\.tsx?$/.test(file)) {
      writeFileSync(outFile, readFileSync(file));
      continue;
    }
    let output;
    try {
      output = await swc.transformFile(file, {
        ...swcOptions,
        filename: file,
        sourceFileName: relative(dirname(outFile), file),
      });
    } catch (error) {
      process.stderr.write(`bench: cannot compile ${rel}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    }
    const mapName = `${outFile.split('/').pop()}.map`;
    writeFileSync(outFile, `${output.code}\n//# sourceMappingURL=${mapName}\n`);
    if (output.map) writeFileSync(`${outFile}.map`, output.map);
    for (const match of output.code.matchAll(SPECIFIER)) {
      const source = sourceFor(file, match[2]);
      if (!source) {
        process.stderr.write(`bench: ${rel} imports ${match[2]}, which does not exist\n`);
        process.exit(1);
      }
      if (!seen.has(source)) queue.push(source);
    }
  }
  return seen.size;
}

const benchDir = join(benchRoot, name);
const entries = readdirSync(benchDir)
  .filter((file) => /\.ts$/.test(file) && !/\.(spec|test|d)\.ts$/.test(file))
  .map((file) => join(benchDir, file));
const started = performance.now();
const compiled = await compile(entries);
process.stderr.write(
  `bench: compiled ${compiled} files with SWC into ${relative(root, outRoot)}/ in ${Math.round(performance.now() - started)} ms\n`,
);

const main = join(outRoot, 'test/bench', name, 'main.js');
const child = spawn(process.execPath, ['--enable-source-maps', main, ...benchArgs], { cwd: root, stdio: 'inherit' });
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code, signal) => {
  if (signal) process.stderr.write(`bench: ${name} ended by ${signal}\n`);
  process.exit(code ?? 1);
});
