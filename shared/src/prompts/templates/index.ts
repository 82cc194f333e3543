export { contentPackTemplate } from './content-pack';
export { subjectLinesTemplate } from './subject-lines';
export { adVariantsTemplate } from './ad-variants';
export { rewriteToBrandTemplate } from './rewrite-to-brand';
export { experimentInsightTemplate } from './experiment-insight';
export { localizeShortCopyTemplate } from './localize-short-copy';
