/** A tag name box with autocomplete from `listTags({kind, prefix})`, showing usage counts. */
import { useEffect, useId, useRef, useState } from 'react';
import type { TagInfo, TagKind } from '../../../shared/api';
import { api } from '../api-client';

interface Props {
  kind: TagKind;
  value: string;
  onChange(v: string): void;
  onSubmit?(v: string): void;
  placeholder?: string;
  autoFocus?: boolean;
  label: string;
}

export function TagInput({ kind, value, onChange, onSubmit, placeholder, autoFocus, label }: Props) {
  const [options, setOptions] = useState<TagInfo[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const seq = useRef(0);
  const listId = useId();

  useEffect(() => {
    const my = ++seq.current;
    const t = setTimeout(() => {
      api
        .listTags({ kind, prefix: value.trim(), limit: 8 })
        .then((r) => {
          if (my === seq.current) {
            setOptions(r);
            setActive(-1);
          }
        })
        .catch(() => my === seq.current && setOptions([]));
    }, 100);
    return () => clearTimeout(t);
  }, [kind, value]);

  const shown = open ? options.filter((o) => o.name !== value.trim() || options.length > 1) : [];

  function choose(name: string) {
    onChange(name);
    setOpen(false);
  }

  return (
    <div className="combo">
      <input
        className="input"
        aria-label={label}
        role="combobox"
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        value={value}
        placeholder={placeholder}
        autoFocus={autoFocus}
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && shown.length) {
            e.preventDefault();
            setActive((a) => Math.min(shown.length - 1, a + 1));
          } else if (e.key === 'ArrowUp' && shown.length) {
            e.preventDefault();
            setActive((a) => Math.max(-1, a - 1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            const pick = active >= 0 && shown[active] ? shown[active].name : value.trim();
            if (active >= 0 && shown[active]) choose(pick);
            else if (pick) onSubmit?.(pick);
          } else if (e.key === 'Escape' && shown.length) {
            e.stopPropagation();
            e.preventDefault();
            setOpen(false);
          }
        }}
      />
      {shown.length > 0 && (
        <ul className="combo-list" id={listId} role="listbox">
          {shown.map((o, i) => (
            <li
              key={o.name}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'combo-option active' : 'combo-option'}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(o.name);
              }}
            >
              <span>{o.name}</span>
              <span className="count">{o.count}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
