import fc from 'fast-check';
import { finalDueDate, nextDueDate, parseDue, renderDue, type Due } from './due.js';
import { type QuarterConvention } from '@due-regard/shared-kernel';

type Expected = Omit<Due, 'text'>;

const date = (d: string): Expected => ({ kind: 'date', dates: [d], range: null, frequency: null });
const milestones = (...dates: string[]): Expected => ({ kind: 'milestones', dates, range: null, frequency: null });
const range = (from: string, to: string): Expected => ({
  kind: 'range',
  dates: [from, to],
  range: { from, to },
  frequency: null,
});
/** A quarter: due by its end, its first and last day kept with the window. */
const quarter = (from: string, to: string): Expected => ({
  kind: 'date',
  dates: [from, to],
  range: { from, to },
  frequency: null,
});
const ongoing: Expected = { kind: 'ongoing', dates: [], range: null, frequency: null };

function schedule(due: Due): Expected {
  const { kind, dates, range: window, frequency } = due;
  return { kind, dates, range: window, frequency };
}

describe('parseDue: every due phrase in the fixture plans', () => {
  // Charnwood Equality Action Plan 2016-2018, "Date of Completion"
  // Charnwood Equality Strategy Action Plan 2024-2026, "Completion Date"
  // Leicestershire County Council EDI Strategy 2024-2028, action plan "Timelines"
  it.each<[string, Expected]>([
    ['April 2018', date('2018-04-30')],
    ['January 2017/ January 2018', milestones('2017-01-31', '2018-01-31')],
    ['December 2017', date('2017-12-31')],
    ['October 2018', date('2018-10-31')],
    ['January 2017', date('2017-01-31')],
    ['September 2017', date('2017-09-30')],
    ['March 2018', date('2018-03-31')],
    ['Ongoing', ongoing],
    ['April 2017', date('2017-04-30')],
    // Action 3.5's row comes out of the PDF twice, the second time with its year misread.
    ['April 2011', date('2011-04-30')],
    ['May 2017', date('2017-05-31')],
    [
      'Quarterly Updates Jan/ Apr/Jul/ Oct 2017',
      {
        kind: 'recurring',
        dates: ['2017-01-31', '2017-04-30', '2017-07-31', '2017-10-31'],
        range: null,
        frequency: 'quarterly',
      },
    ],
    [
      // As the cell comes out of the PDF, one line per row of the table.
      'Quarterly\nUpdates\nJan/ Apr/Jul/ Oct\n2017',
      {
        kind: 'recurring',
        dates: ['2017-01-31', '2017-04-30', '2017-07-31', '2017-10-31'],
        range: null,
        frequency: 'quarterly',
      },
    ],
    ['April 2017/ April 2018', milestones('2017-04-30', '2018-04-30')],
    ['November 2017', date('2017-11-30')],
    ['June 2024', date('2024-06-30')],
    ['March 2026', date('2026-03-31')],
    ['Sept 2024 and Sept 2025', milestones('2024-09-30', '2025-09-30')],
    ['May 2025', date('2025-05-31')],
    ['March 2025 and March 2026', milestones('2025-03-31', '2026-03-31')],
    ['Annual Review', { kind: 'ongoing', dates: [], range: null, frequency: 'annual' }],
    ['March 2025', date('2025-03-31')],
    ['September 2024', date('2024-09-30')],
    ['Annual – April 2025', { kind: 'recurring', dates: ['2025-04-30'], range: null, frequency: 'annual' }],
    ['Q1 2024 - Q2 2024', range('2024-01-01', '2024-06-30')],
    ['Q3 2024 - Q4 2024', range('2024-07-01', '2024-12-31')],
    ['Q4 2024 – Q4 2025', range('2024-10-01', '2025-12-31')],
    ['Q2 2024 - Q1 2025', range('2024-04-01', '2025-03-31')],
    ['Q1 2024 - Q4 2025', range('2024-01-01', '2025-12-31')],
    ['Annually', { kind: 'recurring', dates: [], range: null, frequency: 'annual' }],
    ['Tri-annually', { kind: 'recurring', dates: [], range: null, frequency: 'tri-annual' }],
    ['Q2 2024 - Q4 2024', range('2024-04-01', '2024-12-31')],
    ['Q4 2024', quarter('2024-10-01', '2024-12-31')],
    ['Q3 2024 - Q2 2025', range('2024-07-01', '2025-06-30')],
    ['Q3 2024', quarter('2024-07-01', '2024-09-30')],
  ])('%p', (text, expected) => {
    const due = parseDue(text);
    expect(schedule(due)).toEqual(expected);
    expect(due.text).toBe(text);
  });
});

