export * from './fmp4/boxes';
export * from './fmp4/init';
export * from './fmp4/fragment';
export * from './ffmpeg/spawn';
export * from './ffmpeg/probe';
export * from './hub/stream-hub';
export * from './hub/fmp4-demuxer';
export * from './ingest/supervisor';
export * from './ingest/camera-pipeline';
export * from './recorder/segment-recorder';
export * from './sources/source';
export * from './sources/ffmpeg-ingest';
export * from './sources/network-sources';
export * from './demo/scene';
export * from './demo/demo-source';
export * from './export/clip';

import { demoSource } from './demo/demo-source';
import { fileSource, httpSource, rtspSource } from './sources/network-sources';
import { SourceRegistry } from './sources/source';

/** The registry with every built-in source: rtsp(s), http(s), file, demo. */
export function defaultSources(): SourceRegistry {
  return new SourceRegistry().register(rtspSource).register(httpSource).register(fileSource).register(demoSource);
}
export * from './sampler/keyframe-sampler';
export * from './sampler/raw-decoder';
