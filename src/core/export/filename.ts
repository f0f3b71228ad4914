/**
 * File names for exported clipping sets: `剪报_<set name>_<YYYY-MM-DD>.<ext>`,
 * safe on Windows, macOS and Linux.
 */
import type { ExportFormat } from '../../shared/api';
import { DEFAULT_TITLE } from './types';

const ILLEGAL = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Longest set name kept in a file name (code points); whole names stay well under 255 bytes. */
const MAX_NAME = 60;

/** Local calendar date as `YYYY-MM-DD`. */
export function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Remove what Windows forbids in a file name; '' when nothing usable is left. */
export function sanitizeFileNamePart(name: string): string {
  let s = name.normalize('NFC').replace(ILLEGAL, '').replace(/\s+/g, ' ').trim();
  s = s.replace(/^[.\s]+|[.\s]+$/g, '');
  if (RESERVED.test(s)) s = '';
  const cps = Array.from(s);
  if (cps.length > MAX_NAME) s = cps.slice(0, MAX_NAME).join('').replace(/[.\s]+$/, '');
  return s;
}

/** `ext`: an export format, or another extension (`ris`, `json` for citations). */
export function clippingFileName(title: string, format: ExportFormat | string, now: Date = new Date()): string {
  const name = sanitizeFileNamePart(title);
  const parts = [DEFAULT_TITLE];
  // `剪报_剪报_…` says nothing more than `剪报_…`.
  if (name && name !== DEFAULT_TITLE) parts.push(name);
  parts.push(isoDay(now));
  return `${parts.join('_')}.${format}`;
}
