import type { Bubble } from '../contract';

// Impact (up) against feasibility (across), each 1–5, with each use case's area growing with its
// score. Drawn as inline SVG: no chart library, nothing fetched. Each bubble can take focus and
// names itself, so the chart reads with a keyboard and a screen reader.

const size = 260;
const pad = 30;
const scale = (value: number) => pad + ((value - 1) / 4) * (size - 2 * pad);
const stageColours: Record<string, string> = {
  ideate: '#9aa0a6',
  qualified: '#1a73e8',
  designed: '#a142f4',
  running: '#f29900',
  measured: '#12b5cb',
  decided: '#188038',
};

export function BubbleChart(props: { bubbles: readonly Bubble[] }) {
  const ticks = [1, 2, 3, 4, 5];
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${size} ${size}`} width="100%" role="group" aria-label="Use cases by impact and feasibility, sized by score">
        {ticks.map((t) => (
          <g key={t} class="grid-line">
            <line x1={scale(t)} x2={scale(t)} y1={pad} y2={size - pad} />
            <line x1={pad} x2={size - pad} y1={size - scale(t)} y2={size - scale(t)} />
            <text x={scale(t)} y={size - pad + 14} text-anchor="middle">{t}</text>
            <text x={pad - 10} y={size - scale(t) + 4} text-anchor="middle">{t}</text>
          </g>
        ))}
        <text class="axis" x={size / 2} y={size - 2} text-anchor="middle">Feasibility</text>
        <text class="axis" x={10} y={size / 2} text-anchor="middle" transform={`rotate(-90 10 ${size / 2})`}>Impact</text>
        {[...props.bubbles].reverse().map((bubble) => {
          const label = `${bubble.name}: impact ${bubble.impact}, feasibility ${bubble.feasibility}, score ${bubble.score.toFixed(1)}, rank ${bubble.rank}, ${bubble.stage}`;
          return (
            <g key={bubble.name} class="bubble" tabIndex={0} role="img" aria-label={label}>
              <title>{label}</title>
              <circle cx={scale(bubble.feasibility)} cy={size - scale(bubble.impact)} r={5 + (bubble.score / 100) * 14} fill={stageColours[bubble.stage] ?? '#5f6368'} />
              <text x={scale(bubble.feasibility)} y={size - scale(bubble.impact) + 4} text-anchor="middle">{bubble.rank}</text>
            </g>
          );
        })}
      </svg>
      <figcaption class="muted">Bubble size grows with the score; the number is the rank.</figcaption>
    </figure>
  );
}
