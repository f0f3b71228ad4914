/** Exporting the basket: format choice (remembered), the export call and saving the file. */
import type { ExportFormat } from '../../../shared/api';
import { api, errorMessage } from '../api-client';
import { basket } from './basket';
import { saveExport } from './files';
import { notify, notifyError } from './notify';
import { navigate } from './router';
import { createStore } from './store';
import { searchState } from './use-search';

export const FORMATS: { value: ExportFormat; label: string }[] = [
  { value: 'pdf', label: 'PDF' },
  { value: 'docx', label: 'Word（DOCX）' },
  { value: 'md', label: 'Markdown' },
  { value: 'txt', label: '纯文本' },
  { value: 'csv', label: 'CSV 表格' },
  { value: 'html', label: 'HTML 网页' },
];

export interface ExportPrefs {
  format: ExportFormat;
  highlight: boolean;
}

export const exportPrefs = createStore<ExportPrefs>({ format: 'pdf', highlight: true }, 'baoku.exportPrefs', (v) => {
  const o = v as Partial<ExportPrefs> | null;
  return o && FORMATS.some((f) => f.value === o.format) ? { format: o.format!, highlight: o.highlight !== false } : undefined;
});

export const exporting = createStore(false);

/** Exports the current basket with the remembered format. */
export async function exportBasket(): Promise<void> {
  const b = basket.get();
  if (b.ids.length === 0) {
    navigate({ name: 'clippings' });
    notifyError('剪报是空的：先在检索结果或文章里点“剪报”加入文章，再导出。');
    return;
  }
  if (exporting.get()) return;
  const { format, highlight } = exportPrefs.get();
  const q = searchState.get().query.trim();
  exporting.set(true);
  try {
    const r = await api.exportClippings({ ids: b.ids, format, title: b.name.trim() || '剪报', highlight: highlight && q ? q : undefined });
    const saved = await saveExport(r);
    if (saved) notify(`已导出 ${r.articles} 篇文章：${r.fileName}`);
  } catch (e) {
    notifyError(`导出失败：${errorMessage(e)}。请换一种格式或稍后重试。`);
  } finally {
    exporting.set(false);
  }
}

/** Ctrl/⌘+E and the menu: open the clippings page and export the basket. */
export function requestExport(): void {
  navigate({ name: 'clippings' });
  void exportBasket();
}
