import { useQuery } from '@tanstack/react-query';
import { fetchCustody, fetchDisclosures, fetchEvidenceItem, fetchEvidenceItems } from './api.js';
import { checkCustodyChain, webCryptoSha256, type ChainCheck } from './custody-check.js';

export const EVIDENCE_KEY = ['evidence'] as const;

export const useEvidenceItems = () => useQuery({ queryKey: [...EVIDENCE_KEY, 'items'], queryFn: fetchEvidenceItems });

export const useEvidenceItem = (id: number) =>
  useQuery({ queryKey: [...EVIDENCE_KEY, 'item', id], queryFn: () => fetchEvidenceItem(id) });

export const useCustody = (id: number) =>
  useQuery({ queryKey: [...EVIDENCE_KEY, 'custody', id], queryFn: () => fetchCustody(id) });

export const useDisclosures = () => useQuery({ queryKey: [...EVIDENCE_KEY, 'disclosures'], queryFn: fetchDisclosures });

/** The item's chain as the API returns it, re-checked in the browser; null where Web Crypto is missing. */
export function useChainCheck(id: number, itemSha256: string | undefined) {
  const custody = useCustody(id);
  const sha256 = webCryptoSha256();
  const check = useQuery({
    queryKey: [...EVIDENCE_KEY, 'chain-check', id, itemSha256, custody.dataUpdatedAt],
    queryFn: (): Promise<ChainCheck | null> =>
      sha256 === null ? Promise.resolve(null) : checkCustodyChain(custody.data ?? [], itemSha256 ?? '', sha256),
    enabled: custody.data !== undefined && itemSha256 !== undefined,
    staleTime: Infinity,
  });
  return { custody, check };
}
