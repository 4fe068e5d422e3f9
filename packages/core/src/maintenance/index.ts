export * from './ports';
export * from './availability';
export * from './local-time';
export * from './ticket-service';
export * from './window-service';
export * from './report-service';
