import { useQuery } from '@tanstack/react-query';
import {
  fetchAssessment,
  fetchCountryInfo,
  fetchForecast,
  fetchFramework,
  fetchPublishedAssessments,
  fetchSignals,
} from './api.js';

/** The profile's shared queries: several sections read the same answers, fetched once. */

export const useCountryInfo = (iso3: string) =>
  useQuery({ queryKey: ['country-info', iso3], queryFn: () => fetchCountryInfo(iso3), staleTime: Infinity });

export const useForecast = (iso3: string) => useQuery({ queryKey: ['forecast', iso3], queryFn: () => fetchForecast(iso3) });

export const usePublishedAssessments = (iso3: string) =>
  useQuery({ queryKey: ['assessments', 'published', iso3], queryFn: () => fetchPublishedAssessments(iso3) });

export const useAssessment = (id: number | undefined) =>
  useQuery({ queryKey: ['assessment', id], queryFn: () => fetchAssessment(id ?? 0), enabled: id !== undefined });

export const useFramework = () => useQuery({ queryKey: ['framework'], queryFn: fetchFramework, staleTime: Infinity });

export const useSignals = (iso3: string) => useQuery({ queryKey: ['signals', iso3], queryFn: () => fetchSignals(iso3) });
