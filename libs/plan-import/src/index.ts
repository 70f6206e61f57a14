export { parsePlanDocument } from './parse-plan-document.js';
export { PlanImportError, PLAN_IMPORT_ERROR_CODES, type PlanImportErrorCode } from './errors.js';
export {
  COLUMN_ROLES,
  DEFAULT_LIMITS,
  PROGRESS_STATUSES,
  SOURCE_FORMATS,
  toPreviewJson,
  type ColumnRole,
  type DueRevision,
  type ImportLimits,
  type ParsePlanOptions,
  type PlanDocumentInput,
  type PlanPreview,
  type PreviewAction,
  type PreviewColumn,
  type PreviewGroup,
  type PreviewJson,
  type PreviewJsonDue,
  type PreviewJsonProgress,
  type PreviewObjective,
  type PreviewProgress,
  type PreviewWarning,
  type ProgressStatus,
  type SourceFormat,
} from './preview.js';
export { checkArchive, readSource } from './sources/read-source.js';
export { OFFICER_ROW_ROLES, ROW_ROLES, type OfficerRowRole, type RowRole } from './understand/roles.js';
export type { PreviewRow } from './understand/understand.js';
