import { recentChangeRow } from './dashboard-view.js';

describe("the dashboard's recent changes", () => {
  it('dates each change on UK clocks and links to the action', () => {
    expect(
      recentChangeRow({
        planId: 'p-1',
        planTitle: 'Equality Strategy Action Plan 2024 – 2026',
        actionId: 'a-1',
        ref: '2.5',
        title: 'Promote new recruitment process',
        status: 'ongoing',
        rag: 'amber',
        latestUpdateOn: '2025-06-30',
        latestNarrative: 'Anonymous applications are live for all posts.',
        changedAt: '2025-07-01T08:30:00.000Z',
      }),
    ).toEqual({
      when: '1 July 2025 at 9:30am',
      href: '/plans/p-1/actions/a-1',
      ref: '2.5',
      title: 'Promote new recruitment process',
      planTitle: 'Equality Strategy Action Plan 2024 – 2026',
      status: { text: 'Ongoing', classes: 'govuk-tag--turquoise' },
    });
  });
});
