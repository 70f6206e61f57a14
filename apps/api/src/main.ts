import 'reflect-metadata';
import { runHttpApplication } from '@due-regard/platform';
import { ApiModule } from './api.module.js';

await runHttpApplication('Due Regard API', (config) => [ApiModule.forRoot(config)]);
