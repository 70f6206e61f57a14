import { Command } from '@nestjs/cqrs';
import type { CheckpointView } from './take-checkpoint.view.js';

/** A signed checkpoint of the request's council, chained to its last one. */
export class TakeCheckpointCommand extends Command<CheckpointView> {}
