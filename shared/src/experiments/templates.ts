// Experiment templates for the AI use cases teams start with. Each pre-fills what a sceptical
// analyst asks for first: the hypothesis, one primary metric, and the guardrails a win must not
// break. Baseline rate and traffic are the team's own and stay for them to fill in.

export interface ExperimentTemplate {
  id: string;
  name: string;
  hypothesis: string;
  primaryMetric: string;
  guardrailMetrics: readonly string[];
  /** The relative lift worth detecting, as a starting point. */
  mde: number;
}

export const experimentTemplates: readonly ExperimentTemplate[] = [
  {
    id: 'subject-lines',
    name: 'AI subject lines',
    hypothesis: 'Subject lines written with the AI assistant raise the open rate without costing clicks or raising unsubscribes.',
    primaryMetric: 'open rate',
    guardrailMetrics: ['click rate', 'unsubscribe rate', 'spam complaint rate'],
    mde: 0.05,
  },
  {
    id: 'send-time',
    name: 'AI send time',
    hypothesis: 'Sending each email at the hour the model predicts for the person raises the click rate.',
    primaryMetric: 'click rate',
    guardrailMetrics: ['unsubscribe rate', 'emails sent per person'],
    mde: 0.05,
  },
  {
    id: 'personalised-offers',
    name: 'AI personalised offers',
    hypothesis: 'Offers chosen by the model for each customer raise the conversion rate without lowering revenue per visitor.',
    primaryMetric: 'conversion rate',
    guardrailMetrics: ['revenue per visitor', 'average discount', 'refund rate'],
    mde: 0.1,
  },
];

/** A template by id, or null. */
export const findTemplate = (id: string): ExperimentTemplate | null => experimentTemplates.find((template) => template.id === id) ?? null;
