import { z } from 'zod';
import { REPORT_FORMATS, REPORT_TYPES } from '../../domain/report.js';

/** A report asked for: what `POST /api/v1/reports`, the web's report forms and the CLI take. */
export const requestReportBody = z
  .strictObject({
    type: z.enum(REPORT_TYPES, 'Choose a progress report or the annual report'),
    planId: z.uuid('Choose one of the council’s plans').optional().describe('The plan of a progress report'),
    year: z
      .int('Enter the year the financial year starts in, like 2024')
      .min(2000, 'Enter a year from 2000')
      .max(2100, 'Enter a year up to 2100')
      .optional()
      .describe('The annual report’s financial year, by the year it starts in: 2024 is April 2024 to March 2025'),
    asOf: z.iso
      .date('Enter the date the report is as of as a real date, like 2025-03-31')
      .optional()
      .describe('The day the report is as of (a progress report); today when left out'),
    since: z.iso
      .date('Enter the date to show changes since as a real date, like 2024-04-01')
      .optional()
      .describe('A progress report also says what changed since this day'),
    format: z.enum(REPORT_FORMATS, 'Choose a format: html, pdf, docx, odt, csv, xlsx or ods'),
  })
  .superRefine((body, issues) => {
    if (body.type === 'progress' && body.planId === undefined) {
      issues.addIssue({
        code: 'custom',
        path: ['planId'],
        message: 'A progress report is of one plan: give its planId',
      });
    }
    if (body.type === 'progress' && body.year !== undefined) {
      issues.addIssue({ code: 'custom', path: ['year'], message: 'A progress report is as of a date: leave out year' });
    }
    if (body.type === 'annual' && body.year === undefined) {
      issues.addIssue({
        code: 'custom',
        path: ['year'],
        message: 'An annual report is of a financial year: give its year',
      });
    }
    if (body.type === 'annual' && body.planId !== undefined) {
      issues.addIssue({
        code: 'custom',
        path: ['planId'],
        message: 'An annual report covers every plan: leave out planId',
      });
    }
    if (body.type === 'annual' && (body.asOf !== undefined || body.since !== undefined)) {
      issues.addIssue({
        code: 'custom',
        path: [body.asOf !== undefined ? 'asOf' : 'since'],
        message: 'An annual report covers its financial year: leave out asOf and since',
      });
    }
    if (body.since !== undefined && body.asOf !== undefined && body.since > body.asOf) {
      issues.addIssue({
        code: 'custom',
        path: ['since'],
        message: 'The date to show changes since must be on or before the date the report is as of',
      });
    }
  });
export type RequestReportBody = z.output<typeof requestReportBody>;
