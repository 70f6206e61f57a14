import 'reflect-metadata';
import { runBackgroundApplication } from '@due-regard/platform';
import { WorkerModule } from './worker.module.js';

await runBackgroundApplication('Due Regard worker', () => [WorkerModule]);
