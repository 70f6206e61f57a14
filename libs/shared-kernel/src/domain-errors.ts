/** A command refused by a business rule. `field` names the input at fault, when one is. */
export class DomainRuleViolation extends Error {
  override readonly name = 'DomainRuleViolation';
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** A command that conflicts with what exists (e.g. registering a council twice). */
export class DomainConflict extends Error {
  override readonly name = 'DomainConflict';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** The thing a command or query names does not exist. */
export class NotFound extends Error {
  override readonly name = 'NotFound';
}
