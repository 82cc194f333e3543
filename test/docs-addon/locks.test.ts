import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftFromBrief } from '../../docs-addon/src/server/draft';
import { saveSettings } from '../../docs-addon/src/server/kit-store';
import { rewriteSelection } from '../../docs-addon/src/server/rewrite';
import { runTemplate, templateInfos } from '../../docs-addon/src/server/templates';
import type { FakeParagraph } from '../../preview/src/apps-script/fake-document';
import { installDocs } from './install';

// A model can take minutes to answer. The document lock is for the short write that follows: held
// while the model writes, it would block every other editor's Onbrand action for that long.

const brief = JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/briefs/ledgerline-launch.json'), 'utf8'));

/** A document with a model chosen, recording whether the lock was held at each request. */
function withModel(paragraphs: string[]) {
  const env = installDocs(paragraphs);
  saveSettings({ provider: 'openai', model: '', baseUrl: '', apiKey: 'sk-test-123456789', clearKey: false });
  const heldAtRequests: boolean[] = [];
  env.urlFetch.handler = () => {
    heldAtRequests.push(env.lock.documentLock.held);
    return { status: 200, body: '<html>not json at all' };
  };
  return { env, heldAtRequests };
}

describe('the document lock around model calls', () => {
  it('is not held while drafting from a brief, only for the insertion', () => {
    const { env, heldAtRequests } = withModel(['Intro.']);
    expect(draftFromBrief(brief).inserted).toBe(true);
    expect(heldAtRequests.length).toBeGreaterThan(0);
    expect(heldAtRequests.every((held) => !held)).toBe(true);
    expect(env.calls.count('Lock.waitLock')).toBe(1);
  });

  it('is not held while rewriting a selection', () => {
    const { env, heldAtRequests } = withModel(['Intro.', 'Put vendors on the whitelist.']);
    env.document.setSelection(env.document.newRange().addElement(env.document.body.children[1] as FakeParagraph).build());
    rewriteSelection('');
    expect(heldAtRequests.length).toBeGreaterThan(0);
    expect(heldAtRequests.every((held) => !held)).toBe(true);
  });

  it('is not held while filling a template', () => {
    const { heldAtRequests } = withModel(['Mine.']);
    const values = Object.fromEntries(templateInfos().find((t) => t.id === 'subject-lines')!.fields.map((f) => [f.name, f.sample]));
    runTemplate('subject-lines', values);
    expect(heldAtRequests.length).toBeGreaterThan(0);
    expect(heldAtRequests.every((held) => !held)).toBe(true);
  });
});
