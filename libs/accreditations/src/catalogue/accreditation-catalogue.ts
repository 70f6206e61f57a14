import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { SchemeVersion } from '../domain/scheme.js';

/** Where the catalogue is: beside this file, copied with it by the build. */
export const CATALOGUE_FILE = new URL('./accreditation-schemes.json', import.meta.url);

const nonBlank = z.string().trim().min(1);

const levelSchema = z.strictObject({
  rank: z.int().min(1),
  name: nonBlank,
  assessment: nonBlank.optional(),
  requires: nonBlank.optional(),
});

const versionSchema = z
  .strictObject({
    version: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, 'a version is letters, digits, dots and hyphens'),
    description: nonBlank.optional(),
    levelsInOrder: z.boolean(),
    levels: z.array(levelSchema).min(1),
    commitmentsCalled: z.enum(['commitments', 'pledges', 'criteria', 'evidence areas']),
    commitments: z.array(z.strictObject({ ref: z.string().regex(/^\d+(\.\d+)*$/), text: nonBlank })),
    validityYears: z.int().min(1).max(10).nullable(),
    validityNote: nonBlank.optional(),
  })
  .superRefine((version, context) => {
    const unique = (values: readonly (string | number)[]) => new Set(values).size === values.length;
    if (!unique(version.levels.map((level) => level.rank))) {
      context.addIssue({ code: 'custom', message: 'two levels share a rank', path: ['levels'] });
    }
    if (!unique(version.commitments.map((commitment) => commitment.ref))) {
      context.addIssue({ code: 'custom', message: 'two commitments share a ref', path: ['commitments'] });
    }
  });

const schemeSchema = z
  .strictObject({
    key: z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/),
    name: nonBlank,
    owner: nonBlank,
    versions: z.array(versionSchema).min(1),
  })
  .superRefine((scheme, context) => {
    if (new Set(scheme.versions.map((version) => version.version)).size !== scheme.versions.length) {
      context.addIssue({ code: 'custom', message: 'two versions share a name', path: ['versions'] });
    }
  });

export const catalogueSchema = z
  .strictObject({
    $comment: z.string().optional(),
    catalogueVersion: z.int().min(1),
    schemes: z.array(schemeSchema).min(1),
  })
  .superRefine((catalogue, context) => {
    if (new Set(catalogue.schemes.map((scheme) => scheme.key)).size !== catalogue.schemes.length) {
      context.addIssue({ code: 'custom', message: 'two schemes share a key', path: ['schemes'] });
    }
  });

export type CatalogueData = z.output<typeof catalogueSchema>;
export type CatalogueScheme = CatalogueData['schemes'][number];
export type CatalogueVersion = CatalogueScheme['versions'][number];

/** The catalogue could not be read or is not as the schema says: the app does not start. */
export class CatalogueError extends Error {
  override readonly name = 'CatalogueError';
}

/**
 * The accreditation schemes, versioned: a scheme's versions are listed oldest first and the last is
 * the one a council starts on; a council keeps the version it started on until it moves. Read and
 * checked once, when the module starts: a bad catalogue stops start-up with a message naming where.
 */
export class AccreditationCatalogue {
  private constructor(private readonly data: CatalogueData) {}

  static fromJson(json: unknown): AccreditationCatalogue {
    const parsed = catalogueSchema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first === undefined ? '' : ` at ${first.path.join('.') || '(root)'}: ${first.message}`;
      throw new CatalogueError(`The accreditation catalogue is not valid${where}`);
    }
    return new AccreditationCatalogue(parsed.data);
  }

  static load(file: URL = CATALOGUE_FILE): AccreditationCatalogue {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CatalogueError(`The accreditation catalogue ${file.pathname} could not be read: ${reason}`);
    }
    return AccreditationCatalogue.fromJson(json);
  }

  get catalogueVersion(): number {
    return this.data.catalogueVersion;
  }

  schemes(): readonly CatalogueScheme[] {
    return this.data.schemes;
  }

  keys(): readonly string[] {
    return this.data.schemes.map((scheme) => scheme.key);
  }

  scheme(key: string): CatalogueScheme | undefined {
    return this.data.schemes.find((scheme) => scheme.key === key);
  }

  /** The version a council starts on: the newest. */
  latest(key: string): SchemeVersion | undefined {
    const scheme = this.scheme(key);
    const newest = scheme?.versions.at(-1);
    return scheme === undefined || newest === undefined ? undefined : schemeVersionOf(scheme, newest);
  }

  /** One version, as the deciders take it. */
  version(key: string, version: string): SchemeVersion | undefined {
    const scheme = this.scheme(key);
    const found = scheme?.versions.find((candidate) => candidate.version === version);
    return scheme === undefined || found === undefined ? undefined : schemeVersionOf(scheme, found);
  }

  /** The catalogue's entry of a version, with its notes and assessments, for pages. */
  entry(key: string, version: string): CatalogueVersion | undefined {
    return this.scheme(key)?.versions.find((candidate) => candidate.version === version);
  }
}

function schemeVersionOf(scheme: CatalogueScheme, version: CatalogueVersion): SchemeVersion {
  return {
    scheme: scheme.key,
    schemeName: scheme.name,
    version: version.version,
    levels: version.levels.map(({ rank, name }) => ({ rank, name })),
    commitmentsCalled: version.commitmentsCalled,
    commitments: version.commitments,
    validityYears: version.validityYears,
  };
}
