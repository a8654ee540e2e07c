import type { EventSource, LocationPrecision, Role, ViolenceCategory } from '../api-schemas.js';

const count = (n: number): string => n.toLocaleString('en');

export type CoreMessages = typeof en;

/**
 * The strings every page shares (app bar, navigation, errors, the events view), in English.
 * fr.ts, ar.ts and es.ts mirror this shape (see translations.test.ts); each page keeps its own
 * strings in a messages.ts beside it.
 */
export const en = {
  appName: 'Tocsin',
  appTagline: 'Atrocity early warning',
  loading: 'Loading…',
  retry: 'Try again',
  errors: {
    generic: 'Something went wrong. Please try again.',
    network: 'The server could not be reached.',
    loadFailed: (what: string) => `Could not load ${what}.`,
    forbidden: 'Your role does not give access to this page.',
  },
  nav: {
    label: 'Main',
    skipToContent: 'Skip to main content',
    menu: 'Menu',
    watchlist: 'Watchlist',
    events: 'Events',
    signals: 'Signals',
    warnings: 'Warnings',
    assessments: 'Assessments',
    reports: 'Reports',
    newReport: 'Report an incident',
    evidence: 'Evidence',
    speech: 'Hate speech',
    imports: 'Imports',
  },
  language: {
    label: 'Language',
  },
  notFound: {
    title: 'Page not found',
    body: 'There is no page at this address.',
    home: 'Go to the start page',
  },
  login: {
    title: 'Sign in',
    intro: 'Sign in with the account given to you by your administrator.',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    wrongCredentials: 'Wrong username or password.',
  },
  header: {
    signedInAs: 'Signed in as',
    signOut: 'Sign out',
  },
  events: {
    title: 'Events',
  },
  roles: {
    admin: 'Administrator',
    analyst: 'Analyst',
    reviewer: 'Reviewer',
    investigator: 'Investigator',
    monitor: 'Monitor',
    'decision-maker': 'Decision-maker',
    viewer: 'Viewer',
  } satisfies Record<Role, string>,
  filters: {
    title: 'Filters',
    country: 'Country',
    from: 'From',
    to: 'To',
    category: 'Category',
    source: 'Source',
    minFatalities: 'Min. fatalities',
    any: 'Any',
    allCountries: 'All countries',
    reset: 'Reset',
  },
  categories: {
    'one-sided': 'One-sided violence',
    'state-based': 'State-based conflict',
    'non-state': 'Non-state conflict',
    'remote-violence': 'Remote violence',
    riots: 'Riots',
    protests: 'Protests',
    strategic: 'Strategic developments',
    other: 'Other',
  } satisfies Record<ViolenceCategory, string>,
  sources: {
    ucdp: 'UCDP',
    acled: 'ACLED',
    gdelt: 'GDELT',
    report: 'Report',
  } satisfies Record<EventSource, string>,
  precisions: {
    exact: 'exact place',
    near: 'near the place',
    admin2: 'second-order admin. area',
    admin1: 'first-order admin. area',
    region: 'region',
    country: 'country only',
    international: 'international waters or airspace',
    unknown: 'unknown',
  } satisfies Record<LocationPrecision, string>,
  map: {
    label: 'Map of the events matching the filters',
    legend: 'Map legend',
    legendTitle: 'Event category',
    sizeTitle: 'Fatalities (best estimate)',
    unmapped: (n: number) =>
      n === 1
        ? '1 event located only to the country is listed but not mapped.'
        : `${count(n)} events located only to the country are listed but not mapped.`,
    truncated: (n: number) => `The map shows the latest ${count(n)} events only; narrow the filters to see all.`,
    boundaries: 'Boundaries: Natural Earth. They do not imply endorsement or acceptance by the UN.',
  },
  table: {
    caption: 'Events matching the filters, newest first',
    date: 'Date',
    country: 'Country',
    admin1: 'Admin 1',
    location: 'Location',
    category: 'Category',
    actors: 'Perpetrator → target',
    fatalities: 'Fatalities',
    fatalitiesHint: 'best (low–high)',
    source: 'Source',
    empty: 'No events match these filters.',
    storeEmpty: 'No events yet. An analyst imports them with: npx tocsin import ucdp|acled|gdelt FILE',
    previous: 'Previous',
    next: 'Next',
    range: (first: number, last: number, total: number | undefined, atLeast = false) =>
      total === undefined
        ? `Events ${count(first)}–${count(last)}`
        : `Events ${count(first)}–${count(last)} of ${atLeast ? 'more than ' : ''}${count(total)}`,
    showDetails: (what: string) => `Show details of ${what}`,
  },
  details: {
    title: 'Event details',
    close: 'Close',
    date: 'Date',
    place: 'Place',
    precision: 'Location precision',
    coordinates: 'Coordinates',
    category: 'Category',
    sourceCategory: 'Source category',
    perpetrator: 'Perpetrator',
    target: 'Target',
    fatalities: 'Fatalities',
    fatalitiesValue: (best: string, low: string, high: string) => `${best} (low ${low}, high ${high})`,
    source: 'Source',
    description: 'Description',
    citations: 'Citations',
    civilian: 'civilians',
    state: 'state',
    hint: 'Select an event on the map or in the table to see its details.',
  },
  unknown: '—',
  unnamed: 'unnamed place',
};
