import 'reflect-metadata';
import { runBackgroundApplication } from '@due-regard/platform';
import { ProjectorModule } from './projector.module.js';

await runBackgroundApplication('Due Regard projector', () => [ProjectorModule]);