describe('parseDue: quarters', () => {
  it.each<[string, Expected]>([
    ['Q2 July to September 2025', quarter('2025-07-01', '2025-09-30')],
    ['Q3 October to December 2021', quarter('2021-10-01', '2021-12-31')],
    ['Q2 (July – September 2025)', quarter('2025-07-01', '2025-09-30')],
    ['July to September 2025 (Q2)', quarter('2025-07-01', '2025-09-30')],
    ['Quarter 3 2024', quarter('2024-07-01', '2024-09-30')],
    ['third quarter 2024', quarter('2024-07-01', '2024-09-30')],
    ['Q4 - Q1 2025', range('2024-10-01', '2025-03-31')],
    ['Q4 2024/25', quarter('2025-01-01', '2025-03-31')],
    ['Q1 2024/25', quarter('2024-04-01', '2024-06-30')],
    ['Q1 2024 and Q3 2024', milestones('2024-03-31', '2024-09-30')],
  ])('%p (calendar convention, the default)', (text, expected) => {
    expect(schedule(parseDue(text))).toEqual(expected);
  });

  it.each<[string, Expected]>([
    ['Q1 2024', quarter('2024-04-01', '2024-06-30')],
    ['Q2 2024', quarter('2024-07-01', '2024-09-30')],
    ['Q3 2024', quarter('2024-10-01', '2024-12-31')],
    // Q4 of the financial year 2024/25
    ['Q4 2024', quarter('2025-01-01', '2025-03-31')],
    ['Q1 2024 - Q2 2024', range('2024-04-01', '2024-09-30')],
    ['Q3 2024 - Q4 2024', range('2024-10-01', '2025-03-31')],
    // months named in the text win over the convention
    ['Q2 July to September 2025', quarter('2025-07-01', '2025-09-30')],
    ['Q3 October to December 2021', quarter('2021-10-01', '2021-12-31')],
    ['Q4 2024/25', quarter('2025-01-01', '2025-03-31')],
  ])('%p (financial convention)', (text, expected) => {
    expect(schedule(parseDue(text, { quarterConvention: 'financial' }))).toEqual(expected);
  });

  it('reads a bare quarter in the calendar convention unless told otherwise', () => {
    expect(parseDue('Q1 2025', { quarterConvention: 'calendar' }).dates).toEqual(['2025-01-01', '2025-03-31']);
    expect(parseDue('Q1 2025').dates).toEqual(['2025-01-01', '2025-03-31']);
  });
});

