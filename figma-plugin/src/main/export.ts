import { RpcFailure } from '@onbrand/shared/rpc';
import type { VersionSummary } from '../contract';
import { endBatch, startBatch, type PluginEnv } from './context';
import { isFrameLike, type HostExportSettings } from './host';
import { readRecord, summarize } from './versions';

export interface ExportInput {
  ids: string[];
  format: 'PNG' | 'JPG' | 'PDF';
  scale: 1 | 2;
}

const extension = { PNG: 'png', JPG: 'jpg', PDF: 'pdf' } as const;

/** A file name from a version name: its path segments joined, unsafe characters replaced. */
export function fileNameFor(name: string, scale: number, format: ExportInput['format']): string {
  const base = name.split('/').map((part) => part.trim().replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '')).filter(Boolean).join('_') || 'version';
  return `${base}${scale === 2 ? '@2x' : ''}.${extension[format]}`;
}

/** Exports versions as bytes for the UI to zip; one at a time, yielding between them. */
export async function exportVersions(env: PluginEnv, input: ExportInput): Promise<{ files: { fileName: string; bytes: Uint8Array; version: VersionSummary }[]; notices: string[]; cancelled: boolean }> {
  if (!input.ids.length) throw new RpcFailure('no_versions', 'Choose at least one version to export.');
  const settings: HostExportSettings = input.format === 'PDF' ? { format: 'PDF' } : { format: input.format, constraint: { type: 'SCALE', value: input.scale } };
  const batch = startBatch(env, 'Exporting', input.ids.length);
  const files: { fileName: string; bytes: Uint8Array; version: VersionSummary }[] = [];
  const notices: string[] = [];
  const used = new Set<string>();
  try {
    for (const id of input.ids) {
      const node = await env.host.getNodeByIdAsync(id);
      const record = node && isFrameLike(node) && !node.removed ? readRecord(node) : null;
      if (!node || !isFrameLike(node) || !record) notices.push(`Skipped ${id}: it is not a version any more.`);
      else {
        let fileName = fileNameFor(node.name, input.scale, input.format);
        for (let n = 2; used.has(fileName); n++) fileName = fileNameFor(`${node.name}-${n}`, input.scale, input.format);
        used.add(fileName);
        files.push({ fileName, bytes: await node.exportAsync(settings), version: summarize(node.id, node.name, record, false) });
      }
      if (!(await batch.next(files.length + notices.length))) break;
    }
  } finally {
    endBatch(env, batch);
  }
  env.host.notify(`Exported ${files.length} version${files.length === 1 ? '' : 's'} as ${input.format}${input.format === 'PDF' ? '' : ` at ${input.scale}×`}.`);
  return { files, notices, cancelled: batch.cancelled };
}
