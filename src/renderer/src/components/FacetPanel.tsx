/** Filters beside the results: date range (presets, years, custom) and facet lists with counts. */
import { memo, useState } from 'react';
import type { FacetCounts, SearchFilters, SearchResponse } from '../../../shared/api';
import { isoMonthStart, isoToday, isoYearStart } from '../lib/format';
import { setFilters } from '../lib/use-search';

interface Props {
  filters: SearchFilters;
  facets: SearchResponse['facets'] | undefined;
}

type Key = 'paper' | 'page' | 'reporter' | 'department' | 'topic';
const GROUPS: { key: Key; label: string }[] = [
  { key: 'reporter', label: '记者' },
  { key: 'department', label: '部门' },
  { key: 'topic', label: '主题' },
  { key: 'paper', label: '报纸' },
  { key: 'page', label: '版次' },
];

function datePreset(f: SearchFilters): 'all' | 'month' | 'year' | 'custom' {
  if (!f.dateFrom && !f.dateTo) return 'all';
  if (f.dateFrom === isoMonthStart() && f.dateTo === isoToday()) return 'month';
  if (f.dateFrom === isoYearStart() && f.dateTo === isoToday()) return 'year';
  return 'custom';
}

export const FacetPanel = memo(function FacetPanel({ filters, facets }: Props) {
  const preset = datePreset(filters);
  const [custom, setCustom] = useState(preset === 'custom');
  const setDates = (dateFrom?: string, dateTo?: string) => setFilters((f) => ({ ...f, dateFrom, dateTo }));

  return (
    <aside className="facets" aria-label="筛选">
      <section className="facet">
        <h3>日期</h3>
        <div className="segmented" role="group" aria-label="日期范围">
          <button type="button" className={preset === 'all' && !custom ? 'on' : ''} onClick={() => (setCustom(false), setDates())}>
            全部
          </button>
          <button type="button" className={preset === 'month' ? 'on' : ''} onClick={() => (setCustom(false), setDates(isoMonthStart(), isoToday()))}>
            本月
          </button>
          <button type="button" className={preset === 'year' ? 'on' : ''} onClick={() => (setCustom(false), setDates(isoYearStart(), isoToday()))}>
            今年
          </button>
          <button type="button" className={custom || preset === 'custom' ? 'on' : ''} onClick={() => setCustom(true)}>
            自定义
          </button>
        </div>
        {(custom || preset === 'custom') && (
          <div className="date-range">
            <label>
              <span>从</span>
              <input className="input" type="date" aria-label="起始日期" value={filters.dateFrom ?? ''} max={filters.dateTo} onChange={(e) => setDates(e.target.value || undefined, filters.dateTo)} />
            </label>
            <label>
              <span>到</span>
              <input className="input" type="date" aria-label="截止日期" value={filters.dateTo ?? ''} min={filters.dateFrom} onChange={(e) => setDates(filters.dateFrom, e.target.value || undefined)} />
            </label>
          </div>
        )}
        {facets && facets.year.length > 0 && (
          <ul className="facet-list">
            {facets.year.map(([y, n]) => {
              const on = filters.dateFrom === `${y}-01-01` && filters.dateTo === `${y}-12-31`;
              return (
                <li key={y}>
                  <button type="button" className={on ? 'facet-item on' : 'facet-item'} aria-pressed={on} onClick={() => (on ? setDates() : setDates(`${y}-01-01`, `${y}-12-31`))}>
                    <span className="facet-name">{y}年</span>
                    <span className="count">{n}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {GROUPS.map(({ key, label }) => (
        <FacetGroup key={key} label={label} counts={facets?.[key] ?? []} value={filters[key] === undefined ? undefined : String(filters[key])} onPick={(v) => setFilters((f) => ({ ...f, [key]: v === undefined ? undefined : key === 'page' ? Number(v) : v }))} />
      ))}
    </aside>
  );
});

function FacetGroup({ label, counts, value, onPick }: { label: string; counts: FacetCounts; value?: string; onPick(v?: string): void }) {
  const [all, setAll] = useState(false);
  const LIMIT = 8;
  let list = all ? counts : counts.slice(0, LIMIT);
  if (value !== undefined && !list.some(([n]) => n === value)) list = [[value, counts.find(([n]) => n === value)?.[1] ?? 0], ...list];
  if (list.length === 0) return null;
  return (
    <section className="facet" aria-label={label}>
      <h3>{label}</h3>
      <ul className="facet-list">
        {list.map(([name, n]) => {
          const on = value === name;
          return (
            <li key={name}>
              <button type="button" className={on ? 'facet-item on' : 'facet-item'} aria-pressed={on} onClick={() => onPick(on ? undefined : name)}>
                <span className="facet-name">{label === '版次' ? `第${name}版` : name}</span>
                <span className="count">{n}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {counts.length > LIMIT && (
        <button type="button" className="link small" onClick={() => setAll((a) => !a)}>
          {all ? '收起' : `全部 ${counts.length} 项`}
        </button>
      )}
    </section>
  );
}
