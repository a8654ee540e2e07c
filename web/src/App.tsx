import { EventsPage } from './EventsPage.js';
import { Header } from './Header.js';
import { en } from './i18n/en.js';
import { LoginPage } from './LoginPage.js';
import { useSession } from './session.js';

/** Shows the sign-in page until there is a session, then the events view. */
export function App() {
  const session = useSession();

  if (session.isPending) return <p className="page-status">{en.loading}</p>;
  if (session.isError) {
    return (
      <div className="page-status" role="alert">
        <p>{en.errors.network}</p>
        <button type="button" onClick={() => void session.refetch()}>
          {en.retry}
        </button>
      </div>
    );
  }
  if (session.data === null) return <LoginPage />;
  return (
    <>
      <Header user={session.data} />
      {/* Field monitors do not read the event store (least privilege); their pages come with report intake. */}
      {session.data.role === 'monitor' ? <p className="page-status">{en.monitorHome}</p> : <EventsPage />}
    </>
  );
}
