import type { FigmaHost } from './host';
import { startPlugin } from './plugin';

// Assigning the real API to the carved-out type proves the carve-out matches Figma's typings.
const host: FigmaHost = figma;
startPlugin(host, __html__);
