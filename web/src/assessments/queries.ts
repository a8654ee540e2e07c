import { useQuery } from '@tanstack/react-query';
import { fetchAssessment, fetchAssessments, fetchDiff, fetchFramework, fetchHistory } from './api.js';

/** The react-query keys and hooks of the assessment pages; a change invalidates ASSESSMENTS_KEY and the one assessment. */
export const ASSESSMENTS_KEY = ['assessments'] as const;
export const assessmentKey = (id: number) => ['assessment', id] as const;
export const historyKey = (id: number) => ['assessment', id, 'history'] as const;

export const useAssessments = (filter: { country: string; status: string }) =>
  useQuery({ queryKey: [...ASSESSMENTS_KEY, filter], queryFn: () => fetchAssessments(filter) });

export const useAssessment = (id: number) =>
  useQuery({ queryKey: assessmentKey(id), queryFn: () => fetchAssessment(id), enabled: Number.isInteger(id) && id > 0 });

/** A framework version never changes once written. */
export const useFramework = (version: number | undefined) =>
  useQuery({
    queryKey: ['framework', version],
    queryFn: () => fetchFramework(version ?? 1),
    enabled: version !== undefined,
    staleTime: Infinity,
  });

export const useHistory = (id: number) => useQuery({ queryKey: historyKey(id), queryFn: () => fetchHistory(id) });

export const useDiff = (from: number | null, to: number) =>
  useQuery({
    queryKey: ['assessment', to, 'diff', from],
    queryFn: () => fetchDiff(from ?? 0, to),
    enabled: from !== null,
  });
