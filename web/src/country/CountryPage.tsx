import type { PageProps } from '../routes.js';
import { usePageTitle } from '../PageTitle.js';
import { useMessages } from '../i18n/LocaleProvider.js';
import { AssessmentHistory } from './AssessmentHistory.js';
import './country.css';
import { CountryHeader } from './CountryHeader.js';
import { CountryMap } from './CountryMap.js';
import { GroupsSection } from './GroupsSection.js';
import { countryMessages } from './messages.js';
import { useCountryInfo } from './queries.js';
import { RiskFactors } from './RiskFactors.js';
import { QueryGate } from './Section.js';
import { SignalsList } from './SignalsList.js';
import { ViolenceChart } from './ViolenceChart.js';
import { WarningsSection } from './WarningsSection.js';

/** One country's profile: level and forecast, risk factors, violence over time, map, groups, warnings. */
export default function CountryPage({ params }: PageProps) {
  const m = useMessages(countryMessages);
  const iso3 = (params['iso3'] ?? '').toUpperCase();
  const country = useCountryInfo(iso3);
  usePageTitle(country.data ? `${country.data.name} · ${m.pageTitle}` : m.pageTitle);
  if (country.data) {
    return (
      <div className="page country-page">
        <CountryHeader country={country.data} />
        <RiskFactors iso3={iso3} />
        <ViolenceChart iso3={iso3} />
        <SignalsList iso3={iso3} />
        <CountryMap iso3={iso3} />
        <GroupsSection iso3={iso3} />
        <WarningsSection iso3={iso3} />
        <AssessmentHistory iso3={iso3} />
      </div>
    );
  }
  return (
    <div className="page country-page">
      <h1>{m.pageTitle}</h1>
      <QueryGate queries={[country]}>{() => <p className="banner">{m.notFound(iso3)}</p>}</QueryGate>
    </div>
  );
}
