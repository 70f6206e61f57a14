/**
 * One version of an accreditation scheme, as the catalogue publishes it: what the deciders need to
 * know of a scheme (its levels, its commitments, how long an award lasts). The catalogue (loaded and
 * checked at start, `catalogue/`) hands these to the handlers, which pass them to the deciders with
 * each command, so the domain reads no file.
 */
export type SchemeLevel = {
  /** 1 is the first level; higher ranks are higher levels where the scheme's levels are in order. */
  readonly rank: number;
  readonly name: string;
};

export type SchemeCommitment = {
  /** How the scheme numbers it: "1", "2"… (stable within a version). */
  readonly ref: string;
  readonly text: string;
};

export type SchemeVersion = {
  /** The scheme's key, e.g. "disability-confident". */
  readonly scheme: string;
  readonly schemeName: string;
  /** e.g. "2018", "2021": a council keeps the version it started on until it moves. */
  readonly version: string;
  readonly levels: readonly SchemeLevel[];
  /** What the scheme calls them: commitments, pledges, criteria, evidence areas. */
  readonly commitmentsCalled: string;
  readonly commitments: readonly SchemeCommitment[];
  /** How long an award lasts; null where the scheme sets no period (the expiry is then given or none). */
  readonly validityYears: number | null;
};

export function levelOf(scheme: SchemeVersion, rank: number): SchemeLevel | undefined {
  return scheme.levels.find((level) => level.rank === rank);
}

export function commitmentOf(scheme: SchemeVersion, ref: string): SchemeCommitment | undefined {
  return scheme.commitments.find((commitment) => commitment.ref === ref);
}
