export * from './ports';
export * from './rtsp';
