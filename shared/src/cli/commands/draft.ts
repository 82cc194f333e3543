import { parseArgs } from 'node:util';
import { describeIssues } from '../../issues';
import { isPrivacyNotice } from '../../privacy';
import { parseKitJson } from '../../kit';
import {
  adapters,
  channelPieces,
  generateContentPack,
  parseBriefJson,
  providerIds,
  scrubSecret,
  type ContentPack,
  type HttpRequest,
  type HttpResponse,
  type ProviderId,
  type Transport,
} from '../../generate';
import { UsageError, type CliIo, type Command } from '../command';
import { auditJsonLines, auditRecord, type AuditRecord } from '../../governance';
import { readInput } from '../read-input';

const usage =
  'onbrand draft --brief BRIEF.json --kit KIT [--provider offline|openai|anthropic|gemini|openai-compatible] [--model NAME] [--base-url URL] [--format json|markdown] [--deadline SECONDS] [--audit FILE]';

/** Where each provider's key comes from; keys are read from the environment only, never from flags. */
export const keyVariables: Readonly<Record<Exclude<ProviderId, 'offline'>, string>> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  gemini: 'GEMINI_API_KEY',
  'openai-compatible': 'ONBRAND_API_KEY',
};

// A content pack is one long answer; two minutes covers slow models without hanging a pipeline for ever.
const defaultTimeoutMs = 120_000;
// One request may take the whole timeout, and retries and a repair each add another; the deadline
// bounds the whole draft, after which it falls back to the offline draft.
const defaultDeadlineSeconds = 90;

/**
 * A whole number of milliseconds or seconds from a flag or the environment, within [min, max], or
 * the default when unset; anything else is bad usage naming where it came from.
 */
function boundedNumber(raw: string | undefined, where: string, unit: string, min: number, max: number, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || value < min || value > max) {
    throw new UsageError(`${where} must be a whole number of ${unit} from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

/**
 * Bounds a whole draft: each request gets what is left of the deadline (at most the per-request
 * timeout), waits between retries end at the deadline, and once it has passed no request is sent,
 * so generation falls back to the offline draft.
 */
export function withDeadline(transport: (request: HttpRequest, timeoutMs: number) => Promise<HttpResponse>, timeoutMs: number, deadlineMs: number, now: () => number = Date.now) {
  const end = now() + deadlineMs;
  const left = () => end - now();
  return {
    transport: (request: HttpRequest) => {
      if (left() <= 0) return Promise.reject(new Error(`the draft's deadline of ${deadlineMs / 1000} s has passed`));
      return transport(request, Math.min(timeoutMs, left()));
    },
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, Math.min(ms, left())))),
  };
}

/** The transport over Node's fetch, with a timeout per request. */
export function fetchTransport(timeoutMs: number): Transport {
  return (request) => fetchWithin(request, timeoutMs);
}

async function fetchWithin(request: HttpRequest, timeoutMs: number): Promise<HttpResponse> {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  return { status: response.status, headers, body: await response.text() };
}

/** The pack as the CLI prints it: the contract's keys, in the contract's order. */
export function packJson(pack: ContentPack): unknown {
  return {
    article: pack.article,
    email: pack.email,
    subjectLines: pack.subjectLines,
    social: pack.social,
    adHeadline: pack.adHeadline,
    // Copy for the brief's further channels, by channel id, when it ticks any.
    ...(channelPieces(pack).length ? { channels: Object.fromEntries(channelPieces(pack).map((piece) => [piece.channel!, piece.text])) } : {}),
    pieces: pack.pieces.map((piece) => ({
      id: piece.id,
      ...(piece.channel ? { channel: piece.channel } : {}),
      findings: piece.findings,
      score: piece.score,
      needsReview: piece.needsReview,
      ...(piece.disclosure ? { disclosure: piece.disclosure } : {}),
    })),
    provenance: pack.provenance,
    notices: pack.notices,
  };
}

