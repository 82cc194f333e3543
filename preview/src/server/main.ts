import { startPreviewServer } from './server';

const port = Number(process.env.PORT ?? 4173);
const preview = await startPreviewServer({ port });
console.log(`Onbrand preview: ${preview.url}`);
console.log('Figma plugin, Sheets and Docs add-ons run against simulated hosts. Press Ctrl+C to stop.');
