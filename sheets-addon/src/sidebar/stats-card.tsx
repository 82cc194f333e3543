import { count, percent, periodSpan, probability, pValue, signedPercent, signedPoints } from '@onbrand/shared/experiments';
import type { StatsCard } from '../contract';

type Card = NonNullable<StatsCard['card']>;

/** Each period on its own, beside the pooled figures: every variant's lift and chance to beat control. */
function Trend(props: { card: Card }) {
  const { trend } = props.card;
  if (trend.length < 2) return null;
  const variants = props.card.arms.slice(1).map((arm) => arm.arm);
  return (
    <table class="stats" data-testid="trend">
      <caption class="caption">Week by week</caption>
      <thead>
        <tr><th scope="col">Period</th>{variants.map((arm) => <th key={arm} scope="col">{arm} lift</th>)}{variants.map((arm) => <th key={arm} scope="col">{arm} P(beat)</th>)}</tr>
      </thead>
      <tbody>
        {trend.map((period) => {
          const of = (arm: string) => period.arms.find((candidate) => candidate.arm === arm);
          return (
            <tr key={period.period}>
              <th scope="row">{period.period || '—'}</th>
              {variants.map((arm) => <td key={arm}>{signedPercent(of(arm)?.lift ?? null)}</td>)}
              {variants.map((arm) => <td key={arm}>{probability(of(arm)?.probabilityToBeatControl ?? null)}</td>)}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Revenue per visitor for each variant, or why it cannot be tested. */
function Revenue(props: { card: Card }) {
  const revenue = props.card.revenue;
  if (!revenue) return null;
  if (revenue.untestable) return <p class="muted" data-testid="revenue">Revenue: {revenue.untestable}.</p>;
  return (
    <table class="stats" data-testid="revenue">
      <caption class="caption">Revenue per visitor</caption>
      <thead>
        <tr><th scope="col">Arm</th><th scope="col">Per visitor</th><th scope="col">Lift</th><th scope="col">Holm p</th><th scope="col">P(beat)</th></tr>
      </thead>
      <tbody>
        {revenue.variants.map((v) => (
          <tr key={v.arm}>
            <th scope="row">{v.arm}</th>
            <td title={`control ${v.control.toFixed(2)}`}>{v.variant.toFixed(2)}</td>
            <td title={v.liftLow === null ? '' : `interval ${signedPercent(v.liftLow)} to ${signedPercent(v.liftHigh)}`}>{signedPercent(v.lift)}</td>
            <td>{pValue(v.pValueAdjusted)}</td>
            <td>{probability(v.probabilityToBeatControl)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The frozen plan the run is judged against, its deviations, and the always-valid intervals from the peeking ledger. */
function PlanAndLooks(props: { card: Card }) {
  const { plan, sequential } = props.card;
  if (!plan) return null;
  return (
    <div data-testid="plan">
      <h3>Judged against its frozen plan</h3>
      <p class="muted">{plan.summary}</p>
      {plan.deviations.map((deviation, i) => <p key={i} class="warning" role="note">{deviation}</p>)}
      {sequential && (
        <table class="stats" data-testid="sequential">
          <caption class="caption">Always-valid intervals after {sequential.looks.length === 1 ? '1 look' : `${sequential.looks.length} looks`}</caption>
          <thead>
            <tr><th scope="col">Arm</th><th scope="col">Difference</th><th scope="col">Interval</th><th scope="col">p (any time)</th></tr>
          </thead>
          <tbody>
            {sequential.arms.map((arm) => (
              <tr key={arm.arm}>
                <th scope="row">{arm.arm}</th>
                <td>{signedPoints(arm.difference)}</td>
                <td>{signedPoints(arm.low)} to {signedPoints(arm.high)}</td>
                <td>{pValue(arm.pValue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {sequential && (
        <ol class="reasons" aria-label="Peeking ledger">
          {sequential.looks.map((look) => <li key={look.look}>{look.when.slice(0, 16).replace('T', ' ')}: {look.data}</li>)}
        </ol>
      )}
      {sequential?.pending && <p class="muted">The results changed since the last look: Analyze experiments logs the next look.</p>}
      {!sequential && <p class="muted">No look logged yet: Analyze experiments logs each look while it runs.</p>}
    </div>
  );
}

/** The chosen experiment's whole run (arms, intervals, p-values, SRM, peeking, decision) and its trend. */
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
            {[card.periods.length > 1 ? `All of ${periodSpan(card.periods)}` : periodSpan(card.periods), card.segment].filter(Boolean).join(' · ')} · α = {card.alpha}
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
                  <th scope="row" title={`${count(arm.conversions)} of ${count(arm.visitors)} (${arm.rows.length === 1 ? 'row' : 'rows'} ${arm.rows.join(', ')})`}>{arm.arm}</th>
                  <td>{percent(arm.rate, 2)}</td>
                  <td title={arm.ciLow === null ? '' : `95% interval ${signedPercent(arm.ciLow)} to ${signedPercent(arm.ciHigh)}`}>{signedPercent(arm.lift)}</td>
                  <td>{pValue(arm.pValueAdjusted)}</td>
                  <td>{probability(arm.probabilityToBeatControl)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {card.arms.slice(1).map((arm) => arm.ciLow !== null && (
            <p key={arm.arm} class="muted">{arm.arm}: lift interval {signedPercent(arm.ciLow)} to {signedPercent(arm.ciHigh)}</p>
          ))}
          <Trend card={card} />
          <Revenue card={card} />
          {card.guardrails.length > 0 && (
            <ul class="reasons" data-testid="guardrails" aria-label="Guardrails">
              {card.guardrails.map((g, i) => <li key={i} class={g.status === 'harmed' ? 'warning' : ''}>{g.text}</li>)}
            </ul>
          )}
          {card.brandFit && <p class="muted" data-testid="brand-fit">Brand fit: {card.brandFit}</p>}
          <PlanAndLooks card={card} />
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
