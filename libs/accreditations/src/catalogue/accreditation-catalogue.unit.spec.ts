import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AccreditationCatalogue, CatalogueError, CATALOGUE_FILE } from './accreditation-catalogue.js';

// The reference the catalogue was brought in from, kept in the repository (test/fixtures/reference/).
const referencePath = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'reference',
  'equality-reference.json',
);

interface ReferenceScheme {
  key: string;
  name: string;
  owner: string;
  validityYears: number | null;
  levels?: { rank: number; name: string }[];
  versions?: { version: string; commitments: string[] }[];
  pledges?: string[];
  criteria?: string[];
  evidenceAreas?: string[];
}

const reference = (JSON.parse(readFileSync(referencePath, 'utf8')) as { accreditationSchemes: ReferenceScheme[] })
  .accreditationSchemes;
const catalogue = AccreditationCatalogue.load();
const catalogueJson = (): Record<string, unknown> =>
  JSON.parse(readFileSync(CATALOGUE_FILE, 'utf8')) as Record<string, unknown>;

describe('the accreditation catalogue', () => {
  it('holds the nine schemes of the reference, in its order, with their names, owners and validity', () => {
    expect(catalogue.keys()).toEqual(reference.map((scheme) => scheme.key));
    expect(catalogue.keys()).toHaveLength(9);
    for (const scheme of reference) {
      const entry = catalogue.scheme(scheme.key);
      expect({ name: entry?.name, owner: entry?.owner }).toEqual({ name: scheme.name, owner: scheme.owner });
      for (const version of entry?.versions ?? []) expect(version.validityYears).toBe(scheme.validityYears);
    }
  });

  it('has the levels of every scheme the reference gives levels', () => {
    for (const scheme of reference.filter((candidate) => candidate.levels !== undefined)) {
      const latest = catalogue.latest(scheme.key);
      expect(latest?.levels).toEqual(scheme.levels?.map(({ rank, name }) => ({ rank, name })));
    }
  });

  it('keeps the Race at Work Charter in its 2018 and 2021 versions, with their commitments in order', () => {
    const race = reference.find((scheme) => scheme.key === 'race-at-work-charter');
    for (const version of race?.versions ?? []) {
      expect(catalogue.version('race-at-work-charter', version.version)?.commitments.map((c) => c.text)).toEqual(
        version.commitments,
      );
    }
    expect(catalogue.latest('race-at-work-charter')?.version).toBe('2021');
    expect(catalogue.version('race-at-work-charter', '2018')?.commitments).toHaveLength(5);
  });

  it('has the BSL pledges, the Customer Service Excellence criteria and the Menopause Friendly evidence areas', () => {
    const texts = (key: string) =>
      catalogue.latest(key)?.commitments.map((commitment) => commitment.text.toLowerCase());
    const of = (key: string) => reference.find((scheme) => scheme.key === key);
    expect(texts('bsl-charter')).toEqual(of('bsl-charter')?.pledges?.map((text) => text.toLowerCase()));
    expect(texts('customer-service-excellence')).toEqual(
      of('customer-service-excellence')?.criteria?.map((text) => text.toLowerCase()),
    );
    expect(texts('menopause-friendly')).toEqual(of('menopause-friendly')?.evidenceAreas);
    expect(catalogue.latest('bsl-charter')?.commitmentsCalled).toBe('pledges');
  });

  it('gives Disability Confident its five commitments and three years', () => {
    expect(catalogue.latest('disability-confident')).toMatchObject({ version: '2016', validityYears: 3 });
    expect(catalogue.latest('disability-confident')?.commitments).toHaveLength(5);
  });

  it('answers nothing for a scheme or version it does not have', () => {
    expect(catalogue.latest('investors-in-people')).toBeUndefined();
    expect(catalogue.version('race-at-work-charter', '2030')).toBeUndefined();
  });

  it('refuses a catalogue that is not as the schema says, naming where', () => {
    const data = catalogueJson();
    const schemes = data['schemes'] as Record<string, unknown>[];
    const broken = { ...data, schemes: [...schemes, schemes[0]] };
    expect(() => AccreditationCatalogue.fromJson(broken)).toThrow(
      new CatalogueError('The accreditation catalogue is not valid at schemes: two schemes share a key'),
    );
    const noLevels = { ...data, schemes: [{ ...schemes[0], versions: [{ version: '1', levels: [] }] }] };
    expect(() => AccreditationCatalogue.fromJson(noLevels)).toThrow(CatalogueError);
    expect(() => AccreditationCatalogue.load(new URL('./missing.json', CATALOGUE_FILE))).toThrow(/could not be read/);
  });
});
