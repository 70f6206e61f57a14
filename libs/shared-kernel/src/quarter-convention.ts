/**
 * How a bare quarter ("Q3 2024") reads. `calendar`: Q1 is January–March of the year written.
 * `financial` (UK local government, April to March): the year written is the one the financial
 * year starts in, so Q1 2024 is April–June 2024, Q3 2024 is October–December 2024 and Q4 2024 is
 * January–March 2025 (Q4 of 2024/25). A quarter written with a financial year ("Q4 2024/25") is
 * always financial, and months named in the text ("Q2 July to September 2025") always win.
 */
export const QUARTER_CONVENTIONS = ['calendar', 'financial'] as const;
export type QuarterConvention = (typeof QUARTER_CONVENTIONS)[number];
