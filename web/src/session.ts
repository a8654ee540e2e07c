import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchSession, signIn, signOut } from './api.js';
import type { User } from './api-schemas.js';
import { eraseReportDrafts } from './reports/form/draft-keys.js';

export const SESSION_KEY = ['session'] as const;

/** The signed-in user (null when signed out); any 401 elsewhere also resets it (see main.tsx). */
export const useSession = () => useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: 1 });

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) => signIn(username, password),
    onSuccess: (user: User) => queryClient.setQueryData(SESSION_KEY, user),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      eraseReportDrafts();
      // Show the sign-in page, then forget everything fetched under the old session.
      queryClient.setQueryData(SESSION_KEY, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
    },
  });
}
