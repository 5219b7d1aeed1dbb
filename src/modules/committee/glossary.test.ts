import { describe, expect, it } from 'vitest';
import { acronymKey, duplicateMessage, glossaryFor, glossarySchema, usesAcronym } from './glossary';

describe('the glossary form', () => {
  it('takes an acronym and its meaning, trimmed', () => {
    expect(
      glossarySchema.parse({ acronym: ' LADO ', meaning: ' Local authority designated officer ' }),
    ).toEqual({
      acronym: 'LADO',
      meaning: 'Local authority designated officer',
    });
  });

  it('says what is missing or wrong in words a clerk can act on', () => {
    const r = glossarySchema.safeParse({ acronym: 'CP plan', meaning: '' });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).toContain('Write the acronym as letters and numbers without spaces, like LADO or S47');
    expect(messages).toContain('Enter what the acronym stands for');
    expect(glossarySchema.safeParse({ acronym: 'A'.repeat(21), meaning: 'x' }).success).toBe(false);
    expect(glossarySchema.safeParse({ acronym: 'CIN', meaning: 'Child\u0007 in need' }).success).toBe(false);
    expect(glossarySchema.safeParse({ acronym: 'S47', meaning: 'Section 47 enquiry' }).success).toBe(true);
  });
});

describe('duplicates', () => {
  const existing = [{ id: 'a', acronym: 'CP' }];
  it('refuses the same acronym however it is written', () => {
    expect(acronymKey('c.p.')).toBe('CP');
    expect(duplicateMessage(existing, 'cp')).toBe(
      'The glossary already has CP: change its meaning instead of adding it again',
    );
    expect(duplicateMessage(existing, 'CPP')).toBeNull();
  });
  it('lets an entry keep its own acronym when it is changed', () => {
    expect(duplicateMessage(existing, 'CP', 'a')).toBeNull();
  });
});

describe('which acronyms a pack prints', () => {
  const entries = [
    { acronym: 'LADO', meaning: 'Local authority designated officer' },
    { acronym: 'CP', meaning: 'Child protection' },
    { acronym: 'IRO', meaning: 'Independent reviewing officer' },
    { acronym: 'CIN', meaning: 'Child in need' },
  ];
  const texts = ['Visits to children on CP plans', 'Reviews chaired by IROs on time', 'A CPS charge'];

  it('finds an acronym as a word of its own, not inside another word', () => {
    expect(usesAcronym('on CP plans', 'CP')).toBe(true);
    expect(usesAcronym('(CP)', 'CP')).toBe(true);
    expect(usesAcronym('A CPS charge', 'CP')).toBe(false);
    expect(usesAcronym('accept', 'CP')).toBe(false);
    expect(usesAcronym('by IROs', 'IRO')).toBe(true);
    expect(usesAcronym('cin', 'CIN')).toBe(false);
  });

  it('prints the used ones, all, or none, alphabetically', () => {
    expect(glossaryFor(entries, 'used', texts).map((e) => e.acronym)).toEqual(['CP', 'IRO']);
    expect(glossaryFor(entries, 'all', texts).map((e) => e.acronym)).toEqual(['CIN', 'CP', 'IRO', 'LADO']);
    expect(glossaryFor(entries, 'none', texts)).toEqual([]);
  });
});
