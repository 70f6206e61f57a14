import { Global, Module } from '@nestjs/common';
import { CouncilDueSettings } from '@due-regard/plans';
import { CouncilSettingsReader } from './council-settings.reader.js';

/**
 * The councils' settings for every module: `CouncilSettingsReader`, and the plans library's
 * `CouncilDueSettings` port bound to it. Needs the global EVENT_STORE. Imported by CouncilsModule;
 * the worker and the CLI, which run without CouncilsModule, import it alone.
 */
@Global()
@Module({
  providers: [CouncilSettingsReader, { provide: CouncilDueSettings, useExisting: CouncilSettingsReader }],
  exports: [CouncilSettingsReader, CouncilDueSettings],
})
export class CouncilSettingsModule {}
