import type { EventRecord } from '@vigil/storage';
import type { AnalyticsEvent } from '@vigil/types';

/** A stored event as the API, the live stream and the notifiers show it (the snapshot as a URL, never a path). */
export const eventToApi = (e: EventRecord): AnalyticsEvent => {
  const { snapshotPath, ...rest } = e;
  return { ...rest, snapshotUrl: snapshotPath ? `/api/events/${e.id}/snapshot.jpg` : null };
};
