import type { Transport } from '@onbrand/shared/generate';
import { sizePresets } from '@onbrand/shared/layout';
import { createChannelServer, createDispatcher, type Handlers } from '@onbrand/shared/rpc';
import { figmaContract, type FigmaEvents } from '../contract';
import { realClock, type Clock } from './batch';
import { checkBrand, ignoreFrameFinding } from './check';
import { auditLog, reportVersion, reviewVersions } from './governance';
import type { PluginEnv } from './context';
import { exportVersions } from './export';
import { applyFixes, selectNode } from './fix';
import { listRoles, setRole } from './roles';
import { generateVersions } from './generate';
import type { FigmaHost } from './host';
import { kitInfo, readKit, readKitJson, saveKit } from './kit-store';
import { sendModelRequest } from './model-request';
import { readSelectionFrames } from './selection';
import { maskKey, readApiKey, readPreferences, saveApiKey, savePreferences } from './settings';
import { listVersions, updateVersions } from './update';

export const uiSize = { width: 380, height: 640 };

export interface PluginOptions {
  transport?: Transport;
  clock?: Clock;
  now?: () => Date;
}

function handlers(env: PluginEnv): Handlers<typeof figmaContract> {
  const { host } = env;
  return {
    getSelectionFrames: () => readSelectionFrames(host),
    getState: async () => ({
      kit: kitInfo(readKit(host)),
      kitJson: readKitJson(host),
      preferences: await readPreferences(host),
      apiKey: maskKey(await readApiKey(host)),
      presets: sizePresets.map(({ id, name, width, height, group }) => ({ id, name, width, height, group })),
      command: host.command,
    }),
    generateVersions: (input) => generateVersions(env, input),
    listVersions: async ({ scope }) => ({ versions: await listVersions(env, scope) }),
    checkBrand: ({ scope }) => checkBrand(env, scope),
    applyFixes: ({ fixes }) => applyFixes(env, fixes),
    selectNode: ({ id }) => selectNode(env, id),
    listRoles: () => listRoles(env),
    setRole: (input) => setRole(env, input),
    updateVersions: ({ scope }) => updateVersions(env, scope),
    exportVersions: (input) => exportVersions(env, input),
    httpRequest: (request) => sendModelRequest(host, env.transport, request),
    cancel: () => {
      const running = env.running;
      if (running) running.cancelled = true;
      return { cancelled: running !== null };
    },
    saveKit: ({ json }) => {
      const saved = saveKit(host, json);
      if (!saved.ok) return { ok: false, kit: kitInfo(readKit(host)), issues: saved.issues };
      host.commitUndo();
      host.notify(`Brand kit "${saved.kit.name}" ${saved.kit.version} is now this file's kit.`);
      return { ok: true, kit: kitInfo(saved.kit), issues: [] };
    },
    reviewVersions: ({ ids, decision, reason }) => reviewVersions(env, ids, decision, reason),
    reportVersion: ({ id, kind, note }) => reportVersion(env, id, kind, note),
    ignoreFinding: ({ frameId, findingId, reason }) => ignoreFrameFinding(env, frameId, findingId, reason),
    getAuditLog: () => auditLog(host),
    savePreferences: async (preferences) => {
      await savePreferences(host, preferences);
      return { saved: true };
    },
    saveApiKey: async ({ apiKey }) => {
      await saveApiKey(host, apiKey);
      return { apiKey: maskKey(apiKey.trim()) };
    },
  };
}

/** Opens the UI and answers its requests; the host is the real `figma` or the preview's fake. */
export function startPlugin(host: FigmaHost, html: string, options: PluginOptions = {}): PluginEnv {
  host.skipInvisibleInstanceChildren = true;
  host.showUI(html, { ...uiSize, themeColors: true, title: 'Onbrand' });
  let channel: ReturnType<typeof createChannelServer> | null = null;
  const env: PluginEnv = {
    host,
    clock: options.clock ?? realClock,
    ...(options.transport ? { transport: options.transport } : {}),
    now: options.now ?? (() => new Date()),
    emit: <K extends keyof FigmaEvents>(name: K, payload: FigmaEvents[K]) => channel?.emit(name, payload),
    running: null,
  };
  const dispatch = createDispatcher(figmaContract, handlers(env));
  channel = createChannelServer(dispatch, (message) => host.ui.postMessage(message));
  host.ui.onmessage = (message: unknown) => void channel?.receive(message);
  host.on('selectionchange', () => env.emit('selectionChanged', { count: host.currentPage.selection.length }));
  return env;
}