describe('parseDue: dates as councils write them', () => {
  it.each<[string, Expected]>([
    ['Mar-26', date('2026-03-31')],
    ['Sep-25', date('2025-09-30')],
    ['31/03/2026', date('2026-03-31')],
    ['2025/26', date('2026-03-31')],
    ['Spring 2026', date('2026-05-31')],
    ['By December 2025', date('2025-12-31')],
    ['by the end of 2028', date('2028-12-31')],
    ['Q3 October to December 2025', quarter('2025-10-01', '2025-12-31')],
    ['Q1 April to June 2026', quarter('2026-04-01', '2026-06-30')],
    ['Draft Sep 2025; final Jan 2026', milestones('2025-09-30', '2026-01-31')],
    ['Apr 2025 – Mar 2027', range('2025-04-01', '2027-03-31')],
    ['Year 2 (2026/27)', date('2027-03-31')],
    ['Every six months', { kind: 'recurring', dates: [], range: null, frequency: 'six-monthly' }],
    ['Every two years', { kind: 'recurring', dates: [], range: null, frequency: 'biennial' }],
    ['Q3 each year', { kind: 'recurring', dates: [], range: null, frequency: 'annual' }],
    ['TBC', { kind: 'unknown', dates: [], range: null, frequency: null }],
  ])('%p', (text, expected) => {
    expect(schedule(parseDue(text))).toEqual(expected);
  });

  it('reads a financial year\'s quarter whatever the convention: "Q2 2025/26" is July to September 2025', () => {
    for (const quarterConvention of ['calendar', 'financial'] as const) {
      expect(schedule(parseDue('Q2 2025/26', { quarterConvention }))).toEqual(quarter('2025-07-01', '2025-09-30'));
    }
  });

  it('reads "Q4 2025/26 then annually" as recurring from January to March 2026', () => {
    expect(schedule(parseDue('Q4 2025/26 then annually'))).toEqual({
      kind: 'recurring',
      dates: ['2026-01-01', '2026-03-31'],
      range: { from: '2026-01-01', to: '2026-03-31' },
      frequency: 'annual',
    });
  });

  it('reads "Year 1" and "Years 1–4" only from the document\'s own definition of its years', () => {
    expect(parseDue('Year 1').kind).toBe('unknown');
    expect(schedule(parseDue('Year 1', { planYearOne: 2025 }))).toEqual(date('2026-03-31'));
    expect(schedule(parseDue('Years 1–4', { planYearOne: 2025 }))).toEqual(range('2025-04-01', '2029-03-31'));
    expect(schedule(parseDue('Year 3', { planYearOne: 2025 }))).toEqual(date('2028-03-31'));
  });

  it('gives a due that names no year ("End of Q3") the plan\'s year, and only a one-off due', () => {
    expect(parseDue('End of Q3').kind).toBe('unknown');
    const period = { startYear: 2025, financial: true };
    expect(schedule(parseDue('End of Q3', { yearless: period }))).toEqual(quarter('2025-10-01', '2025-12-31'));
    expect(schedule(parseDue('End of March', { yearless: period }))).toEqual(date('2026-03-31'));
    expect(parseDue('Q3 each year', { yearless: period }).dates).toEqual([]);
  });
});

describe('parseDue: the noise of real documents', () => {
  it.each<[string, Expected]>([
    ['Sept 2024', date('2024-09-30')],
    ['Sep. 2024', date('2024-09-30')],
    ['sep 2024', date('2024-09-30')],
    ['June 2024.', date('2024-06-30')],
    ['  June   2024 ', date('2024-06-30')],
    ['JUNE 2024', date('2024-06-30')],
    ['june 2024', date('2024-06-30')],
    ['by March 2026', date('2026-03-31')],
    ['By the end of March 2026', date('2026-03-31')],
    ['end of March 2025', date('2025-03-31')],
    ['No later than March 2025', date('2025-03-31')],
    ['Spring 2025', date('2025-05-31')],
    ['Summer 2018', date('2018-08-31')],
    ['Autumn 2017', date('2017-11-30')],
    ['Winter 2025', date('2025-02-28')],
    ['2024/25', date('2025-03-31')],
    ['2024-25', date('2025-03-31')],
    ['2017/2018', date('2018-03-31')],
    ['end of financial year 2024/25', date('2025-03-31')],
    ['March 2024/25', date('2025-03-31')],
    ['2025', date('2025-12-31')],
    ['31 March 2025', date('2025-03-31')],
    ['31st March 2025', date('2025-03-31')],
    ['1st of April 2025', date('2025-04-01')],
    ['March 31, 2025', date('2025-03-31')],
    ['31/03/2025', date('2025-03-31')],
    ['31/03/25', date('2025-03-31')],
    ['31.03.2025', date('2025-03-31')],
    ['2025-03-31', date('2025-03-31')],
    ['03/2025', date('2025-03-31')],
    ['29 February 2024', date('2024-02-29')],
    ['Q1 2024 — Q2 2024', range('2024-01-01', '2024-06-30')],
    ['Q1 2024-Q2 2024', range('2024-01-01', '2024-06-30')],
    ['Annual—April 2025', { kind: 'recurring', dates: ['2025-04-30'], range: null, frequency: 'annual' }],
    ['Annual–April 2025', { kind: 'recurring', dates: ['2025-04-30'], range: null, frequency: 'annual' }],
    ['Sept 2024 & Sept 2025', milestones('2024-09-30', '2025-09-30')],
    ['January 2017, April 2017 and July 2017', milestones('2017-01-31', '2017-04-30', '2017-07-31')],
    ['31 March and 30 September 2025', milestones('2025-03-31', '2025-09-30')],
    ['April 2017/ April 2017', date('2017-04-30')],
  ])('%p', (text, expected) => {
    expect(schedule(parseDue(text))).toEqual(expected);
  });
});

