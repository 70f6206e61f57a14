import { streamName } from '@due-regard/event-store';

/** The audit context's own streams of a council: its checkpoint chain, its integrity alarm, the reads of its audit log. */
export const auditStreams = {
  checkpoints: (council: string): string => streamName('checkpoint', council, 'chain'),
  alarm: (council: string): string => streamName('integrity', council, 'alarm'),
  /** Who read the council's audit log. */
  reads: (council: string): string => streamName('auditReads', council, 'log'),
};
