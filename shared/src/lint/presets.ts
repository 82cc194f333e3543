import type { BrandKit, KitPreset, Rule } from '../kit';
import { inclusiveRules } from './inclusive';

const presetRules: Record<KitPreset, () => Rule[]> = { inclusive: inclusiveRules };

/**
 * The rules a kit lints with: those of the presets it switches on, then its own. A kit rule with the
 * id of a preset rule replaces it, so a kit can change a preset rule's severity, words or channels.
 */
export function kitRules(kit: BrandKit): Rule[] {
  const own = kit.rules ?? [];
  if (!kit.presets?.length) return own;
  const ids = new Set(own.map((rule) => rule.id));
  const shipped = [...new Set(kit.presets)].flatMap((name) => presetRules[name]()).filter((rule) => !ids.has(rule.id));
  return [...shipped, ...own];
}
