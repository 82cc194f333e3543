import type { Portfolio } from '../contract';
import { BubbleChart } from './bubble-chart';

/** Counts by stage, decisions by outcome, the top use cases and the bubble chart. */
export function PortfolioCard(props: { portfolio: Portfolio | null }) {
  const portfolio = props.portfolio;
  if (!portfolio) return null;
  const most = Math.max(1, ...portfolio.stages.map((s) => s.count));
  return (
    <section class="card" aria-labelledby="portfolio-title">
      <h2 id="portfolio-title">Portfolio</h2>
      <ul class="bars" aria-label="Use cases by stage">
        {portfolio.stages.map((s) => (
          <li key={s.stage}>
            <span class="bar-label">{s.stage}</span>
            <span class="bar" style={{ width: `${(s.count / most) * 100}%` }} />
            <span class="bar-count" data-testid={`stage-${s.stage}`}>{s.count}</span>
          </li>
        ))}
      </ul>
      <h3>Decisions</h3>
      {portfolio.decisions.length === 0 ? (
        <p class="muted">No decisions yet: analyze the experiments.</p>
      ) : (
        <ul class="chips" aria-label="Experiments by decision">
          {portfolio.decisions.map((d) => (
            <li key={d.decision} class={`chip decision-${d.decision}`} data-testid={`decision-${d.decision}`}>
              {d.decision} · {d.count}
            </li>
          ))}
        </ul>
      )}
      <h3>Top use cases</h3>
      {portfolio.top.length === 0 ? (
        <p class="muted">No scores yet: score the use cases.</p>
      ) : (
        <ol class="top" aria-label="Top use cases by score">
          {portfolio.top.map((b) => (
            <li key={b.name}>
              <span>{b.name}</span> <strong>{b.score.toFixed(1)}</strong>
            </li>
          ))}
        </ol>
      )}
      {portfolio.bubbles.length > 0 && <BubbleChart bubbles={portfolio.bubbles} />}
    </section>
  );
}
