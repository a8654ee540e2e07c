import * as z from 'zod/mini';
import { request } from '../../api.js';
import { reportSummarySchema, type ReportSummary } from '../queue/api.js';

/** The reports the signed-in user sent, newest first (GET /api/reports/mine: nothing sealed in it). */
export const fetchMyReports = (): Promise<ReportSummary[]> => request('/api/reports/mine?limit=50', z.array(reportSummarySchema));
