import { describe, expect, it } from 'vitest';
import type { EventDto } from './api-schemas.js';
import { formatActors, formatDates, formatFatalities, formatPlace } from './format.js';

const event = (overrides: Partial<EventDto>): EventDto => ({
  id: 1,
  source: 'ucdp',
  sourceId: '1',
  dateStart: '2021-03-04',
  dateEnd: '2021-03-04',
  datePrecision: 'day',
  country: 'CAF',
  countryName: 'Central African Republic',
  admin1: null,
  admin2: null,
  location: null,
  latitude: null,
  longitude: null,
  locationPrecision: 'exact',
  category: 'one-sided',
  sourceCategory: 'type_of_violence 3',
  perpetrator: null,
  target: null,
  fatalities: { best: null, low: null, high: null },
  description: null,
  citations: [],
  ...overrides,
});

describe('formatFatalities', () => {
  it('shows best (low–high) when the range adds something', () => {
    expect(formatFatalities({ best: 12, low: 10, high: 1500 })).toBe('12 (10–1,500)');
  });

  it('shows the best estimate alone when low and high equal it', () => {
    expect(formatFatalities({ best: 3, low: 3, high: 3 })).toBe('3');
  });

  it('keeps UCDP rows where best is 0 but high is not', () => {
    expect(formatFatalities({ best: 0, low: 0, high: 4 })).toBe('0 (0–4)');
  });

  it('marks unknown counts with a dash', () => {
    expect(formatFatalities({ best: null, low: null, high: null })).toBe('—');
    expect(formatFatalities({ best: 5, low: null, high: 9 })).toBe('5 (—–9)');
  });
});

describe('formatDates', () => {
  it('shows one date for a one-day event and a span otherwise', () => {
    expect(formatDates(event({}))).toBe('2021-03-04');
    expect(formatDates(event({ dateEnd: '2021-03-06' }))).toBe('2021-03-04 – 2021-03-06');
  });
});

describe('formatActors', () => {
  it('reads perpetrator → target, with a dash for an unknown side', () => {
    const perpetrator = { name: 'CPC', isCivilian: false, isState: false };
    expect(formatActors(event({ perpetrator }))).toBe('CPC → —');
  });
});

describe('formatPlace', () => {
  it('lists the place from most to least precise without repeating names', () => {
    const place = formatPlace(event({ location: 'Bangui', admin2: 'Bangui', admin1: 'Bangui province' }));
    expect(place).toBe('Bangui, Bangui province, Central African Republic');
  });
});
