import { useEffect, useRef, type ReactNode } from 'react';
import { useMessages } from '../../i18n/LocaleProvider.js';
import { reportFormMessages } from './messages.js';

/**
 * A list of entries (victims, perpetrators, sources…) that starts empty, so the form stays short
 * until there is something to say. Adding an entry moves focus into it; removing one moves focus
 * back to the add button, so keyboard and screen-reader users never lose their place.
 */
export function Repeated<T>({
  items,
  onChange,
  create,
  legend,
  addLabel,
  render,
}: {
  items: T[];
  onChange: (items: T[]) => void;
  create: () => T;
  legend: (n: number) => string;
  addLabel: string;
  render: (item: T, index: number, patch: (change: Partial<T>) => void) => ReactNode;
}) {
  const t = useMessages(reportFormMessages);
  const list = useRef<HTMLDivElement>(null);
  const add = useRef<HTMLButtonElement>(null);
  const focus = useRef<'last' | 'add' | null>(null);
  useEffect(() => {
    if (focus.current === 'last')
      list.current?.querySelector<HTMLElement>('fieldset:last-of-type :is(input, select, textarea)')?.focus();
    if (focus.current === 'add') add.current?.focus();
    focus.current = null;
  }, [items.length]);

  const patch = (index: number) => (change: Partial<T>) =>
    onChange(items.map((item, i) => (i === index ? { ...item, ...change } : item)));
  return (
    <div className="repeated" ref={list}>
      {items.map((item, index) => (
        <fieldset key={index} className="entry">
          <legend>{legend(index + 1)}</legend>
          {render(item, index, patch(index))}
          <button
            type="button"
            className="remove"
            onClick={() => {
              focus.current = 'add';
              onChange(items.filter((_, i) => i !== index));
            }}
          >
            {t.remove(legend(index + 1))}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        ref={add}
        className="add"
        onClick={() => {
          focus.current = 'last';
          onChange([...items, create()]);
        }}
      >
        {addLabel}
      </button>
    </div>
  );
}
