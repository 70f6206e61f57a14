import { Global, Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandsModule } from '@due-regard/commands';
import { TenantRegistry } from '@due-regard/identity';
import { CLOCK, systemClock } from '@due-regard/shared-kernel';
import { DEMO_OPTIONS, DemoCouncilsSeeder, type DemoOptions } from './demo/demo-councils.seeder.js';
import { ChangeCouncilSettingsHandler } from './change-council-settings/change-council-settings.handler.js';
import { ChangeCouncilSettingsHttpController } from './change-council-settings/change-council-settings.http.controller.js';
import { CouncilDirectory } from './directory/council-directory.js';
import { GetCouncilHttpController } from './get-council/get-council.http.controller.js';
import { RegisterCouncilHandler } from './register-council/register-council.handler.js';
import { RegisterCouncilHttpController } from './register-council/register-council.http.controller.js';
import { CouncilSettingsModule } from './settings/council-settings.module.js';

/** The council registry: councils are the tenants, registered by platform operators. */
@Global()
@Module({})
export class CouncilsModule {
  static forRoot(demo: DemoOptions): DynamicModule {
    return {
      module: CouncilsModule,
      imports: [CqrsModule, CouncilSettingsModule, CommandsModule],
      controllers: [RegisterCouncilHttpController, GetCouncilHttpController, ChangeCouncilSettingsHttpController],
      providers: [
        CouncilDirectory,
        { provide: TenantRegistry, useExisting: CouncilDirectory },
        { provide: CLOCK, useValue: systemClock },
        { provide: DEMO_OPTIONS, useValue: demo },
        RegisterCouncilHandler,
        ChangeCouncilSettingsHandler,
        DemoCouncilsSeeder,
      ],
      exports: [CouncilDirectory, TenantRegistry],
    };
  }
}
