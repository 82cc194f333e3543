export { compileProgram, maxInstructions, UnsupportedPattern, type Program } from './compile';
export { eachLinearMatch, type LinearMatch, type Work } from './match';
