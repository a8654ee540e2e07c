import { useEffect } from 'react';

/** Sets the document title ("Signals · Tocsin") while the page is shown, for tabs, history and screen readers. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Tocsin`;
  }, [title]);
}
