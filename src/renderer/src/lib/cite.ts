/**
 * 复制引用 in the reader: the format is chosen once and remembered (localStorage);
 * the citation itself comes from the archive (`getCitation`), never made here.
 */
import type { CitationFormat } from '../../../shared/api';
import { api } from '../api-client';
import { copyText } from './files';
import { createStore } from './store';

export const CITATION_FORMATS: { value: CitationFormat; label: string }[] = [
  { value: 'gbt7714', label: 'GB/T 7714' },
  { value: 'ris', label: 'RIS' },
  { value: 'csl-json', label: 'CSL-JSON' },
];

export const citeFormat = createStore<CitationFormat>('gbt7714', 'baoku.citeFormat', (v) =>
  CITATION_FORMATS.some((f) => f.value === v) ? (v as CitationFormat) : undefined,
);

/** Copies the article's citation in the remembered format; returns what the notice says. */
export async function copyCitation(id: number): Promise<string> {
  const format = citeFormat.get();
  const r = await api.getCitation({ ids: [id], format });
  const text = r.entries[0] ?? '';
  await copyText(text);
  // A GB/T 7714 line is short enough to show; RIS and CSL-JSON are records for a reference manager.
  return format === 'gbt7714' ? `已复制引用：${text}` : `已复制 ${CITATION_FORMATS.find((f) => f.value === format)!.label} 引用，可粘贴到文献管理软件`;
}
