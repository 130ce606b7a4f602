// A device model's own maintenance thresholds, read from its stored JSON (DeviceModel.thresholds)
// and merged over a base (the defaults, or the deployment's). Both the rules engine and the fleet
// health words read the model row they already load, so this adds no query; the parse is cached
// per distinct stored text, so a fleet of chairs of one model parses it once.
import { defaultThresholds, mergeThresholds, ModelThresholds, type Thresholds } from '../../schemas/maintenance-rules.ts';

const parsed = new Map<string, ModelThresholds | null>();
/** Distinct texts kept; a catalogue has tens of models, so this bound is only a safety net. */
const MAX_CACHED = 500;

/** The model's own thresholds; null when it has none or the stored text is not valid (the defaults then hold). */
export function parseModelThresholds(stored: string | null | undefined): ModelThresholds | null {
  if (!stored) return null;
  const hit = parsed.get(stored);
  if (hit !== undefined) return hit;
  let value: ModelThresholds | null = null;
  try {
    const result = ModelThresholds.safeParse(JSON.parse(stored));
    value = result.success && Object.keys(result.data).length > 0 ? result.data : null;
  } catch {
    value = null; // not JSON: written by hand outside the API; the defaults hold
  }
  if (parsed.size >= MAX_CACHED) parsed.clear();
  parsed.set(stored, value);
  return value;
}

/** The thresholds for a chair of a model whose stored thresholds are `stored`, over `base`. */
export function thresholdsForModel(stored: string | null | undefined, base: Readonly<Thresholds> = defaultThresholds): Thresholds {
  return mergeThresholds(base, parseModelThresholds(stored));
}

/**
 * A chair's effective thresholds, decided in one place for the rules engine and the fleet health
 * words alike: the defaults, then the deployment's settings (RULES_*, core/config/env.ts), then the
 * chair's model's own. Cheap enough per chair: the model's text is parsed once.
 */
export function chairThresholds(modelThresholds: string | null | undefined, deployment: Readonly<Partial<Thresholds>> = {}): Thresholds {
  return thresholdsForModel(modelThresholds, { ...defaultThresholds, ...deployment });
}
