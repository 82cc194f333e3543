import { describe, expect, it } from 'vitest';
import { runTemplate, templateInfos } from '../../docs-addon/src/server/templates';
import { formValues } from '../../docs-addon/src/server/template-form';
import { listTemplates } from '../../shared/src/prompts';
import { installDocs, texts } from './install';

/** A template's sample values, as the generated form first shows them. */
const sampleValues = (id: string) => Object.fromEntries(templateInfos().find((t) => t.id === id)!.fields.map((f) => [f.name, f.sample]));

describe('templates', () => {
  it('offers every built-in template with a form generated from its typed inputs', () => {
    installDocs(['Hi']);
    const infos = templateInfos();
    expect(infos.map((t) => t.id)).toEqual(listTemplates().map((t) => t.id));
    const subject = infos.find((t) => t.id === 'subject-lines')!;
    expect(subject.fields.find((f) => f.name === 'count')).toMatchObject({ kind: 'number', required: true });
    expect(subject.fields.find((f) => f.name === 'brief.benefits')).toMatchObject({ kind: 'list' });
    expect(subject.fields.find((f) => f.name === 'brief.offer')).toMatchObject({ required: false });
    expect(subject.fields.some((f) => f.name.startsWith('repair'))).toBe(false);
  });

  it('turns the form back into the template’s typed values, naming bad fields', () => {
    installDocs(['Hi']);
    const fields = templateInfos().find((t) => t.id === 'subject-lines')!.fields;
    const { vars, issues } = formValues(fields, { count: 'many', 'brief.benefits': 'One\n\nTwo', 'brief.product': 'Cards' });
    expect(issues).toEqual([{ path: 'count', message: 'expected a number' }]);
    expect(vars).toMatchObject({ brief: { benefits: ['One', 'Two'], product: 'Cards' } });
  });

  it('inserts a filled template at the cursor, marked for approval with its template and version', () => {
    const env = installDocs(['Mine.']);
    const result = runTemplate('subject-lines', sampleValues('subject-lines'));
    expect(result.inserted).toBe(true);
    expect(result.marks[0]).toMatchObject({ kind: 'template', template: 'subject-lines', label: 'Subject lines' });
    expect(texts(env)[0]).toBe('Mine.');
    expect(texts(env)[1]).toBe('Subject lines');
  });

  it('names a bad field and inserts nothing', () => {
    const env = installDocs(['Mine.']);
    const result = runTemplate('subject-lines', { ...sampleValues('subject-lines'), maxGraphemes: '-3' });
    expect(result.inserted).toBe(false);
    expect(result.issues[0]!.path).toBe('maxGraphemes');
    expect(texts(env)).toEqual(['Mine.']);
  });

  it('says a template needs a model when none is set, changing nothing', () => {
    const env = installDocs(['Mine.']);
    const result = runTemplate('localize-short-copy', sampleValues('localize-short-copy'));
    expect(result.notices[0]).toMatch(/needs a model/);
    expect(texts(env)).toEqual(['Mine.']);
  });
});
