import type { Transport } from '@onbrand/shared/generate';
import { RpcFailure } from '@onbrand/shared/rpc';
import type { FigmaEvents } from '../contract';
import { Batch, type Clock } from './batch';
import { isFrameLike, type FigmaHost, type HostFrame } from './host';
import { readRecord } from './versions';

/** What every operation needs: the host, time, the network for models, and the UI's progress bar. */
export interface PluginEnv {
  host: FigmaHost;
  clock: Clock;
  /** The main thread's fetch as the core's transport; absent where there is no network. */
  transport?: Transport;
  /** The time recorded in provenance. */
  now(): Date;
  emit<K extends keyof FigmaEvents>(name: K, payload: FigmaEvents[K]): void;
  /** The batch running now, so Cancel can reach it. */
  running: Batch | null;
}

/** Starts a batch that reports progress to the UI and can be cancelled. */
export function startBatch(env: PluginEnv, operation: string, total: number): Batch {
  const batch = new Batch(operation, total, env.clock, (done, all) => env.emit('progress', { operation, done, total: all }));
  env.running = batch;
  return batch;
}

export function endBatch(env: PluginEnv, batch: Batch): void {
  batch.finish();
  if (env.running === batch) env.running = null;
}

const article = (type: string) => (/^[AEIOU]/.test(type) ? 'an' : 'a');

/** The selected frames to use as masters; a clear failure when there are none, nothing changed. */
export function selectedMasters(host: FigmaHost): { masters: HostFrame[]; notices: string[] } {
  const selection = host.currentPage.selection;
  if (!selection.length) throw new RpcFailure('no_selection', 'Select a master frame on the canvas first, then try again.');
  const frames = selection.filter(isFrameLike);
  const notices: string[] = [];
  const others = selection.filter((node) => !isFrameLike(node));
  if (!frames.length) {
    const first = others[0]!;
    const type = first.type.toLowerCase();
    throw new RpcFailure('not_a_frame', `"${first.name}" is ${article(first.type)} ${type} layer, not a frame. Select a frame to use as the master.`);
  }
  if (others.length) notices.push(`Left out ${others.length} selected layer(s) that are not frames: ${others.map((node) => `"${node.name}"`).join(', ')}.`);
  const masters = frames.filter((frame) => !readRecord(frame));
  if (!masters.length) throw new RpcFailure('is_version', `"${frames[0]!.name}" is a version made by Onbrand. Select its master frame instead.`);
  if (masters.length < frames.length) notices.push(`Left out ${frames.length - masters.length} selected version(s); versions are not masters.`);
  for (const master of masters)
    if (master.type === 'COMPONENT') notices.push(`"${master.name}" is a component: its versions are plain frames detached from it, so they add no components to the file.`);
  return { masters, notices };
}
