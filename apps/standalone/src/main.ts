import 'reflect-metadata';
import { runHttpApplication } from '@due-regard/platform';
import { StandaloneModule } from './standalone.module.js';

await runHttpApplication('Due Regard', (config) => [StandaloneModule.forRoot(config)]);
