#!/usr/bin/env node
// Verifies a Due Regard audit export on the auditor's own machine, with nothing but Node (20+):
//
//   node tools/verify-export.mjs export.zip [--public-key key.pem] [--against earlier-export.zip]
//
// Re-hashes every event and checks every stream's chain; checks every checkpoint's digest, its
// Ed25519 signature (under --public-key, else the key inside the export) and its place in the
// chain of checkpoints, and that the events still hold every head it names; with --against, that
// every event and checkpoint of an earlier export is still in this one, unchanged (a log is only
// ever appended to). Exit 0: valid. Exit 1: the first broken link named (or what makes the input unusable).
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

const GENESIS = '0'.repeat(64);

class UnusableInput extends Error {}

/** The files of a zip archive (stored or deflated), read through its central directory. */
function readZip(path) {
  let buffer;
  try {
    buffer = readFileSync(path);
  } catch (error) {
    throw new UnusableInput(`cannot read ${path}: ${error.message}`);
  }
  // End of central directory: signature 0x06054b50, at least 22 bytes from the end (a comment may follow).
  let end = -1;
  for (let at = buffer.length - 22; at >= Math.max(0, buffer.length - 22 - 0xffff); at -= 1) {
    if (buffer.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new UnusableInput(`${path} is not a zip archive`);
  const count = buffer.readUInt16LE(end + 10);
  let entry = buffer.readUInt32LE(end + 16);
  const files = new Map();
  for (let index = 0; index < count; index += 1) {
    if (buffer.readUInt32LE(entry) !== 0x02014b50) throw new UnusableInput(`${path}: a damaged central directory`);
    const method = buffer.readUInt16LE(entry + 10);
    const compressedSize = buffer.readUInt32LE(entry + 20);
    const nameLength = buffer.readUInt16LE(entry + 28);
    const extraLength = buffer.readUInt16LE(entry + 30);
    const commentLength = buffer.readUInt16LE(entry + 32);
    const localHeader = buffer.readUInt32LE(entry + 42);
    const name = buffer.toString('utf8', entry + 46, entry + 46 + nameLength);
    if (buffer.readUInt32LE(localHeader) !== 0x04034b50) throw new UnusableInput(`${path}: a damaged entry ${name}`);
    const dataStart = localHeader + 30 + buffer.readUInt16LE(localHeader + 26) + buffer.readUInt16LE(localHeader + 28);
    const raw = buffer.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) files.set(name, raw.toString('utf8'));
    else if (method === 8) files.set(name, inflateRawSync(raw).toString('utf8'));
    else throw new UnusableInput(`${path}: ${name} uses compression method ${method}, not stored or deflated`);
    entry += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

/** RFC 8785 canonical JSON of a value parsed from JSON: keys in UTF-16 order, numbers and strings as ECMAScript writes them. */
function canonical(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
}

function sha256(...parts) {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

function jsonLines(files, name, path) {
  const text = files.get(name);
  if (text === undefined) throw new UnusableInput(`${path} has no ${name}`);
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      try {
        return JSON.parse(line);
      } catch {
        throw new UnusableInput(`${path}: line ${index + 1} of ${name} is not JSON`);
      }
    });
}

/** Every stream of the export: its events by version, each with its recorded hash. */
function streamsOf(lines) {
  const streams = new Map();
  for (const line of lines) {
    const { event, hash } = line;
    if (!event || typeof event.streamId !== 'string' || typeof hash !== 'string') {
      throw new UnusableInput('an events.jsonl line lacks its event or hash');
    }
    const events = streams.get(event.streamId) ?? [];
    events.push({ event, hash });
    streams.set(event.streamId, events);
  }
  return streams;
}

function checkpointDigest(checkpoint) {
  const content = Object.fromEntries(
    Object.entries(checkpoint).filter(([key]) => key !== 'digest' && key !== 'signature'),
  );
  return sha256(Buffer.from(canonical(content), 'utf8'));
}

function verifyExport(files, publicKey, path) {
  const breaks = [];
  const lines = jsonLines(files, 'events.jsonl', path);
  const streams = streamsOf(lines);
  for (const [streamId, events] of [...streams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let previous = GENESIS;
    let expectedVersion = 1;
    for (const { event, hash } of events.sort((a, b) => a.event.streamVersion - b.event.streamVersion)) {
      if (event.streamVersion !== expectedVersion) {
        breaks.push(
          `${streamId} at version ${expectedVersion}: missing_event (expected version ${expectedVersion}, found ${event.streamVersion})`,
        );
        break;
      }
      const recomputed = sha256(Buffer.from(previous, 'hex'), Buffer.from(canonical(event), 'utf8'));
      if (recomputed !== hash) {
        breaks.push(
          `${streamId} at version ${expectedVersion}: hash_mismatch (event ${event.id} hashes to ${recomputed}, recorded ${hash})`,
        );
        break;
      }
      previous = hash;
      expectedVersion += 1;
    }
  }

  const checkpoints = jsonLines(files, 'checkpoints.jsonl', path);
  let previousDigest = GENESIS;
  checkpoints.forEach((checkpoint, index) => {
    const where = `checkpoint ${index + 1}`;
    if (checkpoint.sequence !== index + 1 || checkpoint.previousDigest !== previousDigest) {
      breaks.push(
        `${where}: checkpoint_chain (expected checkpoint ${index + 1} after ${previousDigest}, found ${checkpoint.sequence} after ${checkpoint.previousDigest})`,
      );
    } else if (checkpointDigest(checkpoint) !== checkpoint.digest) {
      breaks.push(
        `${where}: checkpoint_digest (digests to ${checkpointDigest(checkpoint)}, recorded ${checkpoint.digest})`,
      );
    } else if (
      !verify(null, Buffer.from(checkpoint.digest, 'hex'), publicKey, Buffer.from(checkpoint.signature, 'base64'))
    ) {
      breaks.push(`${where}: checkpoint_signature (the signature does not verify under the public key)`);
    }
    previousDigest = checkpoint.digest;
  });
  breaks.push(...headBreaks(checkpoints, streams));
  return { breaks, streams, checkpoints, events: lines.length };
}

/** Every head of every checkpoint must still be in the events, with its hash. */
function headBreaks(checkpoints, streams) {
  const breaks = [];
  for (const checkpoint of checkpoints) {
    for (const head of checkpoint.heads ?? []) {
      const found = (streams.get(head.streamId) ?? []).find(({ event }) => event.streamVersion === head.version);
      if (found?.hash !== head.hash) {
        breaks.push(
          `${head.streamId} at version ${head.version}: checkpoint_mismatch (checkpoint ${checkpoint.sequence} of ${checkpoint.takenAt} expected ${head.hash}, found ${found ? found.hash : 'no event'})`,
        );
      }
    }
  }
  return [...new Set(breaks)];
}

/** An earlier export's events and checkpoints must all be in this one, unchanged. */
function againstEarlier(earlier, now) {
  const breaks = [];
  for (const [streamId, events] of earlier.streams) {
    const current = new Map((now.streams.get(streamId) ?? []).map(({ event, hash }) => [event.streamVersion, hash]));
    const changed = events.find(({ event, hash }) => current.get(event.streamVersion) !== hash);
    if (changed) {
      const found = current.get(changed.event.streamVersion);
      breaks.push(
        `${streamId} at version ${changed.event.streamVersion}: changed_since_earlier_export (the earlier export holds ${changed.hash}, this one ${found ?? 'no event'})`,
      );
    }
  }
  const digests = new Set(now.checkpoints.map((checkpoint) => checkpoint.digest));
  for (const checkpoint of earlier.checkpoints) {
    if (!digests.has(checkpoint.digest)) {
      breaks.push(
        `checkpoint ${checkpoint.sequence}: checkpoint_missing (the earlier export's checkpoint ${checkpoint.digest} is gone)`,
      );
    }
  }
  breaks.push(...headBreaks(earlier.checkpoints, now.streams));
  return breaks;
}

function main(args) {
  const positional = [];
  const options = {};
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg === '--public-key' || arg === '--against') {
      const value = args[index + 1];
      if (value === undefined) throw new UnusableInput(`${arg} needs a file`);
      options[arg.slice(2)] = value;
      index += 1;
    } else if (arg.startsWith('--')) throw new UnusableInput(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 1) {
    throw new UnusableInput(
      'usage: node tools/verify-export.mjs export.zip [--public-key key.pem] [--against earlier.zip]',
    );
  }
  const [path] = positional;
  const files = readZip(path);
  const pem =
    options['public-key'] === undefined ? files.get('public-key.pem') : readFileSync(options['public-key'], 'utf8');
  if (pem === undefined) throw new UnusableInput(`${path} has no public-key.pem: give --public-key`);
  let publicKey;
  try {
    publicKey = createPublicKey(pem);
  } catch (error) {
    throw new UnusableInput(`the public key is not a PEM public key: ${error.message}`);
  }
  const now = verifyExport(files, publicKey, path);
  const breaks = [...now.breaks];
  if (options.against !== undefined) {
    const earlier = verifyExport(readZip(options.against), publicKey, options.against);
    breaks.push(...earlier.breaks.map((found) => `in the earlier export: ${found}`), ...againstEarlier(earlier, now));
  }
  const summary = `${now.streams.size} streams, ${now.events} events, ${now.checkpoints.length} checkpoints`;
  if (breaks.length > 0) {
    process.stdout.write(`NOT VALID (${summary}; ${breaks.length} broken): ${breaks[0]}\n`);
    for (const found of breaks.slice(1)) process.stdout.write(`  also: ${found}\n`);
    return 1;
  }
  process.stdout.write(
    `VALID: ${summary}${options.against === undefined ? '' : `; everything of ${options.against} is still here`}\n`,
  );
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UnusableInput)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
