import { InvalidEventError } from './errors.js';

const CATEGORY = /^[a-z][a-zA-Z0-9]*$/;
const TENANT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ENTITY = /^[A-Za-z0-9_-]+$/;

export interface StreamName {
  readonly category: string;
  readonly tenantId: string;
  readonly entityId: string;
}

/**
 * `<category>-<tenant>.<entity>`, e.g. `action-charnwood.0190f3c2-…`: KurrentDB's `$by_category`
 * takes what stands before the first `-` as the category, and the tenant stays readable.
 */
export function streamName(category: string, tenantId: string, entityId: string): string {
  if (!CATEGORY.test(category))
    throw new InvalidEventError(
      `Stream category "${category}" must be letters and digits, starting with a lowercase letter`,
    );
  if (!TENANT.test(tenantId))
    throw new InvalidEventError(`Tenant "${tenantId}" must be lowercase letters, digits and single hyphens`);
  if (!ENTITY.test(entityId))
    throw new InvalidEventError(`Entity id "${entityId}" must be letters, digits, "_" or "-"`);
  return `${category}-${tenantId}.${entityId}`;
}

export function parseStreamName(name: string): StreamName {
  const dash = name.indexOf('-');
  const dot = name.indexOf('.', dash + 1);
  const category = name.slice(0, dash);
  const tenantId = name.slice(dash + 1, dot);
  const entityId = name.slice(dot + 1);
  if (dash < 1 || dot < 0 || !CATEGORY.test(category) || !TENANT.test(tenantId) || !ENTITY.test(entityId)) {
    throw new InvalidEventError(`"${name}" is not a stream name of the form <category>-<tenant>.<entity>`);
  }
  return { category, tenantId, entityId };
}
