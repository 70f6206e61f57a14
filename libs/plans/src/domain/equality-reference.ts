/**
 * Facts from `test/fixtures/reference/equality-reference.json` that the plans domain validates against,
 * copied here so the domain needs no file or configuration; equality-reference.unit.spec.ts checks
 * the copy still matches the reference.
 */

/** The three aims of the Public Sector Equality Duty, Equality Act 2010 s.149(1). */
export const PSED_AIMS = [
  'eliminate-discrimination',
  'advance-equality-of-opportunity',
  'foster-good-relations',
] as const;
export type PsedAim = (typeof PSED_AIMS)[number];

export const PSED_AIM_LABELS: Readonly<Record<PsedAim, string>> = {
  'eliminate-discrimination':
    'Eliminate unlawful discrimination, harassment and victimisation and other conduct prohibited by the Act',
  'advance-equality-of-opportunity':
    'Advance equality of opportunity between people who share a relevant protected characteristic and those who do not',
  'foster-good-relations':
    'Foster good relations between people who share a relevant protected characteristic and those who do not',
};

/** The nine protected characteristics of the Equality Act 2010. */
export const PROTECTED_CHARACTERISTICS = [
  'age',
  'disability',
  'gender-reassignment',
  'marriage-civil-partnership',
  'pregnancy-maternity',
  'race',
  'religion-belief',
  'sex',
  'sexual-orientation',
] as const;
export type ProtectedCharacteristic = (typeof PROTECTED_CHARACTERISTICS)[number];

/** Groups councils choose to treat as if protected (Charnwood 2024-26 action 1.2, Leicestershire 2024-28). */
export const LOCAL_CHARACTERISTICS = [
  'care-experienced',
  'carers',
  'armed-forces',
  'gypsy-traveller',
  'asylum-refugee-migrant',
  'socio-economic',
] as const;
export type LocalCharacteristic = (typeof LOCAL_CHARACTERISTICS)[number];

/** What an action may say it concerns: the statutory characteristics and the local ones. */
export const CHARACTERISTICS_CONCERNED = [...PROTECTED_CHARACTERISTICS, ...LOCAL_CHARACTERISTICS] as const;
export type CharacteristicConcerned = ProtectedCharacteristic | LocalCharacteristic;

export const CHARACTERISTIC_LABELS: Readonly<Record<CharacteristicConcerned, string>> = {
  age: 'Age',
  disability: 'Disability',
  'gender-reassignment': 'Gender reassignment',
  'marriage-civil-partnership': 'Marriage and civil partnership',
  'pregnancy-maternity': 'Pregnancy and maternity',
  race: 'Race',
  'religion-belief': 'Religion or belief',
  sex: 'Sex',
  'sexual-orientation': 'Sexual orientation',
  'care-experienced': 'Care experienced / lived care experience',
  carers: 'Carers',
  'armed-forces': 'Armed forces community / ex-armed forces',
  'gypsy-traveller': 'Gypsy, Roma and Traveller communities',
  'asylum-refugee-migrant': 'Asylum seekers, refugees and migrants',
  'socio-economic': 'Socio-economic disadvantage / deprived communities',
};

/** The modules of the LGA Equality Framework for Local Government (EFLG 2021), as the reference names them. */
export const EFLG_MODULES = [
  'Understanding and working with your communities',
  'Leadership, partnership and organisational commitment',
  'Responsive services and customer care',
  'Diverse and engaged workforce',
] as const;
export type EflgModule = (typeof EFLG_MODULES)[number];

export function isPsedAim(key: string): key is PsedAim {
  return (PSED_AIMS as readonly string[]).includes(key);
}

export function isCharacteristicConcerned(key: string): key is CharacteristicConcerned {
  return (CHARACTERISTICS_CONCERNED as readonly string[]).includes(key);
}

export function isEflgModule(name: string): name is EflgModule {
  return (EFLG_MODULES as readonly string[]).includes(name);
}
