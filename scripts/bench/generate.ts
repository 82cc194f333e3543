// Content-pack generation: the offline pack's median time, and how many requests a model pack costs.
import { readFileSync } from 'node:fs';
import { generateContentPack, type HttpRequest, type PackCopy, type Transport } from '../../shared/src/generate';
import { parseKitJson, type BrandKit } from '../../shared/src/kit';
import { lintText } from '../../shared/src/lint';
import { median } from './measure';

function loadKit(path: string): BrandKit {
  const parsed = parseKitJson(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${path} is not a valid kit`);
  return parsed.value;
}

// An in-memory Chat Completions server: it answers each request with the next scripted content.
function scripted(contents: string[]): { transport: Transport; requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  const transport: Transport = async (request) => {
    requests.push(request);
    const content = contents[Math.min(requests.length - 1, contents.length - 1)]!;
    return { status: 200, body: JSON.stringify({ choices: [{ message: { role: 'assistant', content, refusal: null } }] }) };
  };
  return { transport, requests };
}

const answer: PackCopy = {
  article: {
    title: 'Close the books in days, not weeks',
    outline: ['Where month-end time goes', 'Receipts that match themselves', 'Getting started'],
    body: 'Month-end should not take a month.\n\nEvery card purchase is matched to its receipt as it happens.\n\nBook a demo.',
  },
  email: { subject: 'Close the books in days, not weeks', preheader: 'Every purchase matched to its receipt, as it happens.', body: 'Hi there,\n\nBook a demo.' },
  subjectLines: ['Close the books in days, not weeks', 'Ready for a calmer month-end?', 'Three ways to a calmer close'],
  social: 'Month-end without the receipt chase. Book a demo.',
  adHeadline: 'Close the books in days',
};

/** Offline pack median (budget ≤ 2 ms), the share the brand engine sets, and requests per model pack (1 when valid, ≤ 2 with a repair). */
export async function benchGenerate(): Promise<Record<string, number>> {
  const kit = loadKit('examples/kits/ledgerline.json');
  const brief = JSON.parse(readFileSync('examples/briefs/ledgerline-launch.json', 'utf8'));
  const now = '2026-01-01T00:00:00.000Z';
  for (let i = 0; i < 20; i++) await generateContentPack(brief, kit, { now });
  const samples: number[] = [];
  for (let i = 0; i < 300; i++) {
    const started = performance.now();
    await generateContentPack(brief, kit, { now });
    samples.push(performance.now() - started);
  }
  // The floor set by the brand engine: linting each finished piece once, as the pack must.
  const finished = await generateContentPack(brief, kit, { now });
  const pieces = finished.ok ? finished.value.pieces : [];
  const lintSamples: number[] = [];
  for (let i = 0; i < 300; i++) {
    // Fresh strings each round, as a new pack has: V8 caches some regular-expression results per string.
    const texts: string[] = JSON.parse(JSON.stringify(pieces.map((piece) => piece.text)));
    const started = performance.now();
    pieces.forEach((piece, j) => lintText(texts[j]!, kit, { channel: piece.channel, approvedClaims: brief.approvedClaims, aiGenerated: true }));
    lintSamples.push(performance.now() - started);
  }
  const model = { provider: 'openai' as const, apiKey: 'bench-key', now };
  const valid = scripted([JSON.stringify(answer)]);
  await generateContentPack(brief, kit, { ...model, transport: valid.transport });
  const repaired = scripted(['{"article": ', JSON.stringify(answer)]);
  await generateContentPack(brief, kit, { ...model, transport: repaired.transport });
  return {
    generateOfflinePackMedianMs: Math.round(median(samples) * 1000) / 1000,
    generateOfflinePackLintFloorMs: Math.round(median(lintSamples) * 1000) / 1000,
    generateValidAnswerRequests: valid.requests.length,
    generateRepairRequests: repaired.requests.length,
  };
}
