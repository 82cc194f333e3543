// The masters the resize engine is judged on: the Ledgerline example and nine of different structure,
// each with the kit it is made for.
import { readFileSync } from 'node:fs';
import { parseKitJson } from '../../../shared/src/kit';
import { parseSnapshot, type CreativeSnapshot, type VisualKit } from '../../../shared/src/visual';

export interface Master {
  name: string;
  file: string;
  kitFile: string;
  snapshot: CreativeSnapshot;
  visual: VisualKit;
}

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

/** Every master with its kit's visual rules, parsed as the CLI parses them. */
export function loadMasters(): Master[] {
  const pairs = JSON.parse(read('examples/snapshots/masters/index.json')) as { snapshot: string; kit: string }[];
  return pairs.map(({ snapshot: file, kit: kitFile }) => {
    const snapshot = parseSnapshot(JSON.parse(read(file)));
    const kit = parseKitJson(read(kitFile));
    if (!snapshot.ok || !kit.ok || !kit.value.visual) throw new Error(`${file} or ${kitFile} does not parse`);
    return { name: file.split('/').pop()!.replace('.json', ''), file, kitFile, snapshot: snapshot.value, visual: kit.value.visual };
  });
}
