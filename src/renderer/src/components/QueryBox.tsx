/** The search box with its syntax hint and recent queries. */
import { useState, type ReactNode } from 'react';
import { searchInput } from '../lib/app-events';
import { forgetQueries, recentQueries, rememberQuery } from '../lib/recent';
import { useStore } from '../lib/store';
import { keysOf } from '../lib/keys';

interface Props {
  value: string;
  onChange(v: string): void;
  onEnter(): void;
  onArrow(delta: number): void;
  /** More buttons at the end of the row (保存搜索). */
  children?: ReactNode;
}

const SYNTAX: [string, string][] = [
  ['"短语"', '整个短语'],
  ['-排除', '不含某词'],
  ['A OR B', '任一词'],
  ['记者:陆晓茜', '按记者'],
  ['部门:政治部', '按部门'],
  ['主题:乡村振兴', '按主题'],
  ['版:3', '按版次'],
  ['陆晓茜 近/5 希望小屋', '相距 5 个词以内'],
  ['"生物医药 集群"~3', '按顺序，相距 3 词内'],
  ['同段:(营商 环境)', '同一段落'],
  ['2022-01-01..2022-03-31', '日期范围'],
  ['2022-01', '某月'],
  ['2022', '当年的文章或提到该年'],
];

export function QueryBox({ value, onChange, onEnter, onArrow, children }: Props) {
  const recent = useStore(recentQueries);
  const [focused, setFocused] = useState(false);
  const [showHelp, setShowHelp] = useState(false);
  const showRecent = focused && !value && recent.length > 0;

  return (
    <div className="querybox">
      <div className="querybox-row">
        <input
          ref={(el) => {
            searchInput.current = el;
          }}
          className="input query-input"
          type="search"
          aria-label="检索"
          placeholder={`检索标题、正文、记者…  （${keysOf('focus-search')} 聚焦）`}
          value={value}
          autoFocus
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
          onFocus={() => setFocused(true)}
          onBlur={() =>
            // Late enough for a click on a recent query to land; skipped if the box has focus again by then.
            setTimeout(() => {
              if (document.activeElement !== searchInput.current) setFocused(false);
            }, 150)
          }
          onKeyDown={(e) => {
            const box = e.currentTarget;
            if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && box.selectionStart === 0 && box.selectionEnd === box.value.length) {
              // `/` is the "go to search" key, and the box is often focused already (autofocus,
              // Ctrl+K selects it): into an empty or wholly selected box it is that key, not text.
              e.preventDefault();
              box.select();
            } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              onArrow(e.key === 'ArrowDown' ? 1 : -1);
            } else if (e.key === 'Enter') {
              e.preventDefault();
              rememberQuery(value);
              onEnter();
            }
          }}
        />
        <button
          type="button"
          className={showHelp ? 'btn btn-ghost active' : 'btn btn-ghost'}
          aria-expanded={showHelp}
          onClick={() => setShowHelp((s) => !s)}
        >
          语法
        </button>
        {children}
      </div>
      {showHelp && (
        <dl className="syntax-help">
          {SYNTAX.map(([code, what]) => (
            <div key={code} className="syntax-item">
              <dt>
                <button type="button" className="link" onClick={() => onChange(value ? `${value} ${code}` : code)}>
                  <code>{code}</code>
                </button>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      )}
      {showRecent && (
        <div className="recent" aria-label="最近的检索">
          <span className="muted">最近：</span>
          {recent.map((q) => (
            <button
              key={q}
              type="button"
              className="chip"
              onMouseDown={(e) => {
                e.preventDefault();
                onChange(q);
              }}
            >
              {q}
            </button>
          ))}
          <button
            type="button"
            className="link muted"
            onMouseDown={(e) => {
              e.preventDefault();
              forgetQueries();
            }}
          >
            清除
          </button>
        </div>
      )}
    </div>
  );
}
