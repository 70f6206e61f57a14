/** An approver's return of a submitted plan to draft: why, who, and when it was recorded (ISO 8601). */
export interface PlanReturn {
  readonly reason: string;
  readonly actorId: string;
  readonly time: string;
}
