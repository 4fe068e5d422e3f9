export * from './ports';
export * from './watchlist-service';
