// Webcam + in-browser QR decoding (zxing-wasm with its bundled .wasm served by Vite, never a CDN).
import { useCallback, useEffect, useRef, useState } from 'react';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

prepareZXingModule({ overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) } });

/** Frames are decoded at most this often: enough for a person holding up a phone, light on the CPU. */
const DECODE_EVERY_MS = 120;
const MAX_DECODE_WIDTH = 960;

export interface CameraCode {
  text: string;
  /** Small JPEG of the frame, as a data: URL, for the scan log. */
  thumbnail: string;
  decodeMs: number;
}

/** Starts the camera into `videoRef` and calls `onCode` for each code decoded. */
export function useQrCamera(onCode: (code: CameraCode) => void) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string>();
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;
  const streamRef = useRef<MediaStream | null>(null);

  const stop = useCallback(() => {
    streamRef.current?.getTracks().forEach((t) => t.stop());
    streamRef.current = null;
    setRunning(false);
  }, []);

  const start = useCallback(async () => {
    setError(undefined);
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 }, facingMode: 'user' }, audio: false });
      streamRef.current = stream;
      const video = videoRef.current!;
      video.srcObject = stream;
      await video.play();
      setRunning(true);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, []);

  useEffect(() => {
    if (!running) return;
    let cancelled = false;
    const canvas = document.createElement('canvas');
    const g = canvas.getContext('2d', { willReadFrequently: true })!;
    const thumb = document.createElement('canvas');
    const loop = async () => {
      while (!cancelled) {
        const video = videoRef.current;
        const t0 = performance.now();
        if (video && video.videoWidth > 0) {
          const scale = Math.min(1, MAX_DECODE_WIDTH / video.videoWidth);
          canvas.width = Math.round(video.videoWidth * scale);
          canvas.height = Math.round(video.videoHeight * scale);
          g.drawImage(video, 0, 0, canvas.width, canvas.height);
          const found = await readBarcodes(g.getImageData(0, 0, canvas.width, canvas.height), { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 1 });
          const hit = found.find((r) => r.isValid && r.text);
          if (hit && !cancelled) {
            thumb.width = 160;
            thumb.height = Math.round((160 * canvas.height) / canvas.width);
            thumb.getContext('2d')!.drawImage(canvas, 0, 0, thumb.width, thumb.height);
            onCodeRef.current({ text: hit.text, thumbnail: thumb.toDataURL('image/jpeg', 0.6), decodeMs: performance.now() - t0 });
          }
        }
        await new Promise((r) => setTimeout(r, Math.max(10, DECODE_EVERY_MS - (performance.now() - t0))));
      }
    };
    void loop();
    return () => {
      cancelled = true;
    };
  }, [running]);

  useEffect(() => stop, [stop]);
  return { videoRef, running, error, start, stop };
}
