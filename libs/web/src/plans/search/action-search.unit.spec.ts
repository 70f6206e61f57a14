import { searchForm } from './action-search.js';

describe('the search form', () => {
  it('asks nothing until a field is filled in, and ignores parameters it does not send', () => {
    expect(searchForm({}).search).toBeNull();
    expect(searchForm({ q: '  ', status: '', utm_source: 'newsletter' }).search).toBeNull();
  });

  it('reads words, reference, lead, status, RAG, overdue and the due window', () => {
    const form = searchForm({
      q: ' pay gap ',
      ref: '2.2',
      lead: 'human',
      status: 'in-progress',
      rag: 'amber',
      overdue: 'no',
      'dueFrom-day': '1',
      'dueFrom-month': '4',
      'dueFrom-year': '2025',
      'dueTo-day': '31',
      'dueTo-month': 'march',
      'dueTo-year': '2026',
    });
    expect(form.errors).toEqual({});
    expect(form.search).toEqual({
      words: 'pay gap',
      ref: '2.2',
      lead: 'human',
      status: 'in-progress',
      rag: 'amber',
      overdue: false,
      dueFrom: '2025-04-01',
      dueTo: '2026-03-31',
    });
  });

  it('refuses a date that is not one, or a status the form does not offer, saying which field', () => {
    const badDate = searchForm({ 'dueFrom-day': '31', 'dueFrom-month': '2', 'dueFrom-year': '2025' });
    expect(badDate.search).toBeNull();
    expect(badDate.errors).toEqual({ 'dueFrom-day': 'The first date must be a real date' });
    expect(searchForm({ status: 'finished' }).errors).toEqual({
      status: 'Choose from the list, or enter shorter text',
    });
  });
});
