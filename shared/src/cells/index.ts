export { sheetSafeText, sheetSafeValue } from './sheet-safe-text';
