import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CHARACTERISTIC_LABELS,
  EFLG_MODULES,
  LOCAL_CHARACTERISTICS,
  PROTECTED_CHARACTERISTICS,
  PSED_AIM_LABELS,
  PSED_AIMS,
} from './equality-reference.js';

// The reference is kept in the repository, under test/fixtures/reference/ (see test/fixtures/README.md).
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

type Keyed = { key: string; label: string };

function readReference(): {
  psedAims: Keyed[];
  protectedCharacteristics: Keyed[];
  localCharacteristicsSeenInPlans: Keyed[];
  eflgModules: string[];
} {
  const json: unknown = JSON.parse(readFileSync(referencePath, 'utf8'));
  const object = (value: unknown): Record<string, unknown> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('expected an object');
    return value as Record<string, unknown>;
  };
  const keyed = (value: unknown): Keyed[] => {
    if (!Array.isArray(value)) throw new Error('expected a list');
    return value.map((entry) => {
      const { key, label } = object(entry);
      if (typeof key !== 'string' || typeof label !== 'string') throw new Error('expected a key and a label');
      return { key, label };
    });
  };
  const root = object(json);
  const modules = object(root.eflg).modules;
  if (!Array.isArray(modules) || !modules.every((name): name is string => typeof name === 'string')) {
    throw new Error('expected EFLG module names');
  }
  return {
    psedAims: keyed(root.psedAims),
    protectedCharacteristics: keyed(root.protectedCharacteristics),
    localCharacteristicsSeenInPlans: keyed(root.localCharacteristicsSeenInPlans),
    eflgModules: modules,
  };
}

describe('the equality reference copied into the domain', () => {
  const reference = readReference();

  it('has the PSED aims of the reference, in its order, with its labels', () => {
    expect(PSED_AIMS).toEqual(reference.psedAims.map(({ key }) => key));
    expect(Object.entries(PSED_AIM_LABELS)).toEqual(reference.psedAims.map(({ key, label }) => [key, label]));
  });

  it('has the protected characteristics and the local characteristics seen in plans, with their labels', () => {
    expect(PROTECTED_CHARACTERISTICS).toEqual(reference.protectedCharacteristics.map(({ key }) => key));
    expect(LOCAL_CHARACTERISTICS).toEqual(reference.localCharacteristicsSeenInPlans.map(({ key }) => key));
    expect(Object.entries(CHARACTERISTIC_LABELS)).toEqual(
      [...reference.protectedCharacteristics, ...reference.localCharacteristicsSeenInPlans].map(({ key, label }) => [
        key,
        label,
      ]),
    );
  });

  it('has the EFLG modules', () => {
    expect(EFLG_MODULES).toEqual(reference.eflgModules);
  });
});
