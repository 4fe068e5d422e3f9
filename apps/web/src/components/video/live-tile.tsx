// One live picture with its overlay (name, unit, status dot, notices). Used by the video wall and
// the camera page; the socket is open only while the tile is on screen.
import { useEffect, useRef, useState, type DragEvent, type RefObject } from 'react';
import { useLivePlayer, type LiveState } from '../../hooks/use-live-player';
import { useT } from '../../i18n/i18n';
import '../../styles/video.css';

/** MIME-like key under which a camera id travels in drag and drop. */
export const CAMERA_DRAG_TYPE = 'application/x-vigil-camera';

export interface TileCamera {
  id: string;
  name: string;
  unitName?: string;
}

export interface LiveTileProps {
  cameraId: string | null;
  camera?: TileCamera;
  selected?: boolean;
  onSelect?: () => void;
  onToggleEnlarge?: () => void;
  onDropCamera?: (cameraId: string) => void;
  onClear?: () => void;
  /** Text shown in an empty tile. */
  emptyLabel?: string;
  className?: string;
}

/** True while the element intersects the viewport and the page is visible. */
function useInView(ref: RefObject<HTMLElement | null>): boolean {
  const [inView, setInView] = useState(false);
  const [visible, setVisible] = useState(() => document.visibilityState !== 'hidden');
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      setInView(true);
      return;
    }
    const io = new IntersectionObserver((entries) => setInView(entries.some((e) => e.isIntersecting)), { threshold: 0.01 });
    io.observe(el);
    return () => io.disconnect();
  }, [ref]);
  useEffect(() => {
    const onVis = () => setVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', onVis);
    return () => document.removeEventListener('visibilitychange', onVis);
  }, []);
  return inView && visible;
}

/** Colour class of the status dot: live (green), connecting (amber), offline (red). */
export function dotOf(state: LiveState): 'live' | 'connecting' | 'offline' {
  if (state === 'live') return 'live';
  if (state === 'idle' || state === 'connecting' || state === 'unplayable') return 'connecting';
  return 'offline';
}

export function LiveTile(props: LiveTileProps) {
  const { cameraId, camera, selected, onSelect, onToggleEnlarge, onDropCamera, onClear, emptyLabel, className } = props;
  const t = useT();
  const boxRef = useRef<HTMLDivElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const inView = useInView(boxRef);
  const status = useLivePlayer(videoRef, cameraId, inView);
  const [dragOver, setDragOver] = useState(false);
  const dot = dotOf(status.state);

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragOver(false);
    const id = e.dataTransfer.getData(CAMERA_DRAG_TYPE);
    if (id && onDropCamera) onDropCamera(id);
  }

  const cls = ['tile', cameraId && dot === 'offline' ? 'tile--offline' : '', selected ? 'tile--selected' : '', dragOver ? 'tile--drop' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      ref={boxRef}
      className={cls}
      data-testid="live-tile"
      data-camera-id={cameraId ?? ''}
      data-state={cameraId ? status.state : 'empty'}
      data-mode={status.mode ?? ''}
      onClick={onSelect}
      onDoubleClick={onToggleEnlarge}
      onDragOver={(e) => {
        if (!onDropCamera) return;
        e.preventDefault();
        setDragOver(true);
      }}
      onDragLeave={() => setDragOver(false)}
      onDrop={onDrop}
    >
      <video ref={videoRef} className="tile__video" muted autoPlay playsInline data-testid="live-video" />
      {!cameraId && <div className="tile__empty">{emptyLabel ?? t('video.tile.empty')}</div>}
      {cameraId && (
        <div className="tile__overlay">
          <span className={`dot dot--${dot}`} data-testid="tile-dot" title={t(`video.state.${status.state}`)} />
          <span className="tile__name" data-testid="tile-name">{camera?.name ?? cameraId}</span>
          {camera?.unitName && <span className="tile__unit">{camera.unitName}</span>}
          {onClear && (
            <button
              type="button"
              className="tile__clear"
              title={t('video.tile.clear')}
              aria-label={t('video.tile.clear')}
              onClick={(e) => {
                e.stopPropagation();
                onClear();
              }}
            >
              ×
            </button>
          )}
        </div>
      )}
      {cameraId && status.state !== 'live' && status.state !== 'idle' && (
        <div className={`tile__notice tile__notice--${dot}`} data-testid="tile-notice">
          {status.state === 'unplayable' ? t('video.tile.h265') : t(`video.state.${status.state}`)}
          {status.message && status.state !== 'unplayable' && <span className="tile__reason">{status.message}</span>}
        </div>
      )}
    </div>
  );
}
