import { streamName } from '@due-regard/event-store';

/** The audit context's own streams of a council: its checkpoint chain and its integrity alarm. */
export const auditStreams = {
  checkpoints: (council: string): string => streamName('checkpoint', council, 'chain'),
  alarm: (council: string): string => streamName('integrity', council, 'alarm'),
};
