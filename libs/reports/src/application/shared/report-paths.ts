export const API_REPORTS = '/api/v1/reports';
export const reportPath = (id: string): string => `${API_REPORTS}/${id}`;
