interface ParseResult {
  readonly error?: { readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[] };
}

/** The one problem a schema found: which variable, and what it says. Fails unless there is exactly one. */
export function onlyIssue(result: ParseResult): { variable: string; message: string } {
  const issues = result.error?.issues ?? [];
  const [issue] = issues;
  if (issues.length !== 1 || issue === undefined) {
    throw new Error(`Expected exactly one configuration problem, got ${JSON.stringify(issues)}`);
  }
  return { variable: String(issue.path[0]), message: issue.message };
}
