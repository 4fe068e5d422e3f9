import { useEffect, useState } from 'react';

/** Current hash route split into segments: `#/cameras/abc` -> ['cameras', 'abc']. */
export function useHashRoute(): string[] {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return parseHash(hash);
}

export function parseHash(hash: string): string[] {
  const path = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return path.split('/').filter(Boolean).map(decodeURIComponent);
}

/** Navigate to a hash route, e.g. navigate('/cameras'). */
export function navigate(path: string): void {
  window.location.hash = `#${path.startsWith('/') ? path : `/${path}`}`;
}
