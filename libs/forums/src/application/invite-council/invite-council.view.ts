/** What inviting a council answers. */
export interface CouncilInvitation {
  readonly forum: string;
  readonly council: string;
  readonly status: 'invited';
  readonly version: number;
}
