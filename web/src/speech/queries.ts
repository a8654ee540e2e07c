import { useQuery } from '@tanstack/react-query';
import { fetchGroups, fetchQueue, fetchSpeechItem } from './api.js';

export const SPEECH_KEY = ['speech'] as const;

export const useQueue = (threshold: number) =>
  useQuery({ queryKey: [...SPEECH_KEY, 'queue', threshold], queryFn: () => fetchQueue(threshold) });

export const useSpeechItem = (id: number) =>
  useQuery({ queryKey: [...SPEECH_KEY, 'item', id], queryFn: () => fetchSpeechItem(id), enabled: Number.isSafeInteger(id) });

export const useGroups = (country: string | null) =>
  useQuery({
    queryKey: ['groups', country],
    queryFn: () => fetchGroups(country ?? ''),
    enabled: country !== null,
    staleTime: 60_000,
  });
