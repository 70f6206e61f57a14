import { isRag, RAG_RATINGS } from './rag.js';

describe('RAG ratings', () => {
  it('are red, amber, green, or none yet', () => {
    expect(RAG_RATINGS).toEqual(['red', 'amber', 'green', 'none']);
    expect(isRag('amber')).toBe(true);
    expect(isRag('Amber')).toBe(false);
    expect(isRag('blue')).toBe(false);
  });
});
