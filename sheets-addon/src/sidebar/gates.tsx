import { useState } from 'preact/hooks';
import type { StageGates } from '../contract';
import { call } from './rpc';

type Decision = 'scale' | 'iterate' | 'stop';

/**
 * Stage gates: pick a use case, see what its next gate still needs, and move it with a reason.
 * Who may pass gates is named here, so a refusal never surprises. Templates start an experiment.
 */
export function StageGatesCard(props: { gates: StageGates | null; changed: () => Promise<unknown> }) {
  const gates = props.gates;
  const [picked, setPicked] = useState('');
  const [reason, setReason] = useState('');
  const [decision, setDecision] = useState<Decision>('scale');
  const [template, setTemplate] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [programNote, setProgramNote] = useState<string | null>(null);
  if (!gates) return null;
  const useCase = gates.useCases.find((item) => item.name === picked) ?? gates.useCases[0];
  // The decision picked below is what the gate into "decided" asks for: it is recorded with the move.
  const missing = useCase ? useCase.missing.filter((item) => !(useCase.next === 'decided' && item.startsWith('Record a decision'))) : [];
  const met = !!useCase && (useCase.met || (useCase.next === 'decided' && missing.length === 0));

  async function act(run: () => Promise<{ text: string; ok: boolean }>) {
    try {
      setMessage(await run());
    } catch (failure) {
      setMessage({ ok: false, text: (failure as Error).message });
    }
    await props.changed();
  }
  const move = () =>
    act(async () => {
      const result = await call('moveStage', { useCase: useCase!.name, reason, ...(useCase!.next === 'decided' ? { decision } : {}) });
      if (result.moved) setReason('');
      return { ok: result.moved, text: result.message };
    });
  const addExperiment = () =>
    act(async () => {
      const chosen = gates.templates.find((item) => item.id === (template || gates.templates[0]!.id))!;
      const result = await call('addExperimentFromTemplate', { templateId: chosen.id, useCase: useCase!.name, experiment: `${useCase!.name}: ${chosen.name}` });
      return { ok: result.added, text: result.message };
    });
  async function program() {
    try {
      setProgramNote((await call('buildProgram', {})).message);
    } catch (failure) {
      setProgramNote((failure as Error).message);
    }
  }

  return (
    <section class="card" aria-labelledby="gates-title">
      <h2 id="gates-title">Stage gates</h2>
      {gates.hint && <p class="muted">{gates.hint}</p>}
      <p class="muted" data-testid="approvers">
        {gates.approvers.length ? `Approvers (${gates.source === 'kit' ? 'brand kit' : 'Settings'}): ${gates.approvers.join(', ')}` : 'No stage-gate approvers are named: anyone who can edit may move a use case.'} · You: {gates.user}
      </p>
      {useCase && (
        <div data-testid="gate">
          <label class="field">
            <span>Use case</span>
            <select value={useCase.name} onChange={(event) => setPicked((event.target as HTMLSelectElement).value)}>
              {gates.useCases.map((item) => <option key={item.name} value={item.name}>{item.name}</option>)}
            </select>
          </label>
          <p>
            <span class="chip">{useCase.stage}</span>
            {useCase.next ? <> → <span class="chip">{useCase.next}</span></> : null}
            {useCase.next && <span class={met ? 'success' : 'warning'}> {met ? 'gate met' : 'gate not met'}</span>}
          </p>
          {missing.length > 0 && <ul class="reasons" aria-label="What the gate needs">{missing.map((item, i) => <li key={i}>{item}</li>)}</ul>}
          {useCase.next === 'decided' && (
            <label class="field">
              <span>Decision</span>
              <select value={decision} onChange={(event) => setDecision((event.target as HTMLSelectElement).value as Decision)}>
                <option value="scale">scale</option>
                <option value="iterate">iterate</option>
                <option value="stop">stop</option>
              </select>
            </label>
          )}
          {useCase.next && (
            <>
              <label class="field stacked">
                <span>Reason for the move</span>
                <textarea rows={2} value={reason} onInput={(event) => setReason((event.target as HTMLTextAreaElement).value)} />
              </label>
              <p>
                <button class="button primary" onClick={move}>Move to {useCase.next}</button>
              </p>
            </>
          )}
          <label class="field">
            <span>Experiment template</span>
            <select value={template || gates.templates[0]?.id} onChange={(event) => setTemplate((event.target as HTMLSelectElement).value)}>
              {gates.templates.map((item) => <option key={item.id} value={item.id}>{item.name}</option>)}
            </select>
          </label>
          <p>
            <button class="button" onClick={addExperiment}>Add experiment from template</button>
          </p>
        </div>
      )}
      <div role="status" aria-live="polite" data-testid="gate-message">
        {message && <p class={message.ok ? 'success' : 'warning'}>{message.text}</p>}
      </div>
      <p>
        <button class="button" onClick={program}>Build program sheet</button>
      </p>
      {programNote && <p class="muted" data-testid="program-message">{programNote}</p>}
    </section>
  );
}
