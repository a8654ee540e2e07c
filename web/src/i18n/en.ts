import type { EventSource, LocationPrecision, Role, ViolenceCategory } from '../api-schemas.js';

const count = (n: number): string => n.toLocaleString('en');

/** Every user-visible string of the web UI, in English. Other languages will mirror this shape. */
export const en = {
  appName: 'Tocsin',
  appTagline: 'Atrocity early warning',
  loading: 'Loading…',
  retry: 'Try again',
  errors: {
    generic: 'Something went wrong. Please try again.',
    network: 'The server could not be reached.',
    loadFailed: (what: string) => `Could not load ${what}.`,
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
  roles: {
    admin: 'Administrator',
    analyst: 'Analyst',
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
    truncated: (n: number) =>
      `The map shows the latest ${count(n)} events only; narrow the filters to see all.`,
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
    previous: 'Previous',
    next: 'Next',
    range: (first: number, last: number, total: number | undefined) =>
      total === undefined
        ? `Events ${count(first)}–${count(last)}`
        : `Events ${count(first)}–${count(last)} of ${count(total)}`,
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
