import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@due-regard/platform';
import { ApiModule } from '../../api/src/api.module.js';
import { ProjectorModule } from '../../projector/src/projector.module.js';
import { WorkerModule } from '../../worker/src/worker.module.js';

/** API, worker and projector in one process behind one HTTP listener: what `npm start` runs. */
@Module({})
export class StandaloneModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: StandaloneModule, imports: [ApiModule.forRoot(config), WorkerModule, ProjectorModule] };
  }
}
