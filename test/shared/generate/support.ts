// Shared fixtures for the generation tests: kits, briefs, a valid model answer and a recording sleep.
import { readFileSync } from 'node:fs';
import { fetchTransport } from '../../../shared/src/cli/commands/draft';
import type { PackCopy } from '../../../shared/src/generate';
import { parseKitJson, type BrandKit } from '../../../shared/src/kit';

export function loadKit(path: string): BrandKit {
  const parsed = parseKitJson(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${path}: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}

export const testKitPath = 'test/fixtures/generate/test-kit.json';
export const testKit = (): BrandKit => loadKit(testKitPath);

export function loadJson(path: string): any {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export const brief = {
  campaign: 'Ledgerline Cards launch',
  product: 'Ledgerline Cards',
  audience: 'finance teams at growing companies',
  keyMessage: 'Close the books in days, not weeks',
  benefits: ['Every card purchase is matched to its receipt as it happens', 'Spend limits are set per team'],
  cta: 'Book a demo',
  offer: 'No card fees for the first 90 days',
};

export const apiKey = 'sk-test-0123456789abcdef';
export const now = '2026-03-02T09:30:00.000Z';

/** A model answer that follows the test kit. */
export function validCopy(overrides: Partial<PackCopy> = {}): PackCopy {
  return {
    article: {
      title: 'Close the books in days, not weeks',
      outline: ['Where month-end time goes', 'Receipts that match themselves', 'Getting started'],
      body:
        'Month-end should not take a month. Ledgerline Cards gives finance teams a close they can plan around.\n\n' +
        'Where month-end time goes\n\nMost of it goes on chasing receipts and matching them by hand.\n\n' +
        'Receipts that match themselves\n\nEvery card purchase is matched to its receipt as it happens.\n\n' +
        'Getting started\n\nBook a demo and see your own numbers in Ledgerline.',
    },
    email: {
      subject: 'Close the books in days, not weeks',
      preheader: 'Every card purchase is matched to its receipt, as it happens.',
      body: 'Hi there,\n\nClose the books in days, not weeks. Ledgerline Cards matches every purchase as it happens.\n\nBook a demo.\n\nThe Ledgerline team',
    },
    subjectLines: ['Close the books in days, not weeks', 'Ready for a calmer month-end?', 'Three ways to a calmer close'],
    social: 'Month-end without the receipt chase: Ledgerline Cards matches every purchase as it happens. Book a demo.',
    adHeadline: 'Close the books in days',
    ...overrides,
  };
}

/** A transport over real HTTP, with room for a loaded test machine. */
export const transport = fetchTransport(5000);

/** A transport with a short timeout, for tests whose server never answers. */
export const impatientTransport = fetchTransport(250);

/** A sleep that records the waits it was asked for and returns at once. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}
