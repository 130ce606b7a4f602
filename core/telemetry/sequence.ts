// Per chair and boot sequence state, shared by both stores: every seq up to the watermark is
// committed, plus the few listed above a gap; a gap the chair can no longer fill is given up.
export interface BootSequence {
  watermark: number;
  above: Set<number>;
}

/** Records `seq` as committed; past `gapLimit` waiting seqs the gap is declared lost (ring buffer overflowed). */
export function advanceSequence(boot: BootSequence, seq: number, gapLimit: number) {
  if (seq === boot.watermark + 1) {
    boot.watermark = seq;
  } else {
    boot.above.add(seq);
    if (boot.above.size > gapLimit) {
      // The chair cannot fill this gap any more: acknowledge past it so its buffer drains.
      boot.watermark = Math.min(...boot.above) - 1;
    }
  }
  while (boot.above.delete(boot.watermark + 1)) boot.watermark++;
}

/** True if the slot was committed already (stored, withheld or rejected). */
export function seenInSequence(boot: BootSequence, seq: number): boolean {
  return seq <= boot.watermark || boot.above.has(seq);
}
