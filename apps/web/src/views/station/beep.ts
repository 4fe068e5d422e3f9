// One sound per verdict (WebAudio tones, no audio files): a short high beep to pass, two middle
// beeps for "officer", a long low buzz to stop. Officers hear the verdict without looking.
import type { ScanVerdict } from '../../api/checkpoints';

let ctx: AudioContext | undefined;

const TONES: Record<ScanVerdict, { freq: number; ms: number; type: OscillatorType }[]> = {
  pass: [{ freq: 1046, ms: 140, type: 'sine' }],
  officer: [{ freq: 660, ms: 160, type: 'triangle' }, { freq: 660, ms: 160, type: 'triangle' }],
  deny: [{ freq: 220, ms: 650, type: 'square' }],
};

export function beep(verdict: ScanVerdict): void {
  ctx ??= new AudioContext();
  let t = ctx.currentTime + 0.01;
  for (const tone of TONES[verdict]) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = tone.type;
    osc.frequency.value = tone.freq;
    gain.gain.setValueAtTime(0.25, t);
    gain.gain.exponentialRampToValueAtTime(0.001, t + tone.ms / 1000);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + tone.ms / 1000);
    t += tone.ms / 1000 + 0.08;
  }
}