describe('parseDue: ranges, recurrences and ongoing work', () => {
  it.each<[string, Expected]>([
    ['April 2024 to March 2026', range('2024-04-01', '2026-03-31')],
    ['From April 2024 to March 2026', range('2024-04-01', '2026-03-31')],
    ['Between April 2024 and March 2025', range('2024-04-01', '2025-03-31')],
    ['1 April 2024 - 15 May 2024', range('2024-04-01', '2024-05-15')],
    ['2024 - 2026', range('2024-01-01', '2026-12-31')],
    ['2024-2026', range('2024-01-01', '2026-12-31')],
    ['2024-03/01/2025', range('2024-01-01', '2025-01-03')],
    ['November to February 2025', range('2024-11-01', '2025-02-28')],
    ['31 March 2025 to 31 March 2025', date('2025-03-31')],
    ['Jan-Mar 2025', range('2025-01-01', '2025-03-31')],
    ['Dec 2024 - Jan 2025', range('2024-12-01', '2025-01-31')],
    ['Annually in March', { kind: 'recurring', dates: [], range: null, frequency: 'annual' }],
    ['By 31st March each year', { kind: 'recurring', dates: [], range: null, frequency: 'annual' }],
    ['Quarterly from April 2024', { kind: 'recurring', dates: ['2024-04-30'], range: null, frequency: 'quarterly' }],
    ['every year', { kind: 'recurring', dates: [], range: null, frequency: 'annual' }],
    ['Yearly', { kind: 'recurring', dates: [], range: null, frequency: 'annual' }],
    ['Quarterly', { kind: 'recurring', dates: [], range: null, frequency: 'quarterly' }],
    ['Monthly', { kind: 'recurring', dates: [], range: null, frequency: 'monthly' }],
    ['Three times a year', { kind: 'recurring', dates: [], range: null, frequency: 'tri-annual' }],
    ['Twice a year', { kind: 'recurring', dates: [], range: null, frequency: 'six-monthly' }],
    ['Half-yearly', { kind: 'recurring', dates: [], range: null, frequency: 'six-monthly' }],
    [
      'Quarterly, April 2024 to March 2026',
      {
        kind: 'recurring',
        dates: ['2024-04-01', '2026-03-31'],
        range: { from: '2024-04-01', to: '2026-03-31' },
        frequency: 'quarterly',
      },
    ],
    ['Annual review – April 2025', { kind: 'recurring', dates: ['2025-04-30'], range: null, frequency: 'annual' }],
    ['on-going', ongoing],
    ['On going.', ongoing],
    ['Continuous', ongoing],
    ['Ongoing, reviewed annually', { kind: 'ongoing', dates: [], range: null, frequency: 'annual' }],
    ['Ongoing – March 2025', { kind: 'ongoing', dates: ['2025-03-31'], range: null, frequency: null }],
    ['April 2025 onwards', { kind: 'ongoing', dates: ['2025-04-30'], range: null, frequency: null }],
  ])('%p', (text, expected) => {
    expect(schedule(parseDue(text))).toEqual(expected);
  });
});