/** The pack as a document a person reads and approves. */
export function packMarkdown(pack: ContentPack): string {
  const p = pack.provenance;
  const review = pack.pieces.filter((piece) => piece.needsReview).map((piece) => piece.id);
  const findings = pack.pieces.flatMap((piece) => piece.findings.map((f) => `- ${piece.id}: ${f.severity} "${f.match}": ${f.message}`));
  return [
    `# ${pack.article.title}`,
    '',
    `> AI-generated draft: ${p.provider} (${p.model}), template ${p.template}@${p.templateVersion}, seed ${p.seed}, ${p.createdAt}. A person must approve it before use.`,
    '',
    '## Outline',
    '',
    ...pack.article.outline.map((heading, i) => `${i + 1}. ${heading}`),
    '',
    '## Article',
    '',
    // The article's own headings sit one level below this document's sections.
    pack.article.body.replace(/^## /gm, '### '),
    '',
    '## Email',
    '',
    `**Subject:** ${pack.email.subject}  `,
    `**Preheader:** ${pack.email.preheader}`,
    '',
    pack.email.body,
    '',
    '## Subject lines',
    '',
    ...pack.subjectLines.map((line) => `- ${line}`),
    '',
    '## Social post',
    '',
    pack.social,
    '',
    '## Ad headline',
    '',
    pack.adHeadline,
    '',
    ...channelPieces(pack).flatMap((piece) => [`## ${piece.channel}`, '', piece.text, '']),
    '## Review',
    '',
    ...pack.pieces.map((piece) => `- ${piece.id}: score ${piece.score}${piece.needsReview ? ', needs review' : ''}`),
    ...(review.length ? ['', `Needs review (unapproved claims): ${review.join(', ')}`] : []),
    ...(findings.length ? ['', '### Findings', '', ...findings] : []),
    ...(pack.notices.length ? ['', '### Notices', '', ...pack.notices.map((n) => `- ${n}`)] : []),
    '',
  ].join('\n');
}

/** One "generated" audit record per piece of a pack, with its provenance and a hash of its text. */
export function packRecords(pack: ContentPack, context: { file: string; kitName: string; kitVersion: string; who?: string | undefined }): AuditRecord[] {
  const p = pack.provenance;
  return pack.pieces.map((piece) =>
    auditRecord({
      surface: 'cli',
      action: 'generated',
      who: context.who || 'onbrand cli',
      file: context.file,
      subject: piece.id,
      templateId: p.template,
      templateVersion: p.templateVersion,
      provider: p.provider,
      model: p.model,
      kitName: context.kitName,
      kitVersion: context.kitVersion,
      text: piece.text,
      detail: `${piece.findings.length} finding(s), fit ${piece.score}${piece.needsReview ? ', needs review' : ''}`,
      when: p.createdAt,
    }),
  );
}

/** Appends records to an audit file as JSON lines; a file that cannot be written is bad usage naming it. */
export async function appendAudit(io: CliIo, path: string, records: readonly AuditRecord[]): Promise<void> {
  try {
    await io.appendFile(path, auditJsonLines(records));
  } catch (error) {
    throw new UsageError(`could not append to the audit file "${path}": ${(error as Error).message}`);
  }
}

export const draftCommand: Command = {
  name: 'draft',
  summary: 'Draft an on-brand content pack from a campaign brief (offline by default)',
  usage,
  async run(argv, io) {
    let values;
    try {
      ({ values } = parseArgs({
        args: argv,
        options: {
          brief: { type: 'string' },
          kit: { type: 'string' },
          provider: { type: 'string', default: 'offline' },
          model: { type: 'string' },
          'base-url': { type: 'string' },
          format: { type: 'string', default: 'json' },
          deadline: { type: 'string' },
          audit: { type: 'string' },
        },
        strict: true,
        allowPositionals: false,
      }));
    } catch (error) {
      throw new UsageError(`${(error as Error).message}\nUsage: ${usage}`);
    }
    const problems: string[] = [];
    if (!values.brief) problems.push('--brief BRIEF.json is required');
    if (!values.kit) problems.push('--kit KIT is required');
    const provider = values.provider as ProviderId;
    if (!providerIds.includes(provider)) problems.push(`--provider must be one of ${providerIds.join(', ')} (got "${values.provider}")`);
    if (values.format !== 'json' && values.format !== 'markdown') problems.push(`--format must be json or markdown (got "${values.format}")`);
    if (provider === 'openai-compatible' && !values['base-url']) problems.push('--base-url URL is required with --provider openai-compatible');
    const keyVariable = provider !== 'offline' && providerIds.includes(provider) ? keyVariables[provider] : undefined;
    const apiKey = keyVariable ? io.env[keyVariable] : undefined;
    if (keyVariable && !apiKey) problems.push(`${adapters[provider as keyof typeof keyVariables].label} needs a key: set ${keyVariable} in the environment`);
    if (problems.length) throw new UsageError(`${problems.join('\n')}\nUsage: ${usage}`);

    const kit = parseKitJson(await readInput(io, values.kit!, 'kit'));
    if (!kit.ok) throw new UsageError(`the kit "${values.kit}" has problems:\n${describeIssues(kit.issues)}`);
    const briefText = await readInput(io, values.brief!, 'brief');
    const brief = parseBriefJson(briefText);
    if (!brief.ok) throw new UsageError(`the brief "${values.brief}" has problems:\n${describeIssues(brief.issues)}`);

    const timeout = boundedNumber(io.env.ONBRAND_TIMEOUT_MS, 'ONBRAND_TIMEOUT_MS', 'milliseconds', 1000, 600_000, defaultTimeoutMs);
    const deadline = boundedNumber(values.deadline ?? io.env.ONBRAND_DEADLINE_SECONDS, values.deadline !== undefined ? '--deadline' : 'ONBRAND_DEADLINE_SECONDS', 'seconds', 1, 3600, defaultDeadlineSeconds);
    const bounded = withDeadline(fetchWithin, timeout, deadline * 1000);
    const result = await generateContentPack(brief.value, kit.value, {
      provider,
      ...(values.model ? { model: values.model } : {}),
      ...(values['base-url'] ? { baseUrl: values['base-url'] } : {}),
      ...(apiKey ? { apiKey } : {}),
      transport: bounded.transport,
      sleep: bounded.sleep,
      now: new Date(),
    });
    // The kit's privacy policy refused to send personal data: nothing left the machine.
    const blocked = !result.ok && result.issues.find((issue) => issue.path === 'privacy');
    if (blocked) throw new UsageError(scrubSecret(blocked.message, apiKey));
    // Flags and key were checked above, so what is left to refuse is the brief against this kit (its channels).
    if (!result.ok) throw new UsageError(scrubSecret(`the brief "${values.brief}" does not fit the kit:\n${describeIssues(result.issues)}`, apiKey));
    const output = values.format === 'markdown' ? packMarkdown(result.value) : `${JSON.stringify(packJson(result.value), null, 2)}\n`;
    // The core already keeps the key out of messages; this is the last guard before anything is printed.
    io.stdout(scrubSecret(output, apiKey));
    // What the privacy screen held back is said on stderr too, where a person running a pipeline sees it.
    for (const notice of result.value.notices.filter(isPrivacyNotice)) io.stderr(`onbrand draft: ${notice}\n`);
    if (values.audit) await appendAudit(io, values.audit, packRecords(result.value, { file: values.brief!, kitName: kit.value.name, kitVersion: kit.value.version, who: io.env.ONBRAND_AUDIT_WHO }));
    // A pipeline reading the JSON may not look at its notices, so a fallback is said on stderr too.
    if (provider !== 'offline' && result.value.provenance.provider === 'offline') {
      io.stderr(scrubSecret(`onbrand draft: ${result.value.notices.find((n) => n.includes('offline')) ?? 'the model gave no usable answer; this is the offline draft.'}\n`, apiKey));
    }
    return 0;
  },
};
