import { Module } from '@nestjs/common';
import { ApiModule } from '../../api/src/api.module.js';
import { ProjectorModule } from '../../projector/src/projector.module.js';
import { WorkerModule } from '../../worker/src/worker.module.js';

/** API, worker and projector in one process behind one HTTP listener: what `npm start` runs. */
@Module({
  imports: [ApiModule, WorkerModule, ProjectorModule],
})
export class StandaloneModule {}
