import type { PlanImportErrorCode } from '@due-regard/plan-import';

export interface UploadRefusal {
  readonly status: 413 | 415 | 422;
  readonly code: PlanImportErrorCode;
  /** One line, as the importer words it. */
  readonly message: string;
}

const NOT_A_PLAN = 'The plan must be text, PDF, Word (.docx), OpenDocument (.odt, .ods), Excel (.xlsx) or CSV.';
const BY_EXTENSION: Readonly<Record<string, string>> = {
  doc: 'The old Word format (.doc) is not supported: save it as .docx.',
  xls: 'The old Excel format (.xls) is not supported: save it as .xlsx.',
  rtf: 'Rich Text Format is not supported: save it as .docx.',
  ppt: 'A presentation cannot be imported: copy the plan table into Word or a text file.',
  pptx: 'A presentation cannot be imported: copy the plan table into Word or a text file.',
  odp: 'A presentation cannot be imported: copy the plan table into Word or a text file.',
  png: `An image cannot be imported. ${NOT_A_PLAN}`,
  jpg: `An image cannot be imported. ${NOT_A_PLAN}`,
  jpeg: `An image cannot be imported. ${NOT_A_PLAN}`,
  gif: `An image cannot be imported. ${NOT_A_PLAN}`,
};
const MAGIC: readonly { readonly bytes: readonly number[]; readonly extension: string }[] = [
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], extension: 'doc' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], extension: 'rtf' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], extension: 'png' },
  { bytes: [0xff, 0xd8, 0xff], extension: 'jpg' },
  { bytes: [0x47, 0x49, 0x46, 0x38], extension: 'gif' },
];
const BY_MEDIA_TYPE: Readonly<Record<string, string>> = {
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/rtf': 'rtf',
  'application/vnd.ms-powerpoint': 'ppt',
};

/**
 * What the upload endpoint refuses at once, before any job: an empty file, and files the importer
 * never reads whatever they hold (old Office formats, images), told apart by their first
 * bytes, name or declared type. Everything else is read by the `imports` job, which reports the
 * importer's own one-line error (no table, not a ZIP, a ZIP bomb, …).
 */
export function refuseAtOnce(fileName: string, mediaType: string | null, bytes: Uint8Array): UploadRefusal | null {
  if (bytes.length === 0) return { status: 422, code: 'EMPTY_FILE', message: `${fileName || 'The file'} is empty.` };
  const magic = MAGIC.find((candidate) => candidate.bytes.every((byte, index) => bytes[index] === byte));
  const extension = /\.([a-z0-9]{1,8})$/i.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
  const declared = (mediaType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const kind =
    magic?.extension ??
    (extension in BY_EXTENSION ? extension : undefined) ??
    BY_MEDIA_TYPE[declared] ??
    (declared.startsWith('image/') ? 'png' : undefined);
  const message = kind === undefined ? undefined : BY_EXTENSION[kind];
  return message === undefined ? null : { status: 415, code: 'UNSUPPORTED_TYPE', message };
}
