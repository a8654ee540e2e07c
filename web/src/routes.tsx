import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { READERS } from '../../src/access/roles.js';
import type { Role } from './api-schemas.js';
import type { CoreMessages } from './i18n/en.js';

/** What every page component receives: the parameters of its path pattern. */
export interface PageProps {
  params: Record<string, string>;
}

export interface AppRoute {
  pattern: string;
  /** Who may open the page: the roles of the API behind it, or 'public' (no sign-in, e.g. anonymous intake). */
  access: readonly Role[] | 'public';
  page: LazyExoticComponent<ComponentType<PageProps>>;
  /** Shown in the navigation bar under this label, in table order. */
  nav?: keyof CoreMessages['nav'];
  /** Where a role lands after sign-in: the first `home` route it may open. */
  home?: boolean;
}

/** Each page is its own chunk: a monitor's phone on a slow link loads only the intake form. */
const page = (load: () => Promise<{ default: ComponentType<PageProps> }>) => lazy(load);

/** The app's pages. A new page adds one line here; its module's default export is the page. */
export const ROUTES: readonly AppRoute[] = [
  {
    pattern: '/watchlist',
    access: READERS,
    page: page(() => import('./watchlist/WatchlistPage.js')),
    nav: 'watchlist',
    home: true,
  },
  { pattern: '/events', access: READERS, page: page(() => import('./EventsPage.js')), nav: 'events' },
  { pattern: '/countries/:iso3', access: READERS, page: page(() => import('./country/CountryPage.js')) },
  { pattern: '/signals', access: READERS, page: page(() => import('./signals/SignalsPage.js')), nav: 'signals' },
  { pattern: '/signals/:id', access: READERS, page: page(() => import('./signals/SignalPage.js')) },
  { pattern: '/warnings', access: READERS, page: page(() => import('./warnings/WarningsPage.js')), nav: 'warnings' },
  { pattern: '/warnings/:id', access: READERS, page: page(() => import('./warnings/WarningPage.js')) },
  { pattern: '/assessments', access: READERS, page: page(() => import('./assessments/AssessmentsPage.js')), nav: 'assessments' },
  { pattern: '/assessments/:id', access: READERS, page: page(() => import('./assessments/AssessmentPage.js')) },
  {
    pattern: '/reports',
    access: ['admin', 'analyst', 'investigator'],
    page: page(() => import('./reports/ReportsPage.js')),
    nav: 'reports',
  },
  {
    pattern: '/reports/new',
    access: ['admin', 'analyst', 'monitor'],
    page: page(() => import('./reports/NewReportPage.js')),
    nav: 'newReport',
    home: true,
  },
  { pattern: '/reports/:id', access: ['admin', 'analyst', 'investigator'], page: page(() => import('./reports/ReportPage.js')) },
  { pattern: '/intake/:token', access: 'public', page: page(() => import('./reports/IntakePage.js')) },
  {
    pattern: '/evidence',
    access: ['admin', 'investigator'],
    page: page(() => import('./evidence/EvidencePage.js')),
    nav: 'evidence',
  },
  { pattern: '/evidence/:id', access: ['admin', 'investigator'], page: page(() => import('./evidence/EvidenceItemPage.js')) },
  { pattern: '/speech', access: READERS, page: page(() => import('./speech/SpeechQueuePage.js')), nav: 'speech' },
  { pattern: '/speech/:id', access: READERS, page: page(() => import('./speech/SpeechItemPage.js')) },
  { pattern: '/imports', access: ['admin', 'analyst'], page: page(() => import('./imports/ImportsPage.js')), nav: 'imports' },
];

export const canOpen = (route: AppRoute, role: Role | null): boolean =>
  route.access === 'public' || (role !== null && route.access.includes(role));

/** The route matching `path` with its parameters, or null. */
export function findRoute(
  path: string,
  match: (pattern: string, path: string) => Record<string, string> | null,
): { route: AppRoute; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    const params = match(route.pattern, path);
    if (params !== null) return { route, params };
  }
  return null;
}

/** Where `role` starts: the first home page it may open. */
export const homeFor = (role: Role): string => ROUTES.find((r) => r.home === true && canOpen(r, role))?.pattern ?? '/';
