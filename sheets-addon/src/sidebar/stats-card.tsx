import type { StatsCard } from '../contract';
import { count, percent, pValue, signedPercent } from './format';

/** The chosen experiment's arms, intervals, p-values, SRM, peeking and decision. */
export function StatsCardView(props: { stats: StatsCard | null; onPick: (experiment: string) => void; onLog: (experiment: string) => void; logged: string | null }) {
  const stats = props.stats;
  if (!stats) return null;
  const card = stats.card;
  return (
    <section class="card" aria-labelledby="stats-title">
      <h2 id="stats-title">Stats card</h2>
      {stats.experiments.length > 0 && (
        <label class="field">
          <span>Experiment</span>
          <select value={card?.experiment ?? ''} onChange={(event) => props.onPick((event.target as HTMLSelectElement).value)}>
            {stats.experiments.map((name) => (
              <option key={name} value={name}>{name}</option>
            ))}
          </select>
        </label>
      )}
      {stats.hint && <p class="muted">{stats.hint}</p>}
      {card && (
        <div data-testid="stats-card">
          <p class="muted">
            {[card.period, card.segment].filter(Boolean).join(' · ')} · α = {card.alpha}
            {card.plannedPerArm ? ` · plan ${count(card.plannedPerArm)} per arm` : ''}
          </p>
          <table class="stats">
            <caption class="sr-only">Arms of {card.experiment}</caption>
            <thead>
              <tr><th scope="col">Arm</th><th scope="col">Rate</th><th scope="col">Lift</th><th scope="col">Holm p</th><th scope="col">P(beat)</th></tr>
            </thead>
            <tbody>
              {card.arms.map((arm) => (
                <tr key={arm.arm}>
                  <th scope="row" title={`${count(arm.conversions)} of ${count(arm.visitors)} (row ${arm.row})`}>{arm.arm}</th>
                  <td>{percent(arm.rate, 2)}</td>
                  <td title={arm.ciLow === null ? '' : `95% interval ${signedPercent(arm.ciLow)} to ${signedPercent(arm.ciHigh)}`}>{signedPercent(arm.lift)}</td>
                  <td>{pValue(arm.pValueAdjusted)}</td>
                  <td>{percent(arm.probabilityToBeatControl)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {card.arms.slice(1).map((arm) => arm.ciLow !== null && (
            <p key={arm.arm} class="muted">{arm.arm}: lift interval {signedPercent(arm.ciLow)} to {signedPercent(arm.ciHigh)}</p>
          ))}
          {card.srm.mismatch && <p class="warning" role="note">Sample ratio mismatch (p {pValue(card.srm.pValue)}): the split does not match the plan.</p>}
          {card.peeking && card.peeking.progress < 1 && <p class="warning" role="note">{card.peeking.message}</p>}
          <p>
            Decision: <strong class={`chip decision-${card.decision}`} data-testid="decision">{card.decision}</strong>
          </p>
          <ul class="reasons">
            {card.reasons.map((reason, i) => <li key={i}>{reason}</li>)}
          </ul>
          <p>
            <button class="button" onClick={() => props.onLog(card.experiment)}>Add to learning log</button>
          </p>
          {props.logged && <p class="muted" role="status">{props.logged}</p>}
        </div>
      )}
    </section>
  );
}
