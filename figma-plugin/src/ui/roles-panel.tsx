import { layoutRoles, type LayoutRole } from '@onbrand/shared/layout';
import { useState } from 'preact/hooks';
import type { LayerRole } from '../contract';
import { ErrorNote } from './parts';
import { call } from './rpc';

const roleWords: Record<LayoutRole, string> = {
  background: 'Background', backdrop: 'Panel behind copy', hero: 'Picture', overlay: 'Overlay on the picture', logo: 'Logo', headline: 'Headline',
  body: 'Body copy', eyebrow: 'Eyebrow', cta: 'Call to action', legal: 'Legal line', badge: 'Badge', decoration: 'Decoration', group: 'Group of layers',
};

/** The roles the resize reads from the selected master, each one a designer can correct (kept on the layer). */
export function RolesPanel() {
  const [master, setMaster] = useState<{ name: string; layers: LayerRole[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function load() {
    try {
      const answer = await call('listRoles', {});
      setMaster({ name: answer.masterName, layers: answer.layers });
      setError(null);
    } catch (failure) {
      setError((failure as Error).message);
    }
  }
  async function change(layer: LayerRole, value: string) {
    try {
      await call('setRole', { nodeId: layer.id, role: value === '' ? null : (value as LayoutRole) });
      await load();
    } catch (failure) {
      setError((failure as Error).message);
    }
  }
  return (
    <section class="section" aria-labelledby="roles-title">
      <h2 id="roles-title">Layer roles</h2>
      <p class="muted">Resizing lays each version out by role. Check what it reads from the master, and correct it where it is wrong.</p>
      <button class="button" onClick={load}>
        Show roles of the selected master
      </button>
      <ErrorNote message={error} />
      {master && (
        <ul class="list roles" aria-label={`Roles in ${master.name}`}>
          {master.layers.map((layer) => (
            <li key={layer.id} style={{ paddingLeft: `${layer.depth * 12}px` }}>
              <button class="finding-select" onClick={() => void call('selectNode', { id: layer.id })} title="Select the layer">
                {layer.name || layer.id}
              </button>
              <select aria-label={`Role of ${layer.name}`} value={layer.set ? layer.role : ''} onChange={(event) => void change(layer, (event.target as HTMLSelectElement).value)}>
                <option value="">{`Read: ${roleWords[layer.role]}`}</option>
                {layoutRoles.map((role) => (
                  <option key={role} value={role}>
                    {roleWords[role]}
                  </option>
                ))}
              </select>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
