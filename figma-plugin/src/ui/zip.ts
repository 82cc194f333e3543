import { strToU8, zipSync } from 'fflate';
import { writeCsv } from '@onbrand/shared/csv';
import type { VersionSummary } from '../contract';

/** The manifest that travels with an export: one row per file. */
export function manifestCsv(files: readonly { fileName: string; version: VersionSummary }[]): string {
  const rows = files.map(({ fileName, version }) => [fileName, version.name, `${version.width}x${version.height}`, version.variant, version.locale, version.masterName, version.kitVersion, version.provenance, version.aiGenerated ? 'yes' : 'no']);
  return writeCsv([['file', 'name', 'size', 'variant', 'locale', 'master', 'kit', 'provenance', 'ai_generated'], ...rows]);
}

/** Zips the exported files with the manifest, in the UI (the main thread only makes the bytes). */
export function zipExport(files: readonly { fileName: string; bytes: Uint8Array; version: VersionSummary }[]): Uint8Array {
  const entries: Record<string, Uint8Array> = { 'manifest.csv': strToU8(manifestCsv(files)) };
  for (const file of files) entries[file.fileName] = file.bytes;
  // Images are compressed already; storing them keeps zipping instant.
  return zipSync(entries, { level: 0 });
}

/** Hands the user a file, as a download from the plugin window. */
export function download(bytes: Uint8Array, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