describe('parseDue: what it cannot read is kept and flagged, never guessed', () => {
  it.each([
    'TBC',
    'To be confirmed',
    'Completed',
    'Date revised to May 2018',
    'March',
    'June 24',
    'Q5 2024',
    '31/02/2025',
    '30 February 2025',
    'Q2 2025 - Q1 2025',
    'From April 2025',
    'Annually and quarterly',
    'March or April 2025',
    'Jan 2024 - Mar 2024 and Jan 2025',
    'Early 2025',
    '1850',
    'Subject to funding',
  ])('%p', (text) => {
    expect(parseDue(text)).toEqual({ text, kind: 'unknown', dates: [], range: null, frequency: null });
  });

  it('keeps nothing for an empty cell', () => {
    expect(parseDue('')).toEqual({ text: null, kind: 'unknown', dates: [], range: null, frequency: null });
    expect(parseDue('   \n ')).toEqual({ text: null, kind: 'unknown', dates: [], range: null, frequency: null });
  });

  it('keeps the text as written, trimmed of outer whitespace', () => {
    expect(parseDue('  Sept 2024 and Sept 2025\n').text).toBe('Sept 2024 and Sept 2025');
  });

  it('is not confused by words that name properties of JavaScript objects', () => {
    expect(parseDue('constructor 2024').kind).toBe('unknown');
    expect(parseDue('toString').kind).toBe('unknown');
  });
});

describe('renderDue', () => {
  it.each([
    ['June 2024', 'June 2024'],
    ['31 March 2025', 'March 2025'],
    ['15 March 2025', '15 March 2025'],
    ['Sept 2024 and Sept 2025', 'September 2024 and September 2025'],
    ['Quarterly Updates Jan/ Apr/Jul/ Oct 2017', 'Quarterly – January 2017, April 2017, July 2017 and October 2017'],
    ['Q3 2024', 'Quarter July 2024 to September 2024'],
    ['1 April 2024 - 15 May 2024', 'April 2024 to 15 May 2024'],
    ['Annual – April 2025', 'Annually – April 2025'],
    ['Annually', 'Annually'],
    ['Tri-annually', 'Tri-annually'],
    ['Annual Review', 'Annual review'],
    ['Ongoing', 'Ongoing'],
    ['Ongoing, reviewed quarterly', 'Quarterly review'],
    ['Ongoing, reviewed annually – March 2025', 'Ongoing, annual review – March 2025'],
    ['Ongoing – March 2025', 'Ongoing – March 2025'],
    ['When funding allows', 'When funding allows'],
    ['', ''],
  ])('renders %p as %p', (text, rendered) => {
    expect(renderDue(parseDue(text))).toBe(rendered);
  });

  it('renders a financial quarter with its months, so the reading no longer depends on the convention', () => {
    expect(renderDue(parseDue('Q4 2024', { quarterConvention: 'financial' }))).toBe(
      'Quarter January 2025 to March 2025',
    );
  });
});

