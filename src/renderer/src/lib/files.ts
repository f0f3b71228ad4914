/** Browser file helpers: reading uploads as base64 and saving exported files. */
import type { ExportResult } from '../../../shared/api';
import { desktop } from './bridge';

export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onerror = () => reject(new Error(`无法读取文件 ${file.name}`));
    r.onload = () => {
      const s = String(r.result ?? '');
      resolve(s.slice(s.indexOf(',') + 1));
    };
    r.readAsDataURL(file);
  });
}

function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Saves an export: a save dialog on the desktop, a download in the browser. Returns false if the user cancelled. */
export async function saveExport(result: ExportResult): Promise<boolean> {
  const d = desktop();
  if (d) {
    const path = await d.saveFile(result.fileName, result.dataBase64);
    return path !== null;
  }
  const blob = new Blob([base64ToBytes(result.dataBase64)], { type: result.mime || 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = result.fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}

/** Copies text; falls back to a hidden textarea where the Clipboard API is unavailable (plain HTTP on the LAN). */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      /* fall through */
    }
  }
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.appendChild(ta);
  ta.select();
  const ok = document.execCommand('copy');
  ta.remove();
  if (!ok) throw new Error('浏览器不允许复制，请手动选中文字复制');
}
