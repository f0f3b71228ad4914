/**
 * 校对 of the article's facts (issue 17): 日期, 版次, 电头 (place and date), 作者 by role and, when the
 * article has one, 图片说明. Problems are said in Chinese beside the field as it is typed; only the
 * fields that differ from the article are sent, in one `correctArticle` call (one history entry each).
 * The form logic is `lib/correction-fields.ts`.
 */
import { useEffect, useState } from 'react';
import type { ArticleCorrection, ArticleDetail } from '../../../shared/api';
import { DateInput } from './DateInput';
import { ROLE_FIELDS, metaCorrection, metaFormOf, type MetaForm } from '../lib/correction-fields';
import { notify } from '../lib/notify';

const LABELS: Record<keyof ArticleCorrection, string> = {
  kicker: '引题',
  title: '标题',
  subtitle: '副题',
  paragraphs: '段落',
  caption: '图片说明',
  people: '作者',
  dateline: '电头',
  date: '日期',
  page: '版次',
};

interface Props {
  article: ArticleDetail;
  busy: boolean;
  /** Send the correction; `done` is what to tell the user after. */
  onSave(c: ArticleCorrection, done: string): void;
}

export function CorrectionMetaFields({ article, busy, onSave }: Props) {
  const [form, setForm] = useState<MetaForm>(() => metaFormOf(article));
  useEffect(() => setForm(metaFormOf(article)), [article]);
  const set = (k: keyof MetaForm) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const { correction, problems } = metaCorrection(article, form);
  const changed = Object.keys(correction) as (keyof ArticleCorrection)[];
  const blocked = Object.values(problems).some(Boolean);
  const preview = correction.dateline !== undefined ? correction.dateline : article.dateline;

  function save() {
    if (blocked) return;
    if (!changed.length) return notify('日期、版次、电头和作者都没有变化。');
    onSave(correction, `已校对${changed.map((k) => LABELS[k]).join('、')}。`);
  }

  const problem = (k: keyof MetaForm, label?: string) =>
    problems[k] ? (
      <p key={k} className="error-text small field-problem" role="alert">
        {label && `${label}：`}
        {problems[k]}
      </p>
    ) : null;

  return (
    <fieldset className="correction-meta">
      <legend>出版信息与作者</legend>
      <div className="meta-row">
        <label className="field">
          <span>日期</span>
          <DateInput label="日期" value={form.date} problem={problems.date} onChange={(v) => setForm((f) => ({ ...f, date: v }))} />
        </label>
        <label className="field">
          <span>版次</span>
          <input className="input input-page" aria-label="版次" value={form.page} inputMode="numeric" maxLength={3} placeholder="1–999" aria-invalid={problems.page ? true : undefined} onChange={set('page')} />
        </label>
        <label className="field">
          <span>电头地点</span>
          <input className="input input-place" aria-label="电头地点" value={form.place} placeholder="如 淄博" aria-invalid={problems.place ? true : undefined} onChange={set('place')} />
        </label>
        <label className="field">
          <span>电头日期</span>
          <input className="input input-md" aria-label="电头日期" value={form.datelineDate} placeholder="如 1月27日" aria-invalid={problems.datelineDate ? true : undefined} onChange={set('datelineDate')} />
        </label>
        <span className="muted small dateline-preview" aria-label="电头预览">
          {preview?.raw ? `电头：${preview.raw}` : '无电头'}
        </span>
      </div>
      {problem('date')}
      {problem('page')}
      {problem('place')}
      {problem('datelineDate')}
      <div className="meta-people">
        {ROLE_FIELDS.map(([k, label]) => (
          <label key={k} className="field">
            <span>{label}</span>
            <input className="input" aria-label={label} value={form[k]} placeholder="姓名，用空格或“、”隔开" aria-invalid={problems[k] ? true : undefined} onChange={set(k)} />
          </label>
        ))}
      </div>
      {ROLE_FIELDS.map(([k, label]) => problem(k, label))}
      {form.caption !== undefined && (
        <label className="field meta-caption">
          <span>图片说明</span>
          <textarea className="input" aria-label="图片说明" rows={2} value={form.caption} aria-invalid={problems.caption ? true : undefined} onChange={set('caption')} />
        </label>
      )}
      {problem('caption')}
      <div className="row-buttons">
        <button type="button" className="btn btn-small btn-primary" disabled={busy || blocked || !changed.length} onClick={save}>
          保存出版信息与作者
        </button>
        <span className="muted small">只保存改动过的项；作者改后，署名和记者标签随之更新。</span>
      </div>
    </fieldset>
  );
}
