// USB barcode scanners type the code as fast keystrokes ending with Enter. Humans type slower:
// keys closer than 50 ms apart and at least 8 of them before Enter count as one scan.
import { useEffect, useRef } from 'react';

const MAX_GAP_MS = 50;
const MIN_LENGTH = 8;

export function useKeyboardScanner(onScan: (text: string) => void): void {
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;
  useEffect(() => {
    let buf = '';
    let last = 0;
    const onKey = (e: KeyboardEvent) => {
      // Typing in a form field is the manual box's business.
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
      const now = performance.now();
      if (now - last > MAX_GAP_MS) buf = '';
      last = now;
      if (e.key === 'Enter') {
        if (buf.length >= MIN_LENGTH) onScanRef.current(buf);
        buf = '';
      } else if (e.key.length === 1) buf += e.key;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
