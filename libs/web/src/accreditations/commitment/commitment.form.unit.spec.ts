import { readCommitmentForm } from './commitment.form.js';

describe('the commitment form', () => {
  const actionId = '0190a3c0-0000-7000-8000-000000000001';
  const recorded = [
    { title: 'Recruitment policy', url: 'https://example.org/policy' },
    { title: 'Old page', url: 'https://example.org/old' },
  ];

  it('reads the status, the actions ticked, the links kept and a new link', () => {
    expect(
      readCommitmentForm(
        {
          status: 'met',
          actionIds: [actionId],
          keptLinks: '0',
          newLinkTitle: 'Interview scheme',
          newLinkUrl: ' https://example.org/interviews ',
        },
        '3',
        recorded,
      ),
    ).toMatchObject({
      kind: 'valid',
      commitment: {
        ref: '3',
        status: 'met',
        actionIds: [actionId],
        links: [recorded[0], { title: 'Interview scheme', url: 'https://example.org/interviews' }],
      },
    });
  });

  it('records no new link when none was typed, and drops links no longer ticked', () => {
    expect(readCommitmentForm({ status: 'in-progress' }, '1', recorded)).toMatchObject({
      kind: 'valid',
      commitment: { status: 'in-progress', actionIds: [], links: [] },
    });
  });

  it('names the status, and a new link without an address or with one that is not a web address', () => {
    expect(readCommitmentForm({ status: '' }, '1', [])).toMatchObject({
      kind: 'invalid',
      errors: { status: 'Select where the council stands on it' },
    });
    expect(readCommitmentForm({ status: 'met', newLinkTitle: 'Policy' }, '1', [])).toMatchObject({
      kind: 'invalid',
      errors: { newLinkUrl: 'Give a web address starting https:// or http://' },
      values: { newLinkTitle: 'Policy' },
    });
    expect(
      readCommitmentForm({ status: 'met', newLinkTitle: 'x', newLinkUrl: 'javascript:alert(1)' }, '1', []),
    ).toMatchObject({ kind: 'invalid', errors: { newLinkUrl: 'Give a web address starting https:// or http://' } });
    expect(readCommitmentForm({ status: 'met', newLinkUrl: 'https://example.org' }, '1', [])).toMatchObject({
      kind: 'invalid',
      errors: { newLinkTitle: 'Give the document or page a title' },
    });
  });
});
