#!/usr/bin/env node
// `npm run build`: compiles apps/ and libs/ with SWC (settings from .swcrc) into dist/, keeping the
// folder layout (dist/apps/<app>/src/main.js). Tests and test-only folders are left out; other
// non-TypeScript files beside the sources (templates, JSON) are copied as they are.
//
//   node infra/bin/build.mjs [--out-dir <dir inside the repository>]
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import swc from '@swc/core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { 'out-dir': { type: 'string', default: 'dist' } } });
const outDir = path.resolve(root, values['out-dir']);
if (path.relative(root, outDir).startsWith('..')) {
  // Node resolves packages by walking up from the compiled file: outside the repository it would
  // not find node_modules.
  console.error(`build: --out-dir must be inside ${root}`);
  process.exit(1);
}
const sourceRoots = ['apps', 'libs'];

const excluded = (relativePath) =>
  relativePath.endsWith('.spec.ts') ||
  relativePath.endsWith('.d.ts') ||
  relativePath.split(path.sep).includes('testing');

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* walk(full);
    } else if (entry.isFile()) {
      yield full;
    }
  }
}

const swcrc = JSON.parse(await readFile(path.join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;
// SWC's API (unlike its CLI) wants an absolute baseUrl to rewrite the @due-regard/* aliases.
swcrc.jsc.baseUrl = path.resolve(root, swcrc.jsc.baseUrl ?? '.');

async function compile(source, target) {
  const output = await swc.transformFile(source, {
    ...swcrc,
    swcrc: false,
    configFile: false,
    filename: source,
    outputPath: target,
    sourceFileName: path.relative(path.dirname(target), source),
  });
  await mkdir(path.dirname(target), { recursive: true });
  if (output.map) {
    const mapName = `${path.basename(target)}.map`;
    await writeFile(`${target}.map`, output.map);
    await writeFile(target, `${output.code}\n//# sourceMappingURL=${mapName}\n`);
  } else {
    await writeFile(target, output.code);
  }
}

const started = performance.now();
await rm(outDir, { recursive: true, force: true });

const jobs = [];
let compiled = 0;
let copied = 0;
for (const sourceRoot of sourceRoots) {
  for await (const file of walk(path.join(root, sourceRoot))) {
    const relative = path.relative(root, file);
    if (excluded(relative)) continue;
    if (relative.endsWith('.ts')) {
      compiled += 1;
      jobs.push(compile(file, path.join(outDir, relative.replace(/\.ts$/, '.js'))));
    } else {
      copied += 1;
      const target = path.join(outDir, relative);
      jobs.push(mkdir(path.dirname(target), { recursive: true }).then(() => copyFile(file, target)));
    }
  }
}

try {
  await Promise.all(jobs);
  // The web's stylesheet (libs/web/src/assets/styles/service.scss), compiled now by the module that
  // compiles it when running from the sources, so that a built app serves a file and never loads Sass.
  const stylesheet = await import(pathToFileURL(path.join(outDir, 'libs/web/src/assets/service-stylesheet.js')).href);
  await writeFile(stylesheet.BUILT_STYLESHEET, await stylesheet.compileServiceStylesheet());
} catch (error) {
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const seconds = ((performance.now() - started) / 1000).toFixed(2);
const extra = copied > 0 ? ` and copied ${copied} other files` : '';
console.log(
  `build: compiled ${compiled} TypeScript files${extra} into ${path.relative(root, outDir) || '.'}/ in ${seconds}s`,
);
