import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditColumns, auditCsv, auditJsonLines, auditRecord, checkApprover, readAuditCsv } from '../../../shared/src/governance';
import { sha256 } from '../../../shared/src/hash';
import { parseKit } from '../../../shared/src/kit';

describe('sha256', () => {
  it('matches node:crypto on known vectors and on any text', () => {
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(sha256(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
    );
  });
});

describe('checkApprover', () => {
  const governance = (content: string[], stageGates: string[] = []) => ({ approvers: { content, stageGates }, allowIgnoringErrors: true });

  it('lets anyone approve when the kit names nobody, and says nobody is named', () => {
    expect(checkApprover(governance([]), {}, 'content')).toEqual({ allowed: true, named: false });
  });

  it('matches emails case-insensitively, whole domains and Figma ids', () => {
    const g = governance(['Ana@Ledgerline.com', '@legal.ledgerline.com', 'figma:42']);
    expect(checkApprover(g, { email: 'ana@ledgerline.com' }, 'content')).toEqual({ allowed: true, named: true });
    expect(checkApprover(g, { email: 'bo@legal.ledgerline.com' }, 'content')).toEqual({ allowed: true, named: true });
    expect(checkApprover(g, { figmaUserId: '42', name: 'Ana' }, 'content')).toEqual({ allowed: true, named: true });
    // A look-alike domain is not the domain.
    expect(checkApprover(g, { email: 'eve@evil-legal.ledgerline.com.x' }, 'content').allowed).toBe(false);
    expect(checkApprover(g, { email: 'eve@xlegal.ledgerline.com' }, 'content').allowed).toBe(false);
  });

  it('refuses anyone else with a message naming who may', () => {
    const check = checkApprover(governance([], ['lead@ledgerline.com']), { email: 'sam@ledgerline.com' }, 'stage-gate');
    expect(check).toEqual({ allowed: false, message: expect.stringContaining('sam@ledgerline.com is not named to pass a stage gate') });
    expect(check.allowed === false && check.message).toContain('lead@ledgerline.com');
    const unknown = checkApprover(governance(['lead@ledgerline.com']), {}, 'content');
    expect(unknown.allowed === false && unknown.message).toContain('cannot tell who you are');
  });
});

describe('the kit governance section', () => {
  it('defaults to nobody named and ignoring allowed, and names a bad field by path', () => {
    const kit = parseKit({ schemaVersion: 1, name: 'X', version: '1.0.0' });
    expect(kit.ok && kit.value.governance).toEqual({ approvers: { content: [], stageGates: [] }, allowIgnoringErrors: true });
    const bad = parseKit({ schemaVersion: 1, name: 'X', version: '1.0.0', governance: { approvers: { content: 'ana@x.com' } } });
    expect(bad.ok ? [] : bad.issues.map((issue) => issue.path)).toEqual(['governance.approvers.content']);
  });
});

describe('audit records', () => {
  const at = new Date('2026-12-04T10:00:00Z');
  const approved = auditRecord({ surface: 'docs', action: 'approved', who: 'ana@x.com', file: 'Launch brief', subject: 'Email', text: 'Close the books, faster.', detail: '=HYPERLINK("x")' }, at);

  it('fills every column, hashes the text and never stores it', () => {
    expect(Object.keys(approved)).toEqual([...auditColumns]);
    expect(approved.when).toBe('2026-12-04T10:00:00.000Z');
    expect(approved.textHash).toBe(sha256('Close the books, faster.'));
    expect(JSON.stringify(approved)).not.toContain('Close the books');
  });

  it('round-trips through CSV, formula-safe, and writes JSON lines', () => {
    const csv = auditCsv([approved, auditRecord({ surface: 'cli', action: 'generated', who: 'onbrand cli' }, at)]);
    expect(csv).toContain("'=HYPERLINK");
    const read = readAuditCsv(csv);
    expect('records' in read && read.records[0]).toEqual(approved);
    expect(auditJsonLines([approved]).trim().split('\n').map((line) => JSON.parse(line))).toEqual([approved]);
  });

  it('names the line of an unknown action and a missing column', () => {
    expect(readAuditCsv(`${auditColumns.join(',')}\r\n${auditColumns.map((c) => (c === 'surface' ? 'docs' : c === 'action' ? 'deleted' : '')).join(',')}\r\n`)).toEqual({ error: 'Line 2: unknown action "deleted".' });
    expect(readAuditCsv('when,who\r\n')).toEqual({ error: expect.stringContaining('no surface, file') });
  });
});
