import { streamName } from '@due-regard/event-store';

/** What every part of the benchmark appends, so that all parts write the same events. */
export interface WorkloadShape {
  /** Timed appends, one event each. */
  readonly appends: number;
  readonly streams: number;
  readonly writers: number;
  /** Untimed appends before the timed ones, on streams of their own. */
  readonly warmupAppends: number;
  readonly warmupStreams: number;
}

export const DEFAULT_SHAPE: WorkloadShape = {
  appends: 20_000,
  streams: 1_000,
  writers: 16,
  warmupAppends: 500,
  warmupStreams: 100,
};

export const TENANT = 'bench-council';
export const EVENT_TYPE = 'ProgressRecorded';

/** Type aliases (not interfaces) so that they fit both our JsonObject and Emmett's records. */
export type ProgressRecordedData = {
  readonly actionId: string;
  readonly status: 'not_started' | 'on_track' | 'at_risk' | 'off_track' | 'complete';
  readonly rag: 'red' | 'amber' | 'green';
  readonly narrative: string;
  readonly asOf: string;
};

export type BenchMetadata = {
  readonly tenantId: string;
  readonly actorId: string;
  readonly correlationId: string;
  readonly causationId: null;
  readonly occurredAt: string;
  readonly source: 'api';
};

export type BenchEvent = {
  readonly type: typeof EVENT_TYPE;
  readonly data: ProgressRecordedData;
  readonly metadata: BenchMetadata;
};

/** One append: one event to `streamId`, which is at `version - 1` before it. */
export interface AppendTask {
  readonly streamId: string;
  /** The stream's version after this append (1 for its first event). */
  readonly version: number;
  readonly event: BenchEvent;
}

/** Deterministic: the same (seed) gives the same sequence, in every process. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

function pseudoUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)] ?? '8';
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const STATUSES: readonly ProgressRecordedData['status'][] = [
  'not_started',
  'on_track',
  'at_risk',
  'off_track',
  'complete',
];
const RAG_OF_STATUS: Readonly<Record<ProgressRecordedData['status'], ProgressRecordedData['rag']>> = {
  not_started: 'amber',
  on_track: 'green',
  at_risk: 'amber',
  off_track: 'red',
  complete: 'green',
};
const SENTENCES: readonly string[] = [
  'Engagement sessions with disabled residents were held in three libraries this quarter.',
  'The equality impact assessment for the housing allocations policy has been refreshed.',
  'Recruitment data by ethnicity and sex is now published on the council website.',
  'Translation of the consultation pack into five community languages is under way.',
  'Two officers left the team, so the review of procurement criteria slipped by a month.',
  'Feedback from the older people forum has been folded into the revised action plan.',
  'Accessible formats are now offered for every public notice, including easy read.',
  'The pay gap analysis is with finance for checking before it goes to committee.',
  'Training on the duty was completed by ninety per cent of managers by the deadline.',
  'A data sharing agreement with the NHS trust is awaiting legal sign-off.',
];

function narrativeOf(random: () => number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < 190) {
    const sentence = SENTENCES[Math.floor(random() * SENTENCES.length)] ?? '';
    parts.push(sentence);
    length += sentence.length + 1;
  }
  const text = parts.join(' ');
  if (text.length <= 210) return text;
  const cut = text.lastIndexOf(' ', 205);
  return `${text.slice(0, cut > 150 ? cut : 205)}…`;
}

const ACTORS = 40;
const BASE_TIME = Date.UTC(2025, 3, 1, 9, 0, 0);

function makeEvent(streamKey: string, version: number): BenchEvent {
  const random = mulberry32(seedOf(`${streamKey}#${version}`));
  const actorRandom = mulberry32(seedOf(`actor-${Math.floor(random() * ACTORS)}`));
  const actionRandom = mulberry32(seedOf(`action-${streamKey}`));
  const status = STATUSES[Math.floor(random() * STATUSES.length)] ?? 'on_track';
  const occurredAt = new Date(BASE_TIME + version * 86_400_000 + Math.floor(random() * 36_000_000));
  return {
    type: EVENT_TYPE,
    data: {
      actionId: pseudoUuid(actionRandom),
      status,
      rag: RAG_OF_STATUS[status],
      narrative: narrativeOf(random),
      asOf: occurredAt.toISOString().slice(0, 10),
    },
    metadata: {
      tenantId: TENANT,
      actorId: pseudoUuid(actorRandom),
      correlationId: pseudoUuid(random),
      causationId: null,
      occurredAt: occurredAt.toISOString(),
      source: 'api',
    },
  };
}

/**
 * One plan per writer. Writer w owns streams w, w + writers, ... (so writers never conflict) and
 * goes round them in turn; `appends` are spread as evenly as possible over the streams.
 */
function plan(prefix: string, appends: number, streams: number, writers: number): AppendTask[][] {
  const perStream = (s: number): number => Math.floor(appends / streams) + (s < appends % streams ? 1 : 0);
  const plans: AppendTask[][] = [];
  for (let w = 0; w < writers; w += 1) {
    const owned: number[] = [];
    for (let s = w; s < streams; s += writers) owned.push(s);
    const tasks: AppendTask[] = [];
    for (let round = 0; ; round += 1) {
      const active = owned.filter((s) => perStream(s) > round);
      if (active.length === 0) break;
      for (const s of active) {
        const key = `${prefix}${s}`;
        tasks.push({
          streamId: streamName('bench', TENANT, key),
          version: round + 1,
          event: makeEvent(key, round + 1),
        });
      }
    }
    plans.push(tasks);
  }
  return plans;
}

export interface Workload {
  readonly shape: WorkloadShape;
  readonly warmup: AppendTask[][];
  readonly timed: AppendTask[][];
}

/** Built before any timing starts; the same shape gives the same events in every process. */
export function buildWorkload(shape: WorkloadShape): Workload {
  return {
    shape,
    warmup: plan('warmup-', shape.warmupAppends, shape.warmupStreams, shape.writers),
    timed: plan('', shape.appends, shape.streams, shape.writers),
  };
}

/** Average size of an event's data and metadata as JSON, for the report. */
export function payloadBytes(workload: Workload): { data: number; metadata: number } {
  let data = 0;
  let metadata = 0;
  let count = 0;
  for (const tasks of workload.timed) {
    for (const task of tasks) {
      data += Buffer.byteLength(JSON.stringify(task.event.data));
      metadata += Buffer.byteLength(JSON.stringify(task.event.metadata));
      count += 1;
    }
  }
  return { data: Math.round(data / Math.max(1, count)), metadata: Math.round(metadata / Math.max(1, count)) };
}
