/**
 * Small helpers for the command line: tag references and usage errors.
 */
import type { TagKind, TagRef, ReporterRole } from '../shared/api';

export class UsageError extends Error {}

const KINDS: Record<string, { kind: TagKind; role?: ReporterRole }> = {
  记者: { kind: 'reporter', role: '记者' },
  reporter: { kind: 'reporter' },
  通讯员: { kind: 'reporter', role: '通讯员' },
  摄影: { kind: 'reporter', role: '摄影' },
  实习生: { kind: 'reporter', role: '实习生' },
  部门: { kind: 'department' },
  department: { kind: 'department' },
  主题: { kind: 'topic' },
  topic: { kind: 'topic' },
};

/** `主题:营商环境` → { kind: 'topic', name: '营商环境' }. */
export function parseTagRef(s: string): TagRef {
  const m = /^([^:：]+)[:：](.+)$/.exec(s.trim());
  if (!m || !KINDS[m[1].toLowerCase()]) throw new UsageError(`标签要写成 类别:名称，例如 主题:营商环境、记者:陆晓茜、部门:淄博融媒体中心（收到：${s}）`);
  const k = KINDS[m[1].toLowerCase()];
  return { kind: k.kind, name: m[2].trim(), ...(k.role ? { role: k.role } : {}) };
}

export function parseKind(s: string | undefined): TagKind | undefined {
  if (s === undefined) return undefined;
  const k = KINDS[s.toLowerCase()];
  if (!k) throw new UsageError(`未知的标签类别：${s}（reporter|department|topic）`);
  return k.kind;
}

export function parseIds(list: string[]): number[] {
  const ids = list.flatMap((s) => s.split(',')).filter(Boolean).map(Number);
  if (!ids.length || ids.some((n) => !Number.isInteger(n) || n <= 0)) throw new UsageError('文章编号要是正整数，例如 12 或 1,2,3');
  return ids;
}
