/** A posted urlencoded form as Express (qs) parsed it: text fields, and arrays for repeated names. */
export type FormBody = Readonly<Record<string, unknown>>;

export function formBody(body: unknown): FormBody {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as FormBody) : {};
}

/** A text field as typed (line endings made \n); '' when absent. */
export function textField(body: FormBody, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : '';
}

/** Checkboxes sharing a name: none, one (a string) or several (an array). */
export function checkedValues(body: FormBody, name: string): string[] {
  const value = body[name];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** A textarea holding one item per line ("one team per line"): its non-blank lines, trimmed. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The stream version the form was opened at (its hidden `version`); undefined when absent or not a number. */
export function formVersion(body: FormBody): number | undefined {
  const value = textField(body, 'version').trim();
  return /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}
