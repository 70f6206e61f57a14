import fc from 'fast-check';
import { z } from 'zod';
import {
  findUnstorableCharacter,
  isUnstorableTextIssue,
  storableText,
  unstorableTextMessage,
  withoutUnstorableCharacters,
} from './storable-text.js';

/** Text people write: any well-formed string without the characters the rule refuses. */
const writtenText = fc
  .string({ unit: 'grapheme' })
  .map((text) => text.replace(/(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/gu, ''));

/** One character that cannot be stored: NUL, another control, half a surrogate pair, a noncharacter. */
const unstorableCharacter = fc
  .oneof(
    fc.constant('\u0000'),
    fc.integer({ min: 0x01, max: 0x1f }).filter((code) => ![0x09, 0x0a, 0x0d].includes(code)),
    fc.integer({ min: 0x7f, max: 0x9f }),
    fc.integer({ min: 0xd800, max: 0xdfff }),
    fc.constantFrom(0xfffe, 0xffff, 0xfdd0, 0xfdef, 0x1fffe, 0x10ffff),
  )
  .map((character) => (typeof character === 'string' ? character : String.fromCodePoint(character)));

/**
 * Written text with one unstorable character put between two of its characters (code points, so
 * never inside a pair: a lone surrogate put there stays lone).
 */
const textWithUnstorable = fc.tuple(writtenText, unstorableCharacter, fc.nat()).map(([text, character, at]) => {
  const characters = [...text];
  const index = at % (characters.length + 1);
  return { text: [...characters.slice(0, index), character, ...characters.slice(index)].join(''), character };
});

describe('storable text: what free text may hold', () => {
  it('accepts what people write: Welsh, emoji (surrogate pairs), tabs, new lines and carriage returns', () => {
    for (const text of [
      'Gwasanaethau Cymraeg: ŵ, ŷ, â, ê',
      'Pride month 🏳️‍🌈 and 👩🏽‍💻',
      'Column one\tcolumn two',
      'Line one\nline two\r\nline three',
      '“Quotes”, en dash – and £ signs',
      '',
    ]) {
      expect(findUnstorableCharacter(text)).toBeUndefined();
      expect(storableText.safeParse(text).success).toBe(true);
    }
  });

  it('accepts any well-formed text without controls or noncharacters', () => {
    fc.assert(
      fc.property(writtenText, (text) => {
        expect(findUnstorableCharacter(text)).toBeUndefined();
        expect(storableText.safeParse(text).success).toBe(true);
        expect(withoutUnstorableCharacters(text)).toBe(text);
      }),
    );
  });

  it('refuses text with NUL, another control, a lone surrogate or a noncharacter anywhere in it', () => {
    fc.assert(
      fc.property(textWithUnstorable, ({ text, character }) => {
        expect(findUnstorableCharacter(text)?.codePoint).toBe(character.codePointAt(0));
        expect(storableText.safeParse(text).success).toBe(false);
      }),
    );
  });

  it('strips every unstorable character and keeps the rest as it was', () => {
    fc.assert(
      fc.property(textWithUnstorable, ({ text }) => {
        const stripped = withoutUnstorableCharacters(text);
        expect(findUnstorableCharacter(stripped)).toBeUndefined();
        expect(stripped.isWellFormed()).toBe(true);
      }),
    );
    expect(withoutUnstorableCharacters('Ac\u0000tion\ud800 plan\u0007 🙂')).toBe('Action plan 🙂');
  });

  it('says what the character is and where, counting characters as people do', () => {
    expect(findUnstorableCharacter('x\u0000y')).toEqual({ kind: 'control', codePoint: 0, position: 2 });
    expect(findUnstorableCharacter('🙂x\ud800y')).toEqual({ kind: 'lone-surrogate', codePoint: 0xd800, position: 3 });
    expect(findUnstorableCharacter('\uffff')).toEqual({ kind: 'noncharacter', codePoint: 0xffff, position: 1 });
  });

  it('words the refusal plainly, naming the field', () => {
    expect(unstorableTextMessage('Title', { kind: 'control', codePoint: 0, position: 2 })).toBe(
      'Title must not contain control characters such as NUL: remove the U+0000 (NUL) at character 2',
    );
    expect(unstorableTextMessage('Reason', { kind: 'lone-surrogate', codePoint: 0xd800, position: 5 })).toBe(
      'Reason must not contain broken characters: remove the U+D800 (half of a pair, such as half an emoji) at character 5',
    );
    expect(unstorableTextMessage('Due', { kind: 'noncharacter', codePoint: 0xffff, position: 1 })).toBe(
      'Due must not contain noncharacters: remove the U+FFFF at character 1',
    );
  });

  it('names the field from its place in the body, as problem details and forms show it', () => {
    const body = z.strictObject({
      title: storableText.min(1),
      planTitle: storableText.optional(),
      leads: z.array(storableText.max(300)),
    });
    const parsed = body.safeParse({ title: 'x\u0000y', planTitle: '\ud800', leads: ['Human Resources', 'HR\u0007'] });
    expect(parsed.success).toBe(false);
    const issues = parsed.error?.issues ?? [];
    expect(issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['title', 'Title must not contain control characters such as NUL: remove the U+0000 (NUL) at character 2'],
      [
        'planTitle',
        'Plan title must not contain broken characters: remove the U+D800 (half of a pair, such as half an emoji) at character 1',
      ],
      [
        'leads.1',
        'Leads item 2 must not contain control characters such as NUL: remove the U+0007 (BEL) at character 3',
      ],
    ]);
    expect(issues.every(isUnstorableTextIssue)).toBe(true);
  });

  it('keeps the limits chained after it, and tells its own issues from theirs', () => {
    const title = storableText.min(1, 'Enter the title').max(5);
    const empty = title.safeParse('');
    expect(empty.error?.issues.map((issue) => [issue.message, isUnstorableTextIssue(issue)])).toEqual([
      ['Enter the title', false],
    ]);
    expect(title.safeParse('abcdef').success).toBe(false);
    expect(title.safeParse('abc').success).toBe(true);
    expect(storableText.safeParse(42).success).toBe(false);
  });
});
