import { useMessages } from '../i18n/LocaleProvider.js';
import { watchlistMessages } from './messages.js';
import { COLOUR_MODES, SORT_KEYS, type ColourMode, type SortKey } from './watchlist-model.js';

export interface WatchlistControlsProps {
  mode: ColourMode;
  region: string;
  regions: readonly string[];
  sort: SortKey;
  /** Sets one choice in the address ('' removes it). */
  onChange: (key: 'colour' | 'region' | 'sort', value: string) => void;
}

/** Colour of the map, region filter and list order; each kept in the address so a view can be shared. */
export function WatchlistControls({ mode, region, regions, sort, onChange }: WatchlistControlsProps) {
  const t = useMessages(watchlistMessages);
  return (
    <div className="panel watchlist-controls" role="group" aria-label={t.controls}>
      <fieldset>
        <legend>{t.colourBy}</legend>
        {COLOUR_MODES.map((m) => (
          <label key={m}>
            <input type="radio" name="watchlist-colour" value={m} checked={mode === m} onChange={() => onChange('colour', m)} />
            {t.modes[m]}
          </label>
        ))}
      </fieldset>
      <label>
        {t.region}
        <select value={region} onChange={(e) => onChange('region', e.target.value)}>
          <option value="">{t.allRegions}</option>
          {regions.map((r) => (
            <option key={r} value={r}>
              {t.regions[r] ?? r}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.sortBy}
        <select value={sort} onChange={(e) => onChange('sort', e.target.value)}>
          {SORT_KEYS.map((k) => (
            <option key={k} value={k}>
              {t.sorts[k]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
