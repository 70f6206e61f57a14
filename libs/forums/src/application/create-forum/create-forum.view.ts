/** What creating a forum answers. */
export interface CreatedForum {
  readonly slug: string;
  readonly name: string;
  readonly region: string;
  readonly themes: readonly string[];
  readonly version: number;
}