describe('reading the schedule', () => {
  it('gives the last deadline of one-off work only', () => {
    expect(finalDueDate(parseDue('Sept 2024 and Sept 2025'))).toBe('2025-09-30');
    expect(finalDueDate(parseDue('Q3 2024'))).toBe('2024-09-30');
    expect(finalDueDate(parseDue('June 2024'))).toBe('2024-06-30');
    expect(finalDueDate(parseDue('Annual – April 2025'))).toBeNull();
    expect(finalDueDate(parseDue('Ongoing'))).toBeNull();
    expect(finalDueDate(parseDue('TBC'))).toBeNull();
  });

  it('gives the next deadline on or after a day', () => {
    expect(nextDueDate(parseDue('Sept 2024 and Sept 2025'), '2024-09-30')).toBe('2024-09-30');
    expect(nextDueDate(parseDue('Sept 2024 and Sept 2025'), '2024-10-01')).toBe('2025-09-30');
    expect(nextDueDate(parseDue('Sept 2024 and Sept 2025'), '2025-10-01')).toBeNull();
    expect(nextDueDate(parseDue('Q1 2024 - Q2 2024'), '2024-02-01')).toBe('2024-06-30');
    expect(nextDueDate(parseDue('Ongoing'), '2024-02-01')).toBeNull();
  });

  it('steps recurring work on from the dates it names', () => {
    expect(nextDueDate(parseDue('Annual – April 2025'), '2025-01-01')).toBe('2025-04-30');
    expect(nextDueDate(parseDue('Annual – April 2025'), '2025-05-01')).toBe('2026-04-30');
    expect(nextDueDate(parseDue('Annual – April 2025'), '2027-04-30')).toBe('2027-04-30');
    expect(nextDueDate(parseDue('Quarterly Updates Jan/ Apr/Jul/ Oct 2017'), '2018-02-01')).toBe('2018-04-30');
    expect(nextDueDate(parseDue('Monthly – 15 January 2025'), '2025-03-16')).toBe('2025-04-15');
    expect(nextDueDate(parseDue('Annually'), '2025-01-01')).toBeNull();
  });

  it('never steps tri-annual work, which councils write for both three times a year and every three years', () => {
    expect(nextDueDate(parseDue('Tri-annually – March 2025'), '2025-04-01')).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const YEARS = fc.integer({ min: 2000, max: 2040 });

const MONTH_SPELLINGS: readonly (readonly string[])[] = [
  ['January', 'Jan', 'jan', 'JANUARY'],
  ['February', 'Feb', 'feb.'],
  ['March', 'Mar', 'march'],
  ['April', 'Apr', 'april'],
  ['May', 'MAY'],
  ['June', 'Jun', 'june'],
  ['July', 'Jul', 'july'],
  ['August', 'Aug', 'Aug.'],
  ['September', 'Sept', 'Sep.', 'sep'],
  ['October', 'Oct', 'oct'],
  ['November', 'Nov', 'nov.'],
  ['December', 'Dec', 'DEC'],
];

const month = fc.integer({ min: 1, max: 12 }).chain((m) => fc.constantFrom(...(MONTH_SPELLINGS[m - 1] ?? ['January'])));

/** A phrase with the years it states. */
type Phrase = { readonly text: string; readonly years: readonly number[] };

const dated: fc.Arbitrary<Phrase> = fc.oneof(
  fc.tuple(month, YEARS).map(([m, y]) => ({ text: `${m} ${y}`, years: [y] })),
  fc
    .tuple(fc.integer({ min: 1, max: 28 }), fc.constantFrom('', 'st', 'th'), month, YEARS)
    .map(([d, suffix, m, y]) => ({ text: `${d}${suffix} ${m} ${y}`, years: [y] })),
  fc
    .tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), YEARS)
    .map(([d, m, y]) => ({ text: `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`, years: [y] })),
  fc.tuple(fc.integer({ min: 1, max: 4 }), YEARS).map(([q, y]) => ({ text: `Q${q} ${y}`, years: [y] })),
  fc
    .tuple(fc.constantFrom('Spring', 'Summer', 'Autumn', 'Winter'), YEARS)
    .map(([season, y]) => ({ text: `${season} ${y}`, years: [y] })),
  YEARS.map((y) => ({ text: `${y}/${String((y + 1) % 100).padStart(2, '0')}`, years: [y, y + 1] })),
  YEARS.map((y) => ({ text: `${y}`, years: [y] })),
);

// A bare "/" or "-" between a year and a number reads as a financial year ("January 2021/22
// January 2021", "January 2024-25 January 2025"), so these put spaces around them, as the fixtures do
// ("April 2017/ April 2018", "Q1 2024 - Q2 2024").
const listSeparator = fc.constantFrom(' and ', '/ ', ' & ', ', ');
const rangeSeparator = fc.constantFrom(' - ', ' – ', ' to ', ' —');

/** Lists may leave the year off all but the last month ("Jan/ Apr/Jul/ Oct 2017"). */
const list: fc.Arbitrary<Phrase> = fc
  .tuple(fc.array(fc.tuple(month, fc.boolean()), { minLength: 1, maxLength: 3 }), listSeparator, dated)
  .map(([months, separator, last]) => ({
    text: [...months.map(([m, bare]) => (bare ? m : `${m} ${last.years[0] ?? 2024}`)), last.text].join(separator),
    years: last.years,
  }));

const rangePhrase: fc.Arbitrary<Phrase> = fc.tuple(dated, rangeSeparator, dated).map(([from, separator, to]) => ({
  text: `${from.text}${separator}${to.text}`,
  years: [...from.years, ...to.years],
}));

const core = fc.oneof(dated, list, rangePhrase);

const phrase: fc.Arbitrary<Phrase> = fc
  .tuple(
    fc.constantFrom(
      '',
      'by ',
      'By the end of ',
      'end of ',
      'Annual – ',
      'Quarterly Updates ',
      'Ongoing – ',
      'Annually, ',
    ),
    core,
    fc.constantFrom('', '.', ' ', ' onwards'),
  )
  .map(([prefix, body, suffix]) => ({ text: `${prefix}${body.text}${suffix}`, years: body.years }));

/** Fragments of real due cells, with the years each states, shuffled into nonsense and sense alike. */
const FRAGMENTS: readonly Phrase[] = [
  ...['June', 'Sept', 'Sep.', 'March', 'November', 'February', 'Jan/', 'Apr/Jul/', 'Oct'].map((text) => ({
    text,
    years: [],
  })),
  ...['Q1', 'Q2', 'Q3', 'Q4', 'Quarter 2', 'Spring', 'Winter', 'Autumn'].map((text) => ({ text, years: [] })),
  ...['-', '–', '—', 'and', '/', '&', ',', 'to', 'between', 'from', 'by', 'end of', '.', '(', ')'].map((text) => ({
    text,
    years: [],
  })),
  ...['Ongoing', 'Annual', 'Annually', 'Review', 'Quarterly', 'Updates', 'Tri-annually', 'Monthly', 'onwards'].map(
    (text) => ({ text, years: [] }),
  ),
  ...['31', '1st', 'x', 'TBC', 'of', '?', 'constructor'].map((text) => ({ text, years: [] })),
  { text: '2017', years: [2017] },
  { text: '2024', years: [2024] },
  { text: '2025', years: [2025] },
  { text: '2024/25', years: [2024, 2025] },
  { text: '31/03/2025', years: [2025] },
  { text: '2025-03-31', years: [2025] },
];

const soup: fc.Arbitrary<Phrase> = fc
  .tuple(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 8 }), fc.constantFrom(' ', '  ', ''))
  .map(([fragments, glue]) => ({
    text: fragments.map((fragment) => fragment.text).join(glue),
    years: fragments.flatMap((fragment) => fragment.years),
  }));

