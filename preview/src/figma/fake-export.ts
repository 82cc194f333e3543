import type { HostExportSettings } from '@onbrand/figma-plugin/host';

// Stand-in export bytes, used where no canvas can draw the layer (tests under Node; PDF): they carry
// the right file signature and, for PNG, the pixel size in the IHDR chunk, so tests can check what
// was exported without an image renderer. In the browser, fake-render.ts draws real images.

function uint32(value: number): number[] {
  return [(value >>> 24) & 255, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];
}

/** The bytes `exportAsync` gives for a node of this size. */
export function fakeExport(settings: HostExportSettings, width: number, height: number, name: string): Uint8Array {
  const scale = settings.format !== 'PDF' && settings.constraint?.type === 'SCALE' ? settings.constraint.value : 1;
  const w = Math.round(width * scale);
  const h = Math.round(height * scale);
  const label = [...new TextEncoder().encode(name)];
  if (settings.format === 'PNG')
    return new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...uint32(13), 0x49, 0x48, 0x44, 0x52, ...uint32(w), ...uint32(h), 8, 6, 0, 0, 0, ...uint32(0), ...label]);
  if (settings.format === 'JPG') return new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...uint32(w), ...uint32(h), ...label, 0xff, 0xd9]);
  return new TextEncoder().encode(`%PDF-1.4\n% ${name} ${w}x${h}\n%%EOF\n`);
}

/** Reads the pixel size back from fake PNG bytes. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
