import { useFormat, useMessages } from '../i18n/LocaleProvider.js';
import type { CustodyEntry } from './api.js';
import { canonicalJson } from './custody-check.js';
import { ChainStatus } from './ChainStatus.js';
import { LoadFailed } from '../LoadFailed.js';
import { evidenceMessages } from './messages.js';
import { useChainCheck } from './queries.js';

/** The chain of custody, oldest entry first, with the result of re-checking its hash links. */
export function CustodyTimeline({ itemId, itemSha256 }: { itemId: number; itemSha256: string }) {
  const t = useMessages(evidenceMessages);
  const { custody, check } = useChainCheck(itemId, itemSha256);
  if (custody.isError) return <LoadFailed what={t.item.custody.toLowerCase()} retry={() => void custody.refetch()} />;
  const result = check.data;
  return (
    <>
      <div className={`evidence-chain-status${result?.intact === false ? ' broken' : ''}`} role="status">
        <ChainStatus check={result} pending={check.isPending} />
        {result?.intact === true && <p className="hint">{t.chain.intactNote}</p>}
        {result?.intact === false && <p>{t.chain.brokenNote(result.seq, t.chain.reasons[result.reason])}</p>}
      </div>
      {custody.data && (
        <ol className="custody-timeline" data-testid="custody-timeline">
          {custody.data.map((e) => (
            <CustodyStep key={e.seq} entry={e} broken={result?.intact === false && result.seq === e.seq} />
          ))}
        </ol>
      )}
    </>
  );
}

function CustodyStep({ entry, broken }: { entry: CustodyEntry; broken: boolean }) {
  const t = useMessages(evidenceMessages);
  const format = useFormat();
  const details = Object.entries(entry.detail);
  return (
    <li className={broken ? 'broken' : undefined}>
      <p className="custody-head">
        <span className="custody-seq">{t.item.entry(entry.seq)}</span>
        <strong>{t.actions[entry.action]}</strong> <bdi>{t.item.by(entry.actor)}</bdi>
        <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
      </p>
      {details.length > 0 && (
        <dl className="custody-detail">
          {details.map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd>
                <bdi>{typeof value === 'string' ? value : canonicalJson(value)}</bdi>
              </dd>
            </div>
          ))}
        </dl>
      )}
      <p className="hint">
        {t.item.entryHash}: <code className="hash">{entry.entryHash.slice(0, 16)}…</code>
      </p>
    </li>
  );
}