const convention = fc.constantFrom<QuarterConvention>('calendar', 'financial');

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

describe('Due properties', () => {
  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          phrase.map((p) => p.text),
          soup.map((p) => p.text),
        ),
        convention,
        (text, quarterConvention) => {
          const due = parseDue(text, { quarterConvention });
          renderDue(due);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('gives dates ascending and without repeats, and a range its first and last day', () => {
    fc.assert(
      fc.property(fc.oneof(phrase, soup), convention, ({ text }, quarterConvention) => {
        const due = parseDue(text, { quarterConvention });
        expect([...new Set(due.dates)].sort()).toEqual(due.dates);
        if (due.range !== null) expect(due.dates).toEqual([due.range.from, due.range.to]);
        if (due.kind === 'unknown') expect(due.dates).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads its own rendering back as the same schedule, in either quarter convention', () => {
    fc.assert(
      fc.property(fc.oneof(phrase, soup), convention, convention, ({ text }, first, second) => {
        const due = parseDue(text, { quarterConvention: first });
        // Unknown dues render as their text, which is read with the convention it was written in.
        const again = parseDue(renderDue(due), { quarterConvention: due.kind === 'unknown' ? first : second });
        expect(schedule(again)).toEqual(schedule(due));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps every date within the years the text states (calendar quarters, years written on every range end)', () => {
    fc.assert(
      fc.property(phrase, ({ text, years }) => {
        const due = parseDue(text);
        for (const d of due.dates) {
          // A winter ends in February of the year written and starts in the December before it.
          const winterStart = /winter/i.test(text) && d.endsWith('-12-01');
          expect(years.includes(yearOf(d)) || (winterStart && years.includes(yearOf(d) + 1))).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('strays at most one year from the years stated, where the year is inferred or the quarter is financial', () => {
    // "November to February 2025" starts in 2024; a financial Q4 2024 ends in 2025.
    fc.assert(
      fc.property(fc.oneof(phrase, soup), convention, ({ text, years }, quarterConvention) => {
        const due = parseDue(text, { quarterConvention });
        for (const d of due.dates) {
          expect(years.some((year) => Math.abs(year - yearOf(d)) <= 1)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
